import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { formStates } from '../../src/db/schema.ts';
import { texts } from '../support/bot.ts';
import {
  ADDED,
  CAR,
  LATE,
  TEAM_CHAT,
  addLoan,
  auditRowsOf,
  fileRequest,
  hardshipBot,
  lateBorrower,
  queued,
  requestsIn,
  speaker,
} from '../support/hardship.ts';

/*
 * /hardship as a borrower fills it in. The car loan (10,000 at 12% over 12 months, 888.49 a
 * month) is added on 2027-01-10 and the clock then moves to 2027-02-05: installment 1, due
 * 2027-01-15, is 21 days late with 9.33 of penalty, and the loan owes 10,671.19 in all.
 * Operators 900 and 901; their team's group is chat -100, where the notice waits in the outbox.
 */

const letterOf = (replies: { file?: { kind: string; filename: string; mime: string; content: Uint8Array } }[]) => {
  const file = replies.find((reply) => reply.file)?.file;
  if (!file) throw new Error('no file among the replies');
  return { ...file, text: new TextDecoder().decode(file.content) };
};

describe('/hardship in English, every step', () => {
  it('collects the request, shows the summary with what is left after costs, gives the letter as text and as a file, and notifies the operators', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);

    const start = await me.say('/hardship');
    // One loan: the form goes straight to what is asked for.
    expect(texts(start)).toContain("Let's put together a request for help.");
    expect(texts(start)).toContain('What would help most?');
    expect(me.labels()).toEqual(['Deferral', 'New repayment plan', 'Penalty waiver', 'Pause collection contact', 'Cancel']);

    expect(texts(await me.tap('Deferral'))).toContain("Why can't you pay as planned?");
    expect(texts(await me.tap('Lost my job'))).toContain('In your own words, what happened and since when?');
    expect(texts(await me.say('Laid off on 1 December when the factory closed.'))).toContain('Your monthly income after tax');

    // An item of another group: a clear answer and the same question again.
    const wrongGroup = await me.say('salary 6000, rent 2000');
    expect(texts(wrongGroup)).toContain('“rent” goes under fixed costs, which has its own question; leave it out here.');
    expect(texts(wrongGroup)).toContain('Your monthly income after tax');
    // A word it does not know.
    const unknown = await me.say('salary 6000, bonnus 500');
    expect(texts(unknown)).toContain("I don't know “bonnus” as an item here.");
    expect(texts(unknown)).toContain('Your monthly income after tax');

    expect(texts(await me.say('salary 6000, benefits 500'))).toContain('Your fixed monthly costs');
    expect(texts(await me.say('rent 2000'))).toContain('Your flexible monthly costs');
    expect(texts(await me.say('food 1500'))).toContain('By how many months should the payments move? (at most 3)');
    expect(me.labels()).toEqual(['1 month', '2 months', '3 months', 'Cancel']);
    expect(texts(await me.tap('2 months'))).toContain('What can you show the lender?');
    expect(me.labels()).toEqual(['Termination letter', 'Unemployment registration', 'Bank statements', 'Continue', 'Cancel']);
    await me.tap('Termination letter');
    expect(me.labels()).toContain('✓ Termination letter');

    const summary = texts(await me.tap('Continue'));
    expect(summary).toContain('Your request: a deferral of 2 months');
    expect(summary).toContain('• car: owed 10,671.19; overdue 888.49 for 21 days, penalty so far 9.33');
    expect(summary).toContain('Reason: Lost my job — “Laid off on 1 December when the factory closed.”');
    // 6,500 in, 2,000 + 1,500 out: 3,000.00 left.
    expect(summary).toContain('Monthly budget: income 6,500.00, fixed costs 2,000.00, flexible costs 1,500.00');
    expect(summary).toContain('Left after costs: 3,000.00 a month');
    expect(summary).toContain('car: 12 installments move, the first from 2027-01-15 (Fri) to 2027-03-15 (Mon)');
    expect(summary).toContain('Evidence you can provide: Termination letter');
    // English speakers get no "Letter in English" button: their letter is in English.
    expect(me.labels()).toEqual(['✅ Submit and share', 'Cancel']);
    // Nothing is written before Submit.
    expect(requestsIn(bot.db)).toEqual([]);
    expect(queued(bot.db)).toEqual([]);

    const sent = await me.tap('✅ Submit and share');
    expect(sent).toHaveLength(3);
    expect(sent[0]?.text).toContain('Request #1 submitted and sent for review.');
    expect(sent[0]?.text).toContain('Left after costs: 3,000.00 a month');
    expect(sent[1]?.text).toContain('A letter you can send your lender (also attached as a file):');
    const letter = letterOf(sent);
    expect(letter).toMatchObject({ kind: 'document', filename: 'hardship-request-1.txt' });
    expect(letter.mime).toMatch(/^text\/plain/);
    // The file is the letter shown in the chat.
    expect(sent[1]?.text).toContain(letter.text);
    expect(letter.text).toContain('Date: 2027-02-05');
    expect(letter.text).toContain('Subject: request for a deferral of 2 months — car');
    expect(letter.text).toContain('The reason: Lost my job.');
    expect(letter.text).toContain('In my own words: Laid off on 1 December when the factory closed.');
    expect(letter.text).toContain('• car: owed 10,671.19; overdue 888.49 for 21 days, penalty so far 9.33');
    expect(letter.text).toContain('Left after costs: 3,000.00 a month');
    expect(letter.text).toContain('I can provide: Termination letter.');

    expect(requestsIn(bot.db)).toEqual([
      expect.objectContaining({
        id: 1,
        userId: 1,
        kind: 'deferral',
        status: 'open',
        proposal: { kind: 'deferral', months: 2 },
        budget: { earnings: '6000.00', benefits: '500.00', 'rent-mortgage': '2000.00', 'food-housekeeping': '1500.00' },
        evidence: ['termination-letter'],
        letterLocale: 'en',
      }),
    ]);
    const [notice, ...others] = queued(bot.db);
    expect(others).toEqual([]);
    expect(notice?.chatId).toBe(TEAM_CHAT);
    expect(notice?.text).toContain('Hardship request #1: a deferral of 2 months (waiting for a decision)');
    // Customer since: the day the borrower first wrote, 26 days ago.
    expect(notice?.text).toContain('Borrower: user 1, using this bot since 2027-01-10 (Sun) (26 days)');
    expect(notice?.text).toContain('Reason: Lost my job — “Laid off on 1 December when the factory closed.”');
    expect(notice?.text).toContain('• car: owed 10,671.19; overdue 888.49 for 21 days, penalty so far 9.33');
    expect(notice?.text).toContain('Monthly budget: income 6,500.00, fixed costs 2,000.00, flexible costs 1,500.00');
    expect(notice?.text).toContain('Left after costs: 3,000.00 a month');
    expect(notice?.buttons).toEqual([
      [
        { label: '✅ Approve', data: 'review:approve:1' },
        { label: '❌ Reject', data: 'review:reject:1' },
      ],
      [{ label: '❓ Ask for more', data: 'review:ask:1' }],
    ]);
    // The form is closed.
    expect(bot.db.select().from(formStates).all()).toEqual([]);
  });

  it('Skip leaves a budget group out; all skipped, the summary says the budget was not given', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('Deferral');
    await me.tap('Lost my job');
    await me.tap('Skip');
    expect(texts(await me.say('salary 6000'))).toContain('Your fixed monthly costs');
    await me.tap('Skip');
    await me.tap('Skip');
    await me.tap('1 month');
    const summary = texts(await me.tap('Continue'));
    expect(summary).toContain('Reason: Lost my job\n');
    expect(summary).toContain('Monthly budget: income 6,000.00');
    expect(summary).toContain('car: 12 installments move, the first from 2027-01-15 (Fri) to 2027-02-15 (Mon)');

    const other = await lateBorrower();
    await fileRequest(other, 'Deferral', { tap: '1 month' });
    expect(requestsIn(other.db)[0]).toMatchObject({ budget: {}, reasonText: '' });
    expect(queued(other.db)[0]?.text).toContain('Budget: not given.');
  });

  it('/back goes one question back keeping the answers; a new answer replaces the old one', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('Deferral');
    await me.tap('Lost my job');
    await me.tap('Skip');
    await me.say('salary 6000');
    expect(texts(await me.say('/back'))).toContain('Your monthly income after tax');
    expect(texts(await me.say('/back'))).toContain('In your own words');
    expect(texts(await me.say('/back'))).toContain("Why can't you pay as planned?");
    await me.tap('Illness or injury');
    await me.say('In hospital since January.');
    await me.say('salary 4000');
    await me.say('rent 1000');
    await me.say('/back');
    await me.say('rent 1500');
    await me.tap('Skip');
    await me.tap('2 months');
    // Evidence fits the new reason.
    expect(me.labels()).toEqual(["Hospital or doctor's record", 'Medical bills', 'Sick-leave note', 'Continue', 'Cancel']);
    const summary = texts(await me.tap('Continue'));
    expect(summary).toContain('Reason: Illness or injury — “In hospital since January.”');
    expect(summary).toContain('Monthly budget: income 4,000.00, fixed costs 1,500.00');
  });

  it('/cancel drops the form with nothing saved or sent', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('Deferral');
    await me.tap('Lost my job');
    await me.say('Laid off.');
    await me.say('salary 6000');
    const cancelled = texts(await me.say('/cancel'));
    expect(cancelled).toContain('Nothing was saved');
    expect(bot.db.select().from(formStates).all()).toEqual([]);
    expect(requestsIn(bot.db)).toEqual([]);
    expect(queued(bot.db)).toEqual([]);
    expect(auditRowsOf(bot.db)).toEqual([]);
    // Started again, it starts from the beginning.
    expect(texts(await me.say('/hardship'))).toContain('What would help most?');
  });

  it('the Cancel button drops it too', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('Deferral');
    expect(texts(await me.tap('Cancel'))).toBe('Request dropped. Nothing was sent.');
    expect(bot.db.select().from(formStates).all()).toEqual([]);
    expect(requestsIn(bot.db)).toEqual([]);
  });

  it('/next answers while the form is open, and the next answer still goes to the form', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('Deferral');
    await me.tap('Lost my job');
    await me.tap('Skip');
    await me.say('salary 6000');
    const next = texts(await me.say('/next'));
    expect(next).toContain('Next due: 2027-01-15 (Fri), 21 days overdue');
    expect(next).toContain('• car: 897.82 (installment 1 of 12)');
    // The form is where it was: "rent 2000" is its answer, not a free-text question.
    expect(texts(await me.say('rent 2000'))).toContain('Your flexible monthly costs');
    await me.tap('Skip');
    await me.tap('2 months');
    const summary = texts(await me.tap('Continue'));
    expect(summary).toContain('Monthly budget: income 6,000.00, fixed costs 2,000.00');
  });

  it('survives a restart: a new runtime on the same Db object resumes at the same question with the answers kept', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('Deferral');
    await me.tap('Lost my job');
    await me.say('Laid off.');
    await me.say('salary 6000');

    const restarted = hardshipBot({ now: '2027-02-05T11:00:00+08:00', db: bot.db });
    const again = speaker(restarted);
    expect(texts(await again.say('rent 2000'))).toContain('Your flexible monthly costs');
    await again.tap('Skip');
    await again.tap('2 months');
    const summary = texts(await again.tap('Continue'));
    expect(summary).toContain('Reason: Lost my job — “Laid off.”');
    expect(summary).toContain('Monthly budget: income 6,000.00, fixed costs 2,000.00');
    expect(texts(await again.tap('✅ Submit and share'))).toContain('Request #1 submitted');
    expect(queued(restarted.db)).toHaveLength(1);
  });

  describe('on a database file', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });

    it('survives a restart: the process ends, a new one opens the same file, the open question comes back', async () => {
      dir = mkdtempSync(join(tmpdir(), 'repaybot-hardship-'));
      const path = join(dir, 'bot.sqlite');
      const first = openDatabase(path);
      const bot = hardshipBot({ now: ADDED, db: first });
      await addLoan(bot, CAR);
      bot.clock.set(new Date(LATE));
      const me = speaker(bot);
      await me.say('/hardship');
      await me.tap('Penalty waiver');
      await me.tap('Lost my job');
      await me.tap('Skip');
      await me.say('salary 3000');
      first.$client.close();

      const second = openDatabase(path);
      const restarted = hardshipBot({ now: '2027-02-05T12:00:00+08:00', db: second });
      const again = speaker(restarted);
      // A stale question's answer is not needed: /back shows where the form stands.
      expect(texts(await again.say('/back'))).toContain('Your monthly income after tax');
      await again.say('salary 3000');
      await again.tap('Skip');
      await again.tap('Skip');
      expect(texts(await again.tap('100%'))).toContain('What can you show the lender?');
      const summary = texts(await again.tap('Continue'));
      expect(summary).toContain('Your request: a waiver of 100% of the penalty');
      expect(summary).toContain('Installment 1: penalty 9.33');
      expect(summary).toContain('Monthly budget: income 3,000.00');
      second.$client.close();
    });
  });
});

