import { decode } from 'fast-png';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { createTestBot, type TestBot, texts } from '../support/bot.ts';

/*
 * Issue 14, "Bad input", the cases the other /chart, /calendar and /plan tests leave out: each
 * gets a clear answer (a picture, a file or a sentence), never a crash, never another user's data.
 * - only paid-off loans: /chart, /calendar and /plan each say there is nothing;
 * - a 600-period loan: /chart (all loans), /plan and /plan 500 answer with dates and a picture;
 * - a name of 200 characters with emoji: /addloan refuses it (60 at most); one that is stored
 *   anyway (an older version, an edited database) is charted, calendared and planned whole or
 *   cut on whole graphemes;
 * - a name of emoji only: still drawn (the font has no emoji, but the label is not left empty).
 */

const NOW = new Date('2027-01-10T02:00:00Z');
const LONG_NAME = `${'A'.repeat(100)}${'🚗'.repeat(50)}`;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

async function addLoan(bot: TestBot, line: string, user = 1): Promise<void> {
  await bot.say(`/addloan ${line}`, { user });
  await bot.pressLabel('Save', { user });
}

function fileOf(messages: OutgoingMessage[], kind: 'photo' | 'document') {
  const file = messages.find((m) => m.file)?.file;
  if (!file) throw new Error(`no file in: ${texts(messages)}`);
  expect(file.kind).toBe(kind);
  return file;
}

function rename(bot: TestBot, loanId: number, name: string): void {
  bot.db.$client.prepare('update loans set name = ? where id = ?').run(name, loanId);
}

describe('bad input for /chart, /calendar and /plan', () => {
  it('only paid-off loans: nothing to chart, nothing for a calendar, nothing to plan — said in words, no file', async () => {
    const bot = createTestBot({ now: NOW });
    await addLoan(bot, 'phone 1000 1 months 0% annuity first 2027-01-15');
    await bot.say('/paid phone 1000');
    await bot.pressLabel('Confirm');
    const answers = {
      '/chart': 'There is nothing to chart',
      '/chart phone': 'phone is paid off: nothing left to chart',
      '/calendar': 'There is nothing to put in a calendar',
      '/plan': 'no open loans',
      '/plan 500': 'no open loans',
    };
    for (const [command, words] of Object.entries(answers)) {
      const replies = await bot.say(command);
      expect(
        replies.some((m) => m.file),
        command,
      ).toBe(false);
      expect(texts(replies), command).toContain(words);
    }
  });

  it('a 600-period loan: /chart shows its next 12 months, /plan its 600 months and /plan 500 the sooner date, each with a picture', async () => {
    const bot = createTestBot({ now: NOW });
    await addLoan(bot, 'house 500000 600 months 4% annuity first 2027-01-15');
    const all = await bot.say('/chart');
    expect(decode(fileOf(all, 'photo').content).width).toBeGreaterThanOrEqual(1080);
    expect(all[0]?.text).toContain('Your 1 loan over the next 12 months');
    const plain = await bot.say('/plan');
    expect(fileOf(plain, 'photo').mime).toBe('image/png');
    expect(texts(plain)).toContain('Debt-free: 2076-12-01 (Tue) (600 months)');
    const extra = texts(await bot.say('/plan 500'));
    expect(extra).toContain('Debt-free: 2056-01-01 (Sat) (349 months)');
    expect(extra).toMatch(/You save [\d,]+\.\d\d/);
  });

  it('a 200-character name with emoji: /addloan asks for a shorter one', async () => {
    expect(LONG_NAME.length).toBe(200);
    const bot = createTestBot({ now: NOW });
    const reply = texts(await bot.say(`/addloan ${LONG_NAME} 10000 12 months 12% annuity first 2027-01-15`));
    expect(reply).toContain('Please keep the name under 60 characters');
    expect(texts(await bot.say('/loans'))).toContain('You have no loans yet');
  });

  it('a 200-character name stored anyway: charted (cut on whole graphemes), calendared whole, planned; nothing of user 2 shows', async () => {
    const bot = createTestBot({ now: NOW });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    await addLoan(bot, 'secretvan 8000 12 months 9% annuity first 2027-01-20', 2);
    const id = bot.runtime.services.forUser(1, NOW).loans.list()[0]?.loan.id ?? 0;
    rename(bot, id, LONG_NAME);
    for (const lang of ['en', 'zh-CN', 'zh-TW']) {
      const one = await bot.say('/chart 1', { lang });
      expect(decode(fileOf(one, 'photo').content).width, lang).toBeGreaterThanOrEqual(1080);
      const all = await bot.say('/chart', { lang });
      expect(decode(fileOf(all, 'photo').content).width, lang).toBeGreaterThanOrEqual(1080);
      for (const replies of [one, all]) {
        expect(texts(replies)).not.toMatch(LONE_SURROGATE);
        expect(texts(replies)).not.toContain('secretvan');
      }
    }
    const ics = new TextDecoder().decode(fileOf(await bot.say('/calendar'), 'document').content);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(12);
    expect(events.map((e) => e.summary.replace(/^Repay [\d,.]+ · /, ''))).toEqual(Array(12).fill(LONG_NAME));
    expect(ics).not.toContain('secretvan');
    const plan = await bot.say('/plan 500');
    expect(plan.some((m) => m.file?.kind === 'photo')).toBe(true);
    expect(texts(plan)).toContain(LONG_NAME);
    expect(texts(plan)).not.toContain('secretvan');
  });

  it('a name of emoji only is still drawn, not left blank', async () => {
    const bot = createTestBot({ now: NOW });
    await addLoan(bot, '🚗🚗🚗 10000 12 months 12% annuity first 2027-01-15');
    const one = await bot.say('/chart 1');
    expect(decode(fileOf(one, 'photo').content).width).toBeGreaterThanOrEqual(1080);
    expect(one[0]?.text).toContain('🚗🚗🚗: installments paid 0 of 12');
    expect(fileOf(await bot.say('/chart'), 'photo').kind).toBe('photo');
  });
});
