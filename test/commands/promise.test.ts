import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, paymentPromises, reminderOutbox } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * /promise as a borrower uses it. Loans are added on 2027-01-10 (Shanghai), before their first
 * due date, and the clock then moves past it: car (888.49 a month) and phone (1,035.29) are due
 * 2027-01-15, tv (first due 2027-03-01) owes nothing yet.
 */

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const PHONE = 'phone 6000 6 months 12% annuity first 2027-01-15';
const TV = 'tv 3000 3 months 12% annuity first 2027-03-01';

async function borrower(lines: string[], at = '2027-01-16T10:00:00+08:00', lang = 'en'): Promise<TestBot> {
  const bot = createTestBot({ now: new Date('2027-01-10T08:00:00+08:00') });
  for (const line of lines) {
    await bot.say(`/addloan ${line}`, { lang });
    await bot.pressLabel(lang === 'en' ? 'Save' : '保存');
  }
  bot.clock.set(new Date(at));
  return bot;
}

const labels = (messages: { buttons?: { label: string }[][] }[]) => messages.flatMap((m) => m.buttons?.flat().map((b) => b.label) ?? []);
const promises = (bot: TestBot) => bot.db.select().from(paymentPromises).orderBy(asc(paymentPromises.id)).all();
const actions = (bot: TestBot) =>
  bot.db
    .select()
    .from(auditLog)
    .orderBy(asc(auditLog.id))
    .all()
    .map((row) => `${row.action} ${row.promiseId}`);
const dayMessages = (bot: TestBot) =>
  bot.db
    .select()
    .from(reminderOutbox)
    .all()
    .filter((row) => row.dedupeKey?.startsWith('promise:'))
    .map((row) => [row.dedupeKey, row.status]);