describe('/hardship in Chinese', () => {
  it('zh-Hans (zh-CN): every question, an item budget, a bad line, the summary, the letter and its file in simplified Chinese', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, '车贷 10000 12期 年利率12% 等额本息 首期2027-01-15', 'zh-CN');
    bot.clock.set(new Date(LATE));
    const me = speaker(bot, { lang: 'zh-CN' });
    const start = texts(await me.say('/hardship'));
    expect(start).toContain('哪种帮助最有用？');
    expect(me.labels()).toContain('延期');
    expect(texts(await me.tap('延期'))).toContain('为什么无法按计划还款？');
    expect(texts(await me.tap('失业'))).toContain('请用自己的话说说发生了什么');
    expect(texts(await me.tap('跳过'))).toContain('你每月的税后收入');

    const bad = texts(await me.say('工资6000 房租2000'));
    expect(bad).toContain('“房租”属于固定支出');
    expect(bad).toContain('你每月的税后收入');
    expect(texts(await me.say('工资6000 补贴500'))).toContain('你每月的固定支出');
    expect(texts(await me.say('房租2000'))).toContain('你每月的弹性支出');
    expect(texts(await me.say('买菜1500'))).toContain('还款往后推几个月？');
    await me.tap('2 个月');
    const summary = texts(await me.tap('继续'));
    expect(summary).toContain('你的申请：延期 2 个月');
    expect(summary).toContain('每月收支：收入 6,500.00，固定支出 2,000.00，弹性支出 1,500.00');
    expect(summary).toContain('扣除开销后每月剩余：3,000.00');
    expect(summary).toContain('罚息 9.33');
    expect(me.labels()).toContain('英文版申请信');

    const sent = await me.tap(me.labels().find((label) => label.startsWith('✅')) ?? '');
    expect(sent[0]?.text).toContain('申请 #1');
    const letter = letterOf(sent);
    expect(letter.mime).toMatch(/^text\/plain/);
    expect(letter.text).toContain('车贷');
    expect(letter.text).toContain('扣除开销后每月剩余：3,000.00');
    expect(letter.text).not.toContain('Dear Sir or Madam');
    expect(requestsIn(bot.db)[0]?.letterLocale).toBe('zh-Hans');
    // Operators read the notice in the bot's language (English here).
    expect(queued(bot.db)[0]?.text).toContain('Hardship request #1: a deferral of 2 months');
    expect(queued(bot.db)[0]?.text).toContain('Left after costs: 3,000.00 a month');
  });

  it('zh-Hant (zh-TW): the questions and the error in traditional Chinese; "Letter in English" gives the letter in English', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, '车贷 10000 12期 年利率12% 等额本息 首期2027-01-15', 'zh-CN');
    bot.clock.set(new Date(LATE));
    const me = speaker(bot, { lang: 'zh-TW' });
    expect(texts(await me.say('/hardship'))).toContain('哪種幫助最有用？');
    expect(texts(await me.tap('延期'))).toContain('為什麼無法按計畫還款？');
    await me.tap('失業');
    expect(texts(await me.say('公司裁員，從十二月起沒有收入。'))).toContain('你每月的稅後收入');
    const bad = texts(await me.say('工資6000 房租2000'));
    expect(bad).toContain('「房租」屬於固定支出');
    expect(bad).toContain('你每月的稅後收入');
    await me.say('工資6000 補貼500');
    await me.say('房租2000');
    await me.say('買菜1500');
    await me.tap('2 個月');
    const summary = texts(await me.tap('繼續'));
    expect(summary).toContain('你的申請：延期 2 個月');
    expect(summary).toContain('每月收支：收入 6,500.00，固定支出 2,000.00，彈性支出 1,500.00');
    expect(summary).toContain('扣除開銷後每月剩餘：3,000.00');

    await me.tap('英文版申請信');
    expect(me.labels()).toContain('✓ 英文版申請信');
    const sent = await me.tap(me.labels().find((label) => label.startsWith('✅')) ?? '');
    // The chat stays in the borrower's language; the letter is in English.
    expect(sent[0]?.text).toContain('申請 #1');
    expect(sent[0]?.text).toContain('扣除開銷後每月剩餘：3,000.00');
    const letter = letterOf(sent);
    expect(letter.text).toContain('Dear Sir or Madam,');
    expect(letter.text).toContain('Subject: request for a deferral of 2 months — 车贷');
    expect(letter.text).toContain('In my own words: 公司裁員，從十二月起沒有收入。');
    expect(letter.text).toContain('Left after costs: 3,000.00 a month');
    expect(requestsIn(bot.db)[0]?.letterLocale).toBe('en');
  });

  it('zh-Hant without "Letter in English": the letter is in traditional Chinese', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot, { lang: 'zh-TW' });
    await me.say('/hardship');
    await me.tap('延期');
    await me.tap('失業');
    await me.tap('跳過');
    await me.tap('跳過');
    await me.tap('跳過');
    await me.tap('跳過');
    await me.tap('1 個月');
    await me.tap('繼續');
    const sent = await me.tap(me.labels().find((label) => label.startsWith('✅')) ?? '');
    const letter = letterOf(sent);
    expect(letter.text).toContain('延期 1 個月');
    expect(letter.text).not.toContain('Dear Sir or Madam');
    expect(requestsIn(bot.db)[0]?.letterLocale).toBe('zh-Hant');
  });
});

