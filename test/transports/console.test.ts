import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SettableClock } from '../../src/core/clock.ts';
import { testCore } from '../support/bot.ts';
import type { Button } from '../../src/core/types.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { silentLogger } from '../../src/log.ts';
import { notAButton, pickButton, renderForConsole, runConsole } from '../../src/transports/console.ts';

/** Types `lines` into the terminal chat, closes the input (Ctrl+D), and returns everything printed. */
async function chat(lines: string[], options: { locale?: Locale; db?: Db; userId?: number } = {}): Promise<string> {
  const db = options.db ?? openDatabase(':memory:');
  const app = testCore({
    config: { DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_LANGUAGE: 'en' },
    db,
    clock: new SettableClock(new Date('2026-11-21T02:00:00Z')),
    logger: silentLogger(),
    strictI18n: true,
  });
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await runConsole({ app, userId: options.userId ?? 1, locale: options.locale ?? 'en', input, output });
  return Buffer.concat(chunks).toString('utf8');
}

/** The printed text after the n-th prompt: the answer to the n-th typed line (n from 1). */
function answerTo(printed: string, n: number): string {
  return printed.split('> ')[n] ?? '';
}

const buttons: Button[] = [
  { label: 'Save', data: 'addloan:1:save' },
  { label: 'Edit', data: 'addloan:1:edit' },
  { label: 'Cancel', data: 'addloan:1:discard' },
];

describe('pickButton', () => {
  it('picks a button by its number, counting from 1', () => {
    expect(pickButton(buttons, '1')?.data).toBe('addloan:1:save');
    expect(pickButton(buttons, ' 3 ')?.data).toBe('addloan:1:discard');
  });

  it('picks a button by its label, whatever the case', () => {
    expect(pickButton(buttons, 'edit')?.data).toBe('addloan:1:edit');
    expect(pickButton(buttons, 'SAVE')?.data).toBe('addloan:1:save');
  });

  it('presses nothing for a number out of range or other text, so the text reaches the bot', () => {
    expect(pickButton(buttons, '0')).toBeUndefined();
    expect(pickButton(buttons, '4')).toBeUndefined();
    expect(pickButton(buttons, '12000')).toBeUndefined();
    expect(pickButton(buttons, 'save it')).toBeUndefined();
    expect(pickButton([], '1')).toBeUndefined();
  });
});

describe('notAButton', () => {
  const t = (key: string, args: Record<string, string | number>) => `${key} ${JSON.stringify(args)}`;

  it('answers a bare number that presses none of the buttons on screen', () => {
    expect(notAButton(buttons, '9', t)).toBe('console-pick-button {"typed":"9","count":3,"amount":"9.00"}');
    expect(notAButton(buttons, '０', t)).toContain('"typed":"0"');
  });

  it('lets everything else through: a button’s number, a label, an amount with a mark, or any text without buttons', () => {
    for (const typed of ['2', ' 3 ', 'Save', '9.00', '¥9', 'hello', '']) expect(notAButton(buttons, typed, t)).toBeUndefined();
    expect(notAButton([], '9', t)).toBeUndefined();
  });
});

describe('renderForConsole', () => {
  it('numbers buttons across rows in reading order', () => {
    const printed = renderForConsole({
      chatId: 1,
      text: 'How is it repaid?',
      buttons: [
        [
          { label: 'annuity', data: 'a' },
          { label: 'equal principal', data: 'b' },
        ],
        [{ label: 'fee', data: 'c' }],
      ],
    });
    expect(printed.split('\n')).toEqual(['How is it repaid?', '[1] annuity   [2] equal principal', '[3] fee']);
  });

  it('prints a message without buttons as its text alone', () => {
    expect(renderForConsole({ chatId: 1, text: 'Hello' })).toBe('Hello');
  });

  it('prints a reply that edits its message on Telegram (Reply.edit), or is a table (monospace), as a new message, unchanged', () => {
    const buttons = [[{ label: 'Next »', data: 'n' }]];
    expect(renderForConsole({ chatId: 1, text: 'Page 2 <b>x</b> & co', buttons, edit: true, monospace: true })).toBe(
      renderForConsole({ chatId: 1, text: 'Page 2 <b>x</b> & co', buttons }),
    );
  });
});

