import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { loans } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';
import { snapshot } from '../support/db-snapshot.ts';

/*
 * One shared answer for a button that does not apply: forged (another borrower's loan or form),
 * stale (a form that has ended or been replaced), malformed (garbage after a valid prefix) or
 * unknown. The borrower sees the same localized line whatever the command, and nothing in the
 * database changes; when a form is open, its current question follows, so they know where they are.
 */

const STALE = {
  en: 'That button belongs to an older message and no longer works.',
  zh: '这个按钮来自较早的消息，已经失效。',
} as const;

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const CAR_ZH = '车贷 10000 12期 年利率12% 等额本息 首期2027-01-15';

function buttonData(messages: OutgoingMessage[], label: string): string {
  const button = messages.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" in: ${texts(messages)}`);
  return button.data;
}

function loanIdOf(bot: TestBot, userId: number): number {
  const loan = bot.db
    .select()
    .from(loans)
    .all()
    .find((row) => row.userId === userId);
  if (!loan) throw new Error(`user ${userId} has no loan`);
  return loan.id;
}

interface Presser {
  user: number;
  lang: string;
  stale: string;
  /** Buttons of this user's own that no longer apply. */
  oldPaidConfirm: string;
  cancelledPaidConfirm: string;
  savedLoanSave: string;
}

/**
 * User 1 (the victim) has a loan, one payment and an /undo question open. Users 2 (English) and
 * 3 (simplified Chinese) each have a loan of their own, a replaced and a cancelled /paid card, and
 * the Save button of a loan already saved; none of them has a form open.
 */
async function scene() {
  const bot = createTestBot();
  await bot.say(`/addloan ${CAR}`);
  await bot.pressLabel('Save');
  await bot.say('/paid');
  await bot.pressLabel('Confirm');
  const undoYes = buttonData(await bot.say('/undo'), 'Yes, take it back');
  const victimLoan = loanIdOf(bot, 1);

  const presser = async (user: number, lang: string, line: string, labels: Record<string, string>): Promise<Presser> => {
    const options = { user, lang };
    const card = await bot.say(`/addloan ${line}`, options);
    const savedLoanSave = buttonData(card, labels.save as string);
    await bot.press(savedLoanSave, options);
    const oldPaidConfirm = buttonData(await bot.say('/paid', options), labels.confirm as string);
    const second = await bot.say('/paid', options);
    const cancelledPaidConfirm = buttonData(second, labels.confirm as string);
    await bot.press(buttonData(second, labels.cancel as string), options);
    return { user, lang, stale: lang === 'en' ? STALE.en : STALE.zh, oldPaidConfirm, cancelledPaidConfirm, savedLoanSave };
  };
  const en = await presser(2, 'en', CAR, { save: 'Save', confirm: 'Confirm', cancel: 'Cancel' });
  const zh = await presser(3, 'zh-CN', CAR_ZH, { save: '保存', confirm: '确认', cancel: '取消' });
  return { bot, victimLoan, undoYes, en, zh };
}

/** Every kind of button that must not work for `p`, by what is wrong with it. */
function badButtons(victimLoan: number, undoYes: string, p: Presser): [string, string][] {
  return [
    // Another borrower's loan or form.
    ['another user’s loan: delete', `deleteloan:pick:${victimLoan}`],
    ['another user’s loan: pay', `paid:loan:${victimLoan}`],
    ['another user’s loan: pay, with an amount carried', `paid:loan:${victimLoan}:500`],
    ['another user’s loan: payoff quote', `payoff:${victimLoan}`],
    ['another user’s loan: settle', `payoff:settle:${victimLoan}:10661.86`],
    ['another user’s loan: edit', `editloan:${victimLoan}`],
    ['another user’s loan: schedule', `schedule:${victimLoan}:1`],
    ['another user’s loan: pause its reminders', `settings:loan:${victimLoan}`],
    ['another user’s undo question', undoYes],
    ['a loan that does not exist', 'schedule:987654'],
    ['a reminder batch that is not theirs', 'remind:snooze:987654:today'],
    // Their own, but from a form that has ended or been replaced.
    ['an older /paid card', p.oldPaidConfirm],
    ['a cancelled /paid card', p.cancelledPaidConfirm],
    ['Save of a loan already saved', p.savedLoanSave],
    // Garbage after a valid prefix.
    ['a loan id that is not a number', 'paid:loan:abc'],
    ['an extra part', `deleteloan:pick:${victimLoan}:extra`],
    ['a loan id of 0', 'schedule:0'],
    ['a broken percent-encoding', 'settings:set:timeZone:%E4'],
    ['a setting that does not exist', 'settings:field:colour'],
    ['an action that does not exist', 'undo:ask:now'],
    ['a language we do not speak', 'language:fr'],
    ['an amount that is not money', 'payoff:settle:1:1e5'],
    ['a form id that is negative', 'paid:-1:confirm'],
    // Nothing we know.
    ['an unknown prefix', 'frobnicate:1'],
    ['a command without buttons', 'help:1'],
    ['an empty string', ''],
    ['a lone separator', ':'],
  ];
}