describe('a new plan', () => {
  /** Income 3,000, rent 2,000, food 700: 300.00 a month is left. */
  async function toPlanQuestion() {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('New repayment plan');
    await me.tap('My income dropped');
    await me.tap('Skip');
    await me.say('salary 3000');
    await me.say('rent 2000');
    const question = texts(await me.say('food 700'));
    return { bot, me, question };
  }

  it('suggests what the budget leaves, and shows the loan engine’s schedule for it', async () => {
    const { me, question } = await toPlanQuestion();
    expect(question).toContain('What can you pay each month for these loans, in total?');
    expect(question).toContain('Your budget leaves about 300.00 a month for them.');
    expect(me.labels()).toEqual(['300.00 (from your budget)', 'Cancel']);
    await me.tap('300.00 (from your budget)');
    const summary = texts(await me.tap('Continue'));
    // Re-spread: principal 10,000.00 + installment 1's interest 100.00 + penalty 9.33. At 1% a
    // month, 42 months of 295.96 is the shortest term not above 300.
    expect(summary).toContain('Your request: a new plan of 295.96 a month over 42 months');
    expect(summary).toContain('car: 10,109.33 re-spread over 42 months of 295.96 (first 2027-03-15 (Mon); interest 2,320.84)');
    expect(summary).not.toContain('⚠️');
  });

  it('flags a payment above what the budget leaves', async () => {
    const { me } = await toPlanQuestion();
    await me.say('500');
    const summary = texts(await me.tap('Continue'));
    expect(summary).toContain('⚠️ 494.20 a month is more than your budget leaves (300.00): a lender will ask how you would pay it.');
    expect(summary).not.toContain('never be repaid');
  });

  it('refuses a payment at or below the monthly interest (it never repays) and asks again', async () => {
    const { me } = await toPlanQuestion();
    // 1% of 10,109.33 is 101.09 a month: 100 never repays.
    const reply = texts(await me.say('100'));
    expect(reply).toContain('100.00 a month would never repay these loans: the interest alone is 101.09 a month.');
    expect(reply).toContain('What can you pay each month for these loans, in total?');
  });

  it('refuses a payment that would take longer than 60 months, saying what it takes', async () => {
    const { me } = await toPlanQuestion();
    const reply = texts(await me.say('150'));
    expect(reply).toMatch(/150\.00 a month is not enough to repay within 60 months: that takes 224\.8\d a month\./);
    expect(reply).toContain('What can you pay each month for these loans, in total?');
  });

  it('a typed amount that is not one: the reason, and the same question', async () => {
    const { me } = await toPlanQuestion();
    const reply = texts(await me.say('a little'));
    expect(reply).toContain('Please enter the amount as a number');
    expect(reply).toContain('What can you pay each month for these loans, in total?');
  });
});