describe('runConsole', () => {
  it('prints the banner in the chosen language before anything is typed', async () => {
    const english = await chat([]);
    expect(english).toContain('local chat in your terminal');
    const chinese = await chat([], { locale: 'zh-Hans' });
    expect(chinese).toContain('终端本地聊天');
    expect(chinese).not.toContain('local chat in your terminal');
  });

  it('answers /start in the terminal locale', async () => {
    const printed = await chat(['/start'], { locale: 'zh-Hant' });
    expect(answerTo(printed, 1)).toContain('還款助手');
  });

  it('shows buttons numbered, and typing a number presses that button', async () => {
    const printed = await chat(['/language', '2', '/start']);
    const menu = answerTo(printed, 1);
    expect(menu).toContain('[1] English');
    expect(menu).toContain('[2] 简体中文');
    expect(menu).toContain('[3] 繁體中文');
    const chosen = answerTo(printed, 2);
    expect(chosen).toContain('简体中文');
    expect(chosen).toMatch(/之后我会用/);
    // The choice sticks: the next answer is in simplified Chinese too.
    expect(answerTo(printed, 3)).toContain('还款助手');
  });

  it('typing a button’s label presses it', async () => {
    const printed = await chat(['/language', '繁體中文']);
    expect(answerTo(printed, 2)).toContain('繁體中文');
    expect(answerTo(printed, 2)).not.toContain('Done');
  });

  it('a number typed when the latest message has no buttons is sent as text, not as a stale button', async () => {
    const printed = await chat(['/language', '2', '1']);
    // After the language is set there are no buttons: "1" must not switch back to English.
    const third = answerTo(printed, 3);
    expect(third).not.toContain('English');
    expect(third).toContain('没看懂');
    const rerun = await chat(['/language', '2', '1', '/start']);
    expect(answerTo(rerun, 4)).toContain('还款助手');
  });

  it('walks through the guided /addloan by typed answers and saves with "1"', async () => {
    const db = openDatabase(':memory:');
    const printed = await chat(['/addloan', 'car loan', '10000', '1', '12%', '12', '2027-01-15', '1', '/next'], { db });
    expect(answerTo(printed, 1)).toMatch(/\(1\/6\)/);
    expect(answerTo(printed, 2)).toMatch(/\(2\/6\)/);
    const method = answerTo(printed, 3);
    expect(method).toMatch(/\(3\/6\)/);
    expect(method).toContain('[1] equal installments (annuity)');
    expect(answerTo(printed, 4)).toMatch(/\(4\/6\)/);
    expect(answerTo(printed, 5)).toMatch(/\(5\/6\)/);
    expect(answerTo(printed, 6)).toMatch(/\(6\/6\)/);
    const card = answerTo(printed, 7);
    expect(card).toContain('car loan');
    expect(card).toContain('888.49');
    expect(card).toMatch(/\[1\] Save\s+\[2\] Edit\s+\[3\] Cancel/);
    expect(answerTo(printed, 8)).toContain('Saved "car loan"');
    const next = answerTo(printed, 9);
    expect(next).toContain('888.49');
    expect(next).toContain('2027-01-15');
    const stored = db.$client.prepare('select name, principal from loans').all();
    expect(stored).toEqual([{ name: 'car loan', principal: '10000.00' }]);
  });

  it('ends when the input ends, leaving the form where it was', async () => {
    const db = openDatabase(':memory:');
    await chat(['/addloan', 'car loan'], { db });
    const printed = await chat(['10000'], { db });
    // A new session continues the open form: the amount is taken and the method is asked.
    expect(answerTo(printed, 1)).toMatch(/\(3\/6\)/);
  });

  it('a bare number that is none of the buttons on screen is not sent as an amount; the buttons still work', async () => {
    const db = openDatabase(':memory:');
    const printed = await chat(
      ['/addloan phone 12000 12 months 0.6% monthly fee first 2026-12-10', '1', '/paid', '9', '500', '500.00', '1'],
      { db },
    );
    expect(answerTo(printed, 3)).toMatch(/\[1\] Confirm\s+\[2\] Cancel/);
    const nine = answerTo(printed, 4);
    expect(nine).toContain(
      '9 is not one of the buttons: type a number from 1 to 2 to press one. To send 9 to the bot as an amount, type 9.00.',
    );
    expect(nine).not.toContain('Amount: 9.00');
    expect(answerTo(printed, 5)).toContain('type 500.00');
    expect(answerTo(printed, 6)).toContain('Amount: 500.00');
    expect(answerTo(printed, 7)).toContain('Recorded 500.00 for phone.');
    expect(db.$client.prepare('select amount from payments').all()).toEqual([{ amount: '500.00' }]);
  });

  it('says it in the terminal’s language', async () => {
    const printed = await chat(['/language', '7'], { locale: 'zh-Hans' });
    expect(answerTo(printed, 2)).toContain('7 不是按钮的编号：输入 1 到 3 之间的数字来按按钮。');
  });
});
