import { describe, expect, it } from 'vitest';
import { loans, paymentAllocations } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * Issue 9, the card side of points 1 and 7: the loan card says which order a payment covers
 * late fee, penalty interest, fees, interest and principal in (Civil Code Art. 561 unless the
 * contract says otherwise) and whose dates the due dates are (the lender's time zone), and its
 * Edit menu changes both.
 */

/** 10:00 in Shanghai on that day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

/** 1,299 bought now, paid later on 2027-01-15: 0.05 %/day on the whole overdue amount after 3 days' grace. */
const BNPL = 'earbuds 1299 buy now pay later first 2027-01-15';
const CIVIL_CODE_LINE =
  'Payments cover: late fee → penalty interest → fees → interest → principal (Civil Code Art. 561, the default unless your contract says otherwise)';
const PRINCIPAL_FIRST_LINE =
  'Payments cover: principal → interest → fees → penalty interest → late fee (principal first, as your contract says)';

/** The card of a BNPL line, which asks whether there is a fee on top first: none. */
async function bnplCard(bot: TestBot, line = BNPL) {
  await bot.say(`/addloan ${line}`);
  return texts(await bot.say('0'));
}

function loan(bot: TestBot) {
  const row = bot.db.select().from(loans).get();
  if (!row) throw new Error('no loan');
  return row;
}

async function pay(bot: TestBot, args: string, confirm = 'Confirm') {
  await bot.say(`/paid ${args}`);
  return texts(await bot.pressLabel(confirm));
}

describe('the payment order on the card', () => {
  it('the card of a new loan and of /editloan says the Civil Code order applies', async () => {
    const bot = createTestBot();
    expect(await bnplCard(bot)).toContain(CIVIL_CODE_LINE);
    await bot.pressLabel('Save');
    expect(loan(bot).allocationOrder).toBe('civil-code');
    expect(texts(await bot.say('/editloan'))).toContain(CIVIL_CODE_LINE);
  });

  it('"Principal first" is saved, and a part payment on a late installment then pays principal before penalty', async () => {
    const bot = createTestBot();
    await bnplCard(bot);
    await bot.pressLabel('Edit');
    const asked = texts(await bot.pressLabel('Payment order'));
    expect(asked).toContain(
      'In which order does a payment cover what you owe? Now: late fee → penalty interest → fees → interest → principal.',
    );
    expect(texts(await bot.pressLabel('Principal first'))).toContain(PRINCIPAL_FIRST_LINE);
    // Nothing is saved before Save.
    expect(bot.db.select().from(loans).all()).toEqual([]);
    await bot.pressLabel('Save');
    expect(loan(bot).allocationOrder).toBe('principal-first');

    bot.clock.set(at('2027-01-25'));
    expect(texts(await bot.say('/status'))).toContain('earbuds: 1,299.00 overdue, penalty so far 6.50');
    expect(await pay(bot, 'earbuds 1000')).toContain('Still owed on this loan: 305.50');
    // The 1,000 went to the price: the 6.50 of penalty is still owed (Civil Code order: 305.50 overdue, penalty 0.00).
    expect(texts(await bot.say('/status'))).toContain('earbuds: 299.00 overdue, penalty so far 6.50');
    expect(bot.db.select().from(paymentAllocations).all()).toEqual([expect.objectContaining({ amount: '1000.00', penalty: '0.00' })]);
    expect(texts(await bot.say('/editloan'))).toContain(PRINCIPAL_FIRST_LINE);
  });

  it('changing the order of a loan already paid into re-books its payments in the new order', async () => {
    const bot = createTestBot();
    await bnplCard(bot);
    await bot.pressLabel('Save');
    bot.clock.set(at('2027-01-25'));
    await pay(bot, 'earbuds 1000');
    expect(texts(await bot.say('/status'))).toContain('earbuds: 305.50 overdue, penalty so far 0.00');
    expect(bot.db.select().from(paymentAllocations).get()?.penalty).toBe('6.50');

    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Payment order');
    await bot.pressLabel('Principal first');
    await bot.pressLabel('Save');
    expect(loan(bot).allocationOrder).toBe('principal-first');
    expect(texts(await bot.say('/status'))).toContain('earbuds: 299.00 overdue, penalty so far 6.50');
    expect(bot.db.select().from(paymentAllocations).get()?.penalty).toBe('0.00');

    // And back: the Civil Code button restores the default.
    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Payment order');
    expect(texts(await bot.pressLabel('Civil Code order (the default)'))).toContain(CIVIL_CODE_LINE);
    await bot.pressLabel('Save');
    expect(loan(bot).allocationOrder).toBe('civil-code');
    expect(texts(await bot.say('/status'))).toContain('earbuds: 305.50 overdue, penalty so far 0.00');
  });

  it('a contract order of its own, typed in Chinese', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    const card = await bnplCard(bot, '耳机 1299 先享后付 首期2027-01-15');
    expect(card).toContain('还款冲抵顺序：违约金 → 罚息 → 手续费 → 利息 → 本金（《民法典》第561条，合同没有另行约定时的默认顺序）');
    await bot.pressLabel('修改');
    expect(texts(await bot.pressLabel('还款冲抵顺序'))).toContain(
      '每笔还款按什么顺序冲抵欠款？当前：违约金 → 罚息 → 手续费 → 利息 → 本金。',
    );
    expect(texts(await bot.say('利息、本金、手续费、罚息、滞纳金'))).toContain(
      '还款冲抵顺序：利息 → 本金 → 手续费 → 罚息 → 违约金（按合同约定）',
    );
    await bot.pressLabel('保存');
    expect(loan(bot).allocationOrder).toBe('interest,principal,fee,penalty,late-fee');
    expect(texts(await bot.say('/editloan'))).toContain('还款冲抵顺序：利息 → 本金 → 手续费 → 罚息 → 违约金（按合同约定）');
  });

  it('an order in English of its own, and "principal first" in Chinese by its button', async () => {
    const en = createTestBot();
    await bnplCard(en);
    await en.pressLabel('Edit');
    await en.pressLabel('Payment order');
    expect(texts(await en.say('penalty, late fee, interest, fees, principal'))).toContain(
      'Payments cover: penalty interest → late fee → interest → fees → principal (as your contract says)',
    );
    await en.pressLabel('Save');
    expect(loan(en).allocationOrder).toBe('penalty,late-fee,interest,fee,principal');

    const zh = createTestBot();
    await zh.say('/language zh-Hans');
    await bnplCard(zh, '耳机 1299 先享后付 首期2027-01-15');
    await zh.pressLabel('修改');
    await zh.pressLabel('还款冲抵顺序');
    expect(texts(await zh.pressLabel('先还本金'))).toContain('还款冲抵顺序：本金 → 利息 → 手续费 → 罚息 → 违约金（先还本金，按合同约定）');
    await zh.pressLabel('保存');
    expect(loan(zh).allocationOrder).toBe('principal-first');
  });

  it('refuses an order with a part it does not know, a part twice or a part missing, saying which, and saves nothing', async () => {
    const bot = createTestBot();
    await bnplCard(bot);
    await bot.pressLabel('Save');
    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Payment order');
    const question = 'In which order does a payment cover what you owe?';

    const unknown = texts(await bot.say('principal, intrest, fees, penalty, late fee'));
    expect(unknown).toContain('“intrest” is not one of the parts a payment covers.');
    expect(unknown).toContain('late fee, penalty interest, fees, interest, principal');
    expect(unknown).toContain(question);

    const twice = texts(await bot.say('principal, interest, principal, fees, penalty'));
    expect(twice).toContain('You named principal twice. Name each of the five parts once.');
    expect(twice).toContain(question);

    const missing = texts(await bot.say('principal, interest'));
    expect(missing).toContain('These 3 parts are missing: late fee, penalty interest, fees. Name all five parts, each once.');
    expect(missing).toContain(question);
    expect(texts(await bot.say('principal, interest, fees, penalty'))).toContain('This part is missing: late fee.');

    // Still asking: the form has not moved on, and the loan keeps its order.
    expect(texts(await bot.say('/cancel'))).toContain('Cancelled. Nothing was saved.');
    expect(loan(bot).allocationOrder).toBe('civil-code');
  });

  it('the same refusals in Chinese', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    await bnplCard(bot, '耳机 1299 先享后付 首期2027-01-15');
    await bot.pressLabel('修改');
    await bot.pressLabel('还款冲抵顺序');
    const question = '每笔还款按什么顺序冲抵欠款？';

    const unknown = texts(await bot.say('本金、利息、保险费、罚息、违约金'));
    expect(unknown).toContain('“保险费”不是还款冲抵的一项。');
    expect(unknown).toContain(question);

    const twice = texts(await bot.say('违约金、滞纳金、罚息、手续费、利息、本金'));
    expect(twice).toContain('违约金写了两次（违约金和滞纳金在这里是同一项）。每项只写一次。');
    expect(twice).toContain(question);

    const missing = texts(await bot.say('本金、利息、手续费'));
    expect(missing).toContain('缺少 2 项：违约金、罚息。请把五项都写上，每项一次。');
    expect(missing).toContain(question);
    expect(bot.db.select().from(loans).all()).toEqual([]);
  });
});

