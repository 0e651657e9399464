import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/transports/jsonl.ts';
import { byInput, runJsonlScript } from '../support/jsonl.ts';

/** A user's whole first session, typed the way a person would, in each language. */
const conversations = [
  {
    lang: 'en',
    answers: ['car loan', '10000', '__method__', '12%', '12', '2027-01-15'],
    method: 'equal installments (annuity)',
    save: 'Save',
    expectCard: ['Monthly payment', '888.49', 'True annual rate (APR): 12.00%'],
    expectNext: ['Next due: 2027-01-15 (Fri), in 55 days', '888.49'],
  },
  {
    lang: 'zh-CN',
    answers: ['车贷', '1万', '__method__', '年利率12%', '12期', '2027年1月15日'],
    method: '等额本息',
    save: '保存',
    expectCard: ['每期还款：888.49', '利息合计：661.86', '真实年化利率（APR）：12.00%'],
    expectNext: ['下一个还款日：2027-01-15（周五），还有 55 天', '888.49'],
  },
  {
    lang: 'zh-TW',
    answers: ['車貸', '１００００', '__method__', '12%', '12', '2027/01/15'],
    method: '等額本息',
    save: '儲存',
    expectCard: ['每期還款：888.49', '利息合計：661.86', '真實年化利率（APR）：12.00%'],
    expectNext: ['下一個還款日：2027-01-15（週五），還有 55 天', '888.49'],
  },
];

describe('JSON-lines transport: a first session in every language', () => {
  for (const c of conversations) {
    it(`${c.lang}: /start, guided /addloan, Save, /next`, async () => {
      // The script must be written before the bot answers, so buttons are pressed by their known data shape.
      const first = await runJsonlScript([
        { user: 42, text: '/start', lang: c.lang },
        { user: 42, text: '/addloan', lang: c.lang },
        ...c.answers.slice(0, 2).map((text) => ({ user: 42, text, lang: c.lang })),
      ]);
      const methodButton = byInput(first)
        .at(-1)
        ?.at(-1)
        ?.buttons?.flat()
        .find((b) => b.label === c.method);
      expect(methodButton, 'method buttons are labelled in the user’s language').toBeDefined();

      const script = [
        { user: 42, text: '/start', lang: c.lang },
        { user: 42, text: '/addloan', lang: c.lang },
        ...c.answers.slice(0, 2).map((text) => ({ user: 42, text, lang: c.lang })),
        { user: 42, callback: methodButton?.data },
        ...c.answers.slice(3).map((text) => ({ user: 42, text, lang: c.lang })),
      ];
      const beforeSave = byInput(await runJsonlScript(script));
      const card = beforeSave.at(-1) ?? [];
      for (const expected of c.expectCard) expect(card.map((m) => m.text).join('\n')).toContain(expected);
      const save = card
        .at(-1)
        ?.buttons?.flat()
        .find((b) => b.label === c.save);
      expect(save).toBeDefined();

      const whole = byInput(
        await runJsonlScript([...script, { user: 42, callback: save?.data }, { user: 42, text: '/next', lang: c.lang }]),
      );
      expect(whole).toHaveLength(script.length + 2);
      for (const group of whole) for (const message of group) expect(message.chat).toBe(42);
      const next =
        whole
          .at(-1)
          ?.map((m) => m.text)
          .join('\n') ?? '';
      for (const expected of c.expectNext) expect(next).toContain(expected);
    });
  }
});

describe('JSON-lines transport: the interface itself', () => {
  it('answers every input line with {"done":true}, even a bad one', async () => {
    const out = await runJsonlScript(['not json', { text: '/start' }, { user: -3, text: 'x' }, { user: 5 }]);
    expect(out.filter((line) => line.done)).toHaveLength(4);
    expect(out[0]?.error).toMatch(/line 1: not valid JSON/);
    expect(out[1]).toEqual({ done: true });
    expect(out[2]).toMatchObject({ chat: 1, buttons: [] });
    expect(out[2]?.text).toContain('repayment assistant');
    expect(out.filter((line) => line.error)).toHaveLength(3);
  });

  it('keeps many simulated users apart in one process', async () => {
    const groups = byInput(
      await runJsonlScript([
        { user: 1, text: '/addloan mine 10000 12 months 12% annuity first 2027-01-15' },
        { user: 2, text: '/next' },
        { user: 1, text: '/cancel' },
      ]),
    );
    expect(groups[1]?.[0]).toMatchObject({ chat: 2 });
    expect(groups[1]?.[0]?.text).toContain('Nothing is due');
    expect(groups[2]?.[0]?.text).toContain('Cancelled');
  });

  it('a tick line moves the clock', async () => {
    const groups = byInput(
      await runJsonlScript([
        { user: 1, text: '/addloan car 10000 12 months 12% annuity first 2027-01-15' },
        { user: 1, callback: 'addloan:1:save' },
        { tick: '2027-01-18T09:00:00+08:00' },
        { user: 1, text: '/next' },
      ]),
    );
    expect(groups[3]?.[0]?.text).toContain('3 days overdue');
  });

  it('a line without lang keeps the language given before for that user, and other users keep theirs', async () => {
    const groups = byInput(
      await runJsonlScript([
        { user: 7, text: '/start', lang: 'zh-CN' },
        { user: 8, text: '/start', lang: 'en' },
        { user: 7, text: '/next' },
        { user: 7, callback: 'nothing:stale' },
        { user: 8, text: '/next' },
        { user: 9, text: '/next' },
      ]),
    );
    expect(groups[2]?.[0]?.text).toContain('目前没有待还款项');
    expect(groups[3]?.[0]?.text).toContain('已经失效');
    expect(groups[4]?.[0]?.text).toContain('Nothing is due');
    // A user never given a lang gets the default language.
    expect(groups[5]?.[0]?.text).toContain('Nothing is due');
  });
});

describe('JSON-lines transport: Telegram-only fields', () => {
  it('a reply that edits its message on Telegram (Reply.edit), or is a table (monospace), is a new line, its text as the core gave it', () => {
    const buttons = [[{ label: 'Next »', data: 'n' }]];
    const line = renderMessage({ chatId: 1, text: 'Page 2 <b>x</b> & co', buttons, edit: true, monospace: true });
    expect(JSON.parse(line)).toEqual({ chat: 1, text: 'Page 2 <b>x</b> & co', buttons });
  });
});

describe('JSON-lines transport: the reader goes away', () => {
  it('a closed stdout (`… | head -1`, EPIPE) ends the run quietly and reads no further line', async () => {
    const { PassThrough, Writable } = await import('node:stream');
    const { serveJsonl } = await import('../../src/app/run-chat.ts');
    const { testRuntime } = await import('../support/bot.ts');
    const runtime = testRuntime({ now: new Date('2026-11-21T10:00:00+08:00') });
    let writes = 0;
    const output = new Writable({
      write(_chunk, _encoding, callback) {
        writes += 1;
        callback(writes > 1 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null);
      },
    });
    const input = new PassThrough();
    const served = serveJsonl(runtime, { input, output });
    input.write(`${JSON.stringify({ user: 42, text: '/start' })}\n`);
    // Let the first answers meet the closed pipe before the next line arrives.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    input.write(`${JSON.stringify({ user: 42, text: '/addloan phone 1200 12 months 0% first 2027-01-15' })}\n`);
    input.end();
    await expect(served).resolves.toBeUndefined();
    expect(runtime.db.$client.prepare('SELECT count(*) AS n FROM form_states').get()).toEqual({ n: 0 });
  });
});