describe('/promise', () => {
  it('with nothing overdue or due today says so and records nothing', async () => {
    const bot = await borrower([TV]);
    expect(texts(await bot.say('/promise'))).toBe(
      'Nothing on your loans is overdue or due today, so there is nothing to promise. /next shows what is due next.',
    );
    expect(texts(await bot.say('/promise tv 2027-03-05'))).toBe(
      'Nothing on tv is overdue or due today: a promise is for money that is due.',
    );
    expect(promises(bot)).toEqual([]);
  });

  it('without loans points to /addloan', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/promise'))).toContain('/addloan');
  });

  it('offers only the loans with something overdue or due, numbered as /loans numbers them', async () => {
    const bot = await borrower([TV, CAR, PHONE]);
    const question = await bot.say('/promise');
    expect(texts(question)).toBe('Which loan will you pay?');
    expect(labels(question)).toEqual(['2. car', '3. phone']);
    const asked = await bot.pressLabel('3. phone');
    expect(texts(asked)).toContain('On which day will you pay phone (1,035.29 owed now)?');
  });

  it('takes the loan, the day and the amount in one line, and confirms on a card', async () => {
    const bot = await borrower([CAR, PHONE]);
    const card = await bot.say('/promise car 2027-01-25 500');
    expect(texts(card)).toBe(
      [
        'Promise to pay towards car:',
        'Amount: 500.00 (888.49 owed now)',
        'Day: 2027-01-25 (Mon)',
        'Until that day the overdue reminders of car wait, and on the day I remind you. To change the amount or the day, type another.',
      ].join('\n'),
    );
    expect(labels(card)).toEqual(['Confirm', 'Cancel']);
    // Typed on the card: another day, another amount.
    expect(texts(await bot.say('2027-01-24'))).toContain('Day: 2027-01-24 (Sun)');
    expect(texts(await bot.say('¥600'))).toContain('Amount: 600.00');
    expect(promises(bot)).toEqual([]);

    const done = texts(await bot.pressLabel('Confirm'));
    expect(done).toBe(
      'Promise recorded: 600.00 towards car on 2027-01-24 (Sun). The overdue reminders of car wait until then.\nI will remind you on 2027-01-24 (Sun) at 09:00.',
    );
    expect(promises(bot)).toEqual([
      expect.objectContaining({ userId: 1, loanId: 1, amount: '600.00', dueOn: '2027-01-24', status: 'open', resolvedAt: null }),
    ]);
    expect(actions(bot)).toEqual(['promise 1']);
    expect(dayMessages(bot)).toEqual([['promise:1:day', 'pending']]);
    // A second press of Confirm records nothing more.
    expect(texts(await bot.pressLabel('Confirm'))).toContain('no longer works');
    expect(promises(bot)).toHaveLength(1);
  });

  it('reads days as borrowers type them: 20th, 20号, tomorrow, and a bare 20 where the day is asked', async () => {
    const bot = await borrower([CAR]);
    for (const [typed, day] of [
      ['20th', '2027-01-20 (Wed)'],
      ['20号', '2027-01-20 (Wed)'],
      ['tomorrow', '2027-01-17 (Sun)'],
      ['20', '2027-01-20 (Wed)'],
      ['Feb 3', '2027-02-03 (Wed)'],
    ]) {
      await bot.say('/promise');
      expect(texts(await bot.say(typed as string)), typed).toContain(`Day: ${day}`);
    }
  });

  describe('refuses, with a clear answer and nothing recorded', () => {
    it('a day in the past', async () => {
      const bot = await borrower([CAR]);
      await bot.say('/promise');
      const reply = texts(await bot.say('2027-01-15'));
      expect(reply).toContain('2027-01-15 (Fri) has passed: the day must be today, 2027-01-16 (Sat), or later.');
      expect(reply).toContain('On which day will you pay car');
    });

    it('a day more than 30 days ahead, or a year away', async () => {
      const bot = await borrower([CAR]);
      await bot.say('/promise');
      expect(texts(await bot.say('2027-02-16'))).toContain(
        '2027-02-16 (Tue) is too far ahead: a promise can be at most 30 days ahead, 2027-02-15 (Mon) at the latest.',
      );
      expect(texts(await bot.say('2028-01-16'))).toContain('is too far ahead');
      // The last allowed day is fine.
      expect(texts(await bot.say('2027-02-15'))).toContain('Day: 2027-02-15 (Mon)');
    });

    it('an amount of zero, a negative one, more than the loan owes, or no amount at all', async () => {
      const bot = await borrower([CAR]);
      await bot.say('/promise car 2027-01-20');
      expect(texts(await bot.say('0'))).toContain('The amount must be more than zero.');
      expect(texts(await bot.say('-50'))).toContain('Amount: 888.49');
      expect(texts(await bot.say('20000'))).toContain('That is more than car owes: 10,661.86 in all.');
      expect(texts(await bot.say('lots'))).toContain('Please enter the amount as a number');
      expect(texts(await bot.say('20000'))).toContain('Amount: 888.49 (888.49 owed now)');
      expect(promises(bot)).toEqual([]);
      expect(actions(bot)).toEqual([]);
    });

    it('a loan with nothing due, even from an old button', async () => {
      const bot = await borrower([CAR, TV]);
      expect(texts(await bot.press('promise:loan:2'))).toBe('Nothing on tv is overdue or due today: a promise is for money that is due.');
      // Someone else's loan (or none): the shared stale-button answer, nothing recorded.
      expect(texts(await bot.press('promise:loan:1', { user: 2 }))).toContain('no longer works');
      expect(promises(bot)).toEqual([]);
    });
  });

  it('a new promise on the same loan replaces the open one: cancelled, audited, its day message dropped', async () => {
    const bot = await borrower([CAR]);
    await bot.say('/promise car 2027-01-20');
    await bot.pressLabel('Confirm');
    const again = await bot.say('/promise');
    expect(texts(again)).toBe('Your promise: 888.49 towards car on 2027-01-20 (Wed). Its overdue reminders wait until then.');
    expect(labels(again)).toEqual(['Cancel the promise', 'New promise']);
    await bot.pressLabel('New promise');
    await bot.say('2027-01-22');
    const done = texts(await bot.pressLabel('Confirm'));
    expect(done).toContain('Promise recorded: 888.49 towards car on 2027-01-22 (Fri).');
    expect(done).toContain('It replaces your earlier promise of 888.49 on 2027-01-20 (Wed).');
    expect(promises(bot).map((p) => [p.id, p.dueOn, p.status])).toEqual([
      [1, '2027-01-20', 'cancelled'],
      [2, '2027-01-22', 'open'],
    ]);
    expect(actions(bot)).toEqual(['promise 1', 'promise-cancelled 1', 'promise 2']);
    expect(dayMessages(bot)).toEqual([['promise:2:day', 'pending']]);
  });

  it('Cancel takes an open promise back (audited), and /promise then shows it as the last one', async () => {
    const bot = await borrower([CAR]);
    await bot.say('/promise car 2027-01-20');
    await bot.pressLabel('Confirm');
    await bot.say('/promise');
    expect(texts(await bot.pressLabel('Cancel the promise'))).toBe(
      'Promise cancelled: 888.49 towards car on 2027-01-20 (Wed). The overdue reminders of car come as usual again.',
    );
    expect(promises(bot)[0]).toMatchObject({ status: 'cancelled', resolvedAt: '2027-01-16T02:00:00.000Z' });
    expect(dayMessages(bot)).toEqual([]);
    expect(actions(bot)).toEqual(['promise 1', 'promise-cancelled 1']);
    // The same button again changes nothing.
    expect(texts(await bot.press('promise:cancel:1'))).toBe('That promise is no longer open. /promise shows where it stands.');
    expect(actions(bot)).toHaveLength(2);
    expect(texts(await bot.say('/promise'))).toContain('Your last promise: 888.49 towards car on 2027-01-20 (Wed), cancelled.');
  });

  it('several open promises each have their Cancel', async () => {
    const bot = await borrower([CAR, PHONE]);
    await bot.say('/promise car 2027-01-20');
    await bot.pressLabel('Confirm');
    await bot.say('/promise phone 2027-01-21');
    await bot.pressLabel('Confirm');
    const shown = await bot.say('/promise');
    expect(texts(shown)).toBe(
      [
        'Your promise: 1,035.29 towards phone on 2027-01-21 (Thu). Its overdue reminders wait until then.',
        'Your promise: 888.49 towards car on 2027-01-20 (Wed). Its overdue reminders wait until then.',
      ].join('\n'),
    );
    expect(labels(shown)).toEqual(['Cancel the promise for phone', 'Cancel the promise for car', 'New promise']);
  });

  it('Cancel on the card makes no promise', async () => {
    const bot = await borrower([CAR]);
    await bot.say('/promise car 2027-01-20');
    expect(texts(await bot.pressLabel('Cancel'))).toBe('OK, no promise made.');
    expect(promises(bot)).toEqual([]);
  });

  it('opens in front of a loan being entered, which comes back afterwards', async () => {
    const bot = await borrower([CAR]);
    await bot.say('/addloan');
    await bot.say('/promise car 2027-01-20');
    const done = texts(await bot.pressLabel('Confirm'));
    expect(done).toContain('Promise recorded');
    expect(done).toContain('Back to adding a loan');
  });

  it('speaks simplified and traditional Chinese', async () => {
    const bot = await borrower(['车贷 10000 12期 年利率12% 等额本息 首期2027-01-15'], '2027-01-16T10:00:00+08:00', 'zh-CN');
    const asked = texts(await bot.say('/promise', { lang: 'zh-CN' }));
    expect(asked).toContain('你打算哪天还“车贷”（现在应还 888.49）？');
    const card = await bot.say('20号', { lang: 'zh-CN' });
    expect(texts(card)).toContain('日期：2027-01-20（周三）');
    const confirm = card.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === '确认');
    expect(texts(await bot.press(confirm?.data ?? '', { lang: 'zh-CN' }))).toContain(
      '已记录还款承诺：2027-01-20（周三）向“车贷”还 888.49。',
    );
    expect(texts(await bot.say('/promise', { lang: 'zh-TW' }))).toContain('你的還款承諾：2027-01-20（週三）向「车贷」還 888.49。');
  });
});