describe("the lender's time zone on the card", () => {
  it('a new loan is in the default zone, named, and stored as unset', async () => {
    const bot = createTestBot();
    expect(await bnplCard(bot)).toContain("Lender's time zone: Beijing time (due dates are its dates)");
    await bot.pressLabel('Save');
    expect(loan(bot).lenderTimeZone).toBeNull();
  });

  it('"London" is saved as Europe/London and shown, with the borrower’s own zone beside it', async () => {
    const bot = createTestBot();
    await bnplCard(bot);
    await bot.pressLabel('Edit');
    expect(texts(await bot.pressLabel("Lender's time zone"))).toContain(
      "Which time zone is the lender in? Due dates are the lender's dates. Now: Beijing time (yours: Beijing time).",
    );
    const shown = "Lender's time zone: London time (due dates are its dates; yours is Beijing time, so reminders give both clocks)";
    expect(texts(await bot.say('London'))).toContain(shown);
    await bot.pressLabel('Save');
    expect(loan(bot).lenderTimeZone).toBe('Europe/London');
    expect(texts(await bot.say('/editloan'))).toContain(shown);
  });

  it('in Chinese: 伦敦 and 北京时间, typed as people say them', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    await bnplCard(bot, '耳机 1299 先享后付 首期2027-01-15');
    await bot.pressLabel('修改');
    await bot.pressLabel('出借方时区');
    expect(texts(await bot.say('伦敦'))).toContain(
      '出借方时区：伦敦时间（还款日是出借方的日期；你的时区是北京时间，提醒会同时写出两边的时间）',
    );
    await bot.pressLabel('修改');
    await bot.pressLabel('出借方时区');
    expect(texts(await bot.say('北京时间'))).toContain('出借方时区：北京时间（还款日是出借方的日期）');
    await bot.pressLabel('保存');
    expect(loan(bot).lenderTimeZone).toBe('Asia/Shanghai');
  });

  it('an offset is a zone too: UTC+8 on an existing loan', async () => {
    const bot = createTestBot();
    await bnplCard(bot);
    await bot.pressLabel('Save');
    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel("Lender's time zone");
    expect(texts(await bot.say('UTC+8'))).toContain("Lender's time zone: UTC+8 (due dates are its dates; yours is Beijing time");
    await bot.pressLabel('Save');
    expect(loan(bot).lenderTimeZone).toBe('Etc/GMT-8');
  });

  it('an unknown or ambiguous zone is refused with the question again, and nothing is saved', async () => {
    const bot = createTestBot();
    await bnplCard(bot);
    await bot.pressLabel('Save');
    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel("Lender's time zone");
    const unknown = texts(await bot.say('Mars'));
    expect(unknown).toContain("I don't know that time zone.");
    expect(unknown).toContain('Which time zone is the lender in?');
    expect(texts(await bot.say('CST'))).toContain('That name covers more than one time zone');
    await bot.say('/cancel');
    expect(loan(bot).lenderTimeZone).toBeNull();

    const zh = createTestBot();
    await zh.say('/language zh-Hans');
    await bnplCard(zh, '耳机 1299 先享后付 首期2027-01-15');
    await zh.pressLabel('修改');
    await zh.pressLabel('出借方时区');
    const refused = texts(await zh.say('火星'));
    expect(refused).toContain('我不认识这个时区。');
    expect(refused).toContain('出借方在哪个时区？');
  });
});