describe('bad input gets a clear answer and the same question, nothing lost', () => {
  async function atReasonText(lang = 'en') {
    const bot = await lateBorrower();
    const me = speaker(bot, { lang });
    await me.say('/hardship');
    if (lang === 'en') {
      await me.tap('Deferral');
      await me.tap('Lost my job');
    } else {
      await me.tap('延期');
      await me.tap(lang === 'zh-TW' ? '失業' : '失业');
    }
    return { bot, me };
  }

  it('a reason of 1,000 characters', async () => {
    const { bot, me } = await atReasonText();
    const reply = texts(await me.say('x'.repeat(1000)));
    expect(reply).toContain('That is longer than 600 characters; please shorten it.');
    expect(reply).toContain('In your own words, what happened and since when?');
    // 600 is fine.
    expect(texts(await me.say('y'.repeat(600)))).toContain('Your monthly income after tax');
    await me.tap('Skip');
    await me.tap('Skip');
    await me.tap('Skip');
    await me.tap('1 month');
    await me.tap('Continue');
    await me.tap('✅ Submit and share');
    expect(requestsIn(bot.db)[0]?.reasonText).toBe('y'.repeat(600));
  });

  it('a reason of 1,000 characters in Chinese gets the error in Chinese', async () => {
    const { me } = await atReasonText('zh-CN');
    const reply = texts(await me.say('我'.repeat(1000)));
    expect(reply).toContain('600');
    expect(reply).toContain('请用自己的话说说发生了什么');
    expect(reply).not.toContain('That is longer');
  });

  it('emoji: in the reason they are the borrower’s own words; as a budget figure, refused by name', async () => {
    const { bot, me } = await atReasonText();
    expect(texts(await me.say('😭 lost my job 🙏'))).toContain('Your monthly income after tax');
    const reply = texts(await me.say('salary 💰'));
    expect(reply).toContain("I don't know “💰” as an item here.");
    expect(reply).toContain('Your monthly income after tax');
    await me.say('salary 5000');
    await me.tap('Skip');
    await me.tap('Skip');
    await me.tap('1 month');
    const summary = texts(await me.tap('Continue'));
    expect(summary).toContain('Reason: Lost my job — “😭 lost my job 🙏”');
    expect(summary).toContain('Monthly budget: income 5,000.00');
    expect(bot.db.select().from(formStates).all()).toHaveLength(1);
  });

  it('a negative budget figure, and an absurd one', async () => {
    const { me } = await atReasonText();
    await me.tap('Skip');
    const negative = texts(await me.say('salary -6000'));
    expect(negative).toContain('The amount must be more than zero. (“-6000”)');
    expect(negative).toContain('Your monthly income after tax');
    const absurd = texts(await me.say('salary 1000000000000'));
    expect(absurd).toContain('That amount is too large: at most 100,000,000.');
    expect(absurd).toContain('Your monthly income after tax');
    // 0 is an answer: no income.
    expect(texts(await me.say('0'))).toContain('Your fixed monthly costs');
  });

  it('a negative budget figure in Chinese', async () => {
    const { me } = await atReasonText('zh-TW');
    await me.tap('跳過');
    const reply = texts(await me.say('工資 -6000'));
    expect(reply).toContain('你每月的稅後收入');
    expect(reply).toContain('-6000');
    expect(reply).not.toContain('The amount');
  });

  it('a waiver of 0% or 150%', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('Penalty waiver');
    await me.tap('Lost my job');
    for (let i = 0; i < 3; i++) await me.tap('Skip');
    const question = texts(await me.tap('Skip'));
    expect(question).toContain('Penalty so far on these loans: 9.33. Which share do you ask to be waived?');
    expect(me.labels()).toEqual(['100%', '50%', 'Cancel']);
    for (const typed of ['0', '0%', '150', '150%']) {
      const reply = texts(await me.say(typed));
      expect(reply, typed).toContain('Please give a percentage from 1 to 100, e.g. 80 or 80%.');
      expect(reply, typed).toContain('Penalty so far on these loans: 9.33.');
    }
    expect(texts(await me.say('80%'))).toContain('What can you show the lender?');
    expect(texts(await me.tap('Continue'))).toContain('Your request: a waiver of 80% of the penalty');
  });

  it('a waiver of 0% in Chinese gets the error in Chinese', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot, { lang: 'zh-CN' });
    await me.say('/hardship');
    await me.tap('罚息减免');
    await me.tap('失业');
    for (let i = 0; i < 4; i++) await me.tap('跳过');
    const reply = texts(await me.say('150%'));
    expect(reply).not.toContain('Please give a percentage');
    expect(reply).toContain('9.33');
  });

  it('a waiver with no penalty yet is refused at the kind question', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    const me = speaker(bot);
    await me.say('/hardship');
    const reply = texts(await me.tap('Penalty waiver'));
    expect(reply).toContain('There is no penalty on these loans yet, so there is nothing to waive.');
    expect(reply).toContain('What would help most?');
  });

  it('typing where a button is expected', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    const reply = texts(await me.say('deferral please'));
    expect(reply).toContain('Please use the buttons for this question.');
    expect(reply).toContain('What would help most?');
  });

  it('Submit pressed twice: one request, one notice; the second press is stale', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/hardship');
    await me.tap('Deferral');
    await me.tap('Lost my job');
    for (let i = 0; i < 4; i++) await me.tap('Skip');
    await me.tap('2 months');
    await me.tap('Continue');
    const form = bot.db.select().from(formStates).all()[0]?.id;
    await me.tap('✅ Submit and share');
    expect(texts(await bot.press(`hardship:${form}:submit`))).toBe('That button belongs to an older message and no longer works.');
    expect(requestsIn(bot.db)).toHaveLength(1);
    expect(queued(bot.db)).toHaveLength(1);
  });

  it('someone else’s loan in a button, or a deferral beyond the allowed months: the stale-button answer, nothing chosen', async () => {
    const bot = hardshipBot({ now: ADDED, env: { HARDSHIP_MAX_DEFERRAL_MONTHS: '2' } });
    await addLoan(bot, CAR);
    await addLoan(bot, 'phone 6000 6 months 12% annuity first 2027-01-15');
    await bot.say('/addloan tv 3000 3 months 12% annuity first 2027-01-15', { user: 2 });
    await bot.pressLabel('Save', { user: 2 });
    bot.clock.set(new Date(LATE));
    const me = speaker(bot);
    expect(texts(await me.say('/hardship'))).toContain('Which loans is this about?');
    expect(me.labels()).toEqual(['car', 'phone', 'Cancel']);
    const form = bot.db.select().from(formStates).all()[0]?.id;
    expect(texts(await bot.press(`hardship:${form}:loan:3`))).toContain('no longer works');
    await me.tap('car');
    await me.tap('Continue');
    expect(texts(await me.tap('Deferral'))).toContain("Why can't you pay as planned?");
    await me.tap('Lost my job');
    for (let i = 0; i < 4; i++) await me.tap('Skip');
    expect(me.labels()).toEqual(['1 month', '2 months', 'Cancel']);
    expect(texts(await bot.press(`hardship:${form}:months:3`))).toContain('no longer works');
    await me.tap('2 months');
    const summary = texts(await me.tap('Continue'));
    expect(summary).toContain('• car: owed');
    expect(summary).not.toContain('phone');
    expect(summary).not.toContain('tv');
  });

  it('while a loan is being added, /hardship asks to finish or cancel it first', async () => {
    const bot = await lateBorrower();
    await bot.say('/addloan');
    expect(texts(await bot.say('/hardship'))).toContain(
      'You are in the middle of adding a loan. Finish it first, or send /cancel to drop it.',
    );
  });
});