describe('a forged, stale or malformed button', () => {
  it('gets the one shared answer in English and changes nothing', async () => {
    const { bot, victimLoan, undoYes, en } = await scene();
    const before = snapshot(bot.db);
    for (const [what, data] of badButtons(victimLoan, undoYes, en)) {
      const replies = await bot.press(data, { user: en.user, lang: en.lang });
      expect(replies, what).toEqual([{ chatId: en.user, text: STALE.en }]);
      expect(snapshot(bot.db), what).toEqual(before);
    }
  });

  it('gets the same answer in simplified Chinese and changes nothing', async () => {
    const { bot, victimLoan, undoYes, zh } = await scene();
    const before = snapshot(bot.db);
    for (const [what, data] of badButtons(victimLoan, undoYes, zh)) {
      const replies = await bot.press(data, { user: zh.user, lang: zh.lang });
      expect(replies, what).toEqual([{ chatId: zh.user, text: STALE.zh }]);
      expect(snapshot(bot.db), what).toEqual(before);
    }
  });

  it('leaves the owner’s own buttons working', async () => {
    const { bot, victimLoan, undoYes, en } = await scene();
    for (const [, data] of badButtons(victimLoan, undoYes, en)) await bot.press(data, { user: en.user });
    // The victim's undo question was pressed by someone else; it is still theirs to answer.
    expect(texts(await bot.press(undoYes))).toContain('Taken back: 888.49 for car.');
    expect(texts(await bot.say('/loans'))).toContain('car');
  });
});

describe('with a form open, the stale answer is followed by the form’s current question', () => {
  it('a loan being entered: its question again, and the next answer still goes to it', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    await bot.say('car');
    for (const data of ['frobnicate:1', 'paid:loan:abc', 'deleteloan:pick:999']) {
      const replies = await bot.press(data);
      expect(replies[0]).toEqual({ chatId: 1, text: STALE.en });
      expect(replies).toHaveLength(2);
      expect(replies[1]?.text).toContain('How much did you borrow?');
    }
    expect(texts(await bot.say('10000'))).toContain('How is it repaid?');
  });

  it('a /paid card in front of it, in Chinese: the card again with its buttons', async () => {
    const bot = createTestBot();
    await bot.say(`/addloan ${CAR_ZH}`, { lang: 'zh-CN' });
    await bot.pressLabel('保存');
    const card = await bot.say('/paid', { lang: 'zh-CN' });
    const replies = await bot.press('paid:loan:0', { lang: 'zh-CN' });
    expect(replies[0]).toEqual({ chatId: 1, text: STALE.zh });
    expect(replies.slice(1)).toEqual(card);
  });

  it('an older card’s Confirm while a newer one is open: nothing recorded, the newer card again', async () => {
    const bot = createTestBot();
    await bot.say(`/addloan ${CAR}`);
    await bot.pressLabel('Save');
    const older = buttonData(await bot.say('/paid'), 'Confirm');
    const newer = await bot.say('/paid 500');
    const before = snapshot(bot.db);
    const replies = await bot.press(older);
    expect(replies[0]).toEqual({ chatId: 1, text: STALE.en });
    expect(replies.slice(1)).toEqual(newer);
    expect(snapshot(bot.db)).toEqual(before);
    // The newer card still records what it says.
    expect(texts(await bot.press(buttonData(newer, 'Confirm')))).toContain('Recorded 500.00 for car.');
  });

  it('the Save of an earlier /addloan while a new one is at its card: nothing saved twice', async () => {
    const bot = createTestBot();
    const olderSave = buttonData(await bot.say(`/addloan ${CAR}`), 'Save');
    const newer = await bot.say('/addloan phone 6000 6 months 12% annuity first 2027-01-15');
    const replies = await bot.press(olderSave);
    expect(replies[0]).toEqual({ chatId: 1, text: STALE.en });
    expect(replies.slice(1)).toEqual(newer);
    expect(bot.db.select().from(loans).all()).toEqual([]);
  });
});
