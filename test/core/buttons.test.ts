import { describe, expect, it } from 'vitest';
import {
  buttonType,
  count,
  id,
  literal,
  matchButton,
  MAX_BUTTON_DATA_BYTES,
  moneyText,
  onPress,
  oneOf,
  optional,
  text,
} from '../../src/core/buttons.ts';
import type { CommandContext } from '../../src/core/types.ts';

/*
 * The button toolkit (src/core/buttons.ts): one definition makes a button's data and reads it
 * back. Reading validates every field, so anything forged, stale or malformed reads as
 * `undefined` (and gets the core's one shared answer). Data is limited to Telegram's 64 bytes.
 */

const noCtx = {} as CommandContext;

describe('make and read, field by field', () => {
  it('an id round-trips and is written as plain digits', () => {
    const type = buttonType<{ loanId: number }>('editloan', { loanId: id });
    const data = type.data({ loanId: 42 });
    expect(data).toBe('editloan:42');
    expect(type.read(data)).toEqual({ loanId: 42 });
    expect(type.make('Edit', { loanId: 7 })).toEqual({ label: 'Edit', data: 'editloan:7' });
  });

  it('a count round-trips, including 0', () => {
    const type = buttonType<{ page: number }>('schedule', { page: count });
    for (const page of [0, 1, 12, 999]) expect(type.read(type.data({ page }))).toEqual({ page });
  });

  it('an amount of money stays text with its two decimals', () => {
    const type = buttonType<{ amount: string }>('payoff', { amount: moneyText });
    expect(type.data({ amount: '10661.86' })).toBe('payoff:10661.86');
    expect(type.read('payoff:10661.86')).toEqual({ amount: '10661.86' });
    expect(type.read('payoff:1299.00')).toEqual({ amount: '1299.00' });
    // A float-looking or short amount is not one the bot wrote.
    expect(type.read('payoff:1299')).toBeUndefined();
    expect(type.read('payoff:1299.5')).toBeUndefined();
    expect(type.read('payoff:-5.00')).toBeUndefined();
    expect(type.read('payoff:1e3.00')).toBeUndefined();
  });

  it('a literal matches only its own word', () => {
    const type = buttonType<{ action: 'ask' }>('undo', { action: literal('ask') });
    expect(type.data({ action: 'ask' })).toBe('undo:ask');
    expect(type.read('undo:ask')).toEqual({ action: 'ask' });
    expect(type.read('undo:Ask')).toBeUndefined();
    expect(type.read('undo:asks')).toBeUndefined();
  });

  it('oneOf accepts exactly its values', () => {
    const type = buttonType<{ when: 'today' | 'tomorrow' }>('remind', { when: oneOf(['today', 'tomorrow'] as const) });
    expect(type.read(type.data({ when: 'today' }))).toEqual({ when: 'today' });
    expect(type.read(type.data({ when: 'tomorrow' }))).toEqual({ when: 'tomorrow' });
    expect(type.read('remind:yesterday')).toBeUndefined();
    expect(type.read('remind:')).toBeUndefined();
  });

  it('text keeps ":", "%", spaces and emoji, and a ":" inside it cannot split the data', () => {
    const type = buttonType<{ value: string; n: number }>('settings', { value: text, n: id });
    for (const value of ['21:00-08:00', '100%', '50 %25 off', '🔔 car', 'a:b:c', '']) {
      const data = type.data({ value, n: 3 });
      expect(data.split(':')).toHaveLength(3);
      expect(type.read(data)).toEqual({ value, n: 3 });
    }
  });

  it('several fields come back in their declared order', () => {
    const type = buttonType<{ action: 'settle'; loanId: number; amount: string }>('payoff', {
      action: literal('settle'),
      loanId: id,
      amount: moneyText,
    });
    const data = type.data({ action: 'settle', loanId: 5, amount: '300.25' });
    expect(data).toBe('payoff:settle:5:300.25');
    expect(type.read(data)).toEqual({ action: 'settle', loanId: 5, amount: '300.25' });
    // The same parts in another order are not this button.
    expect(type.read('payoff:5:settle:300.25')).toBeUndefined();
  });
});

describe('optional trailing fields', () => {
  const type = buttonType<{ loanId: number; page: number | undefined }>('schedule', { loanId: id, page: optional(count) });
  const paid = buttonType<{ action: 'loan'; loanId: number; carried: string | undefined }>('paid', {
    action: literal('loan'),
    loanId: id,
    carried: optional(text),
  });

  it('are left out of the data when absent, and read back as undefined', () => {
    expect(type.data({ loanId: 3, page: undefined })).toBe('schedule:3');
    expect(type.read('schedule:3')).toEqual({ loanId: 3, page: undefined });
    expect(paid.data({ action: 'loan', loanId: 9, carried: undefined })).toBe('paid:loan:9');
    expect(paid.read('paid:loan:9')).toEqual({ action: 'loan', loanId: 9, carried: undefined });
  });

  it('round-trip when present', () => {
    expect(type.data({ loanId: 3, page: 2 })).toBe('schedule:3:2');
    expect(type.read('schedule:3:2')).toEqual({ loanId: 3, page: 2 });
    // Page 0 is present, not absent.
    expect(type.read(type.data({ loanId: 3, page: 0 }))).toEqual({ loanId: 3, page: 0 });
    expect(paid.read(paid.data({ action: 'loan', loanId: 9, carried: '500 2026-11-20' }))).toEqual({
      action: 'loan',
      loanId: 9,
      carried: '500 2026-11-20',
    });
  });

  it('an empty optional part after a separator is malformed, not absent', () => {
    expect(type.read('schedule:3:')).toBeUndefined();
    expect(type.read('schedule:3:x')).toBeUndefined();
  });
});

describe('64 bytes', () => {
  it('is counted in bytes, not characters', () => {
    // 'ab:' is 3 bytes; each of these Chinese characters is 3 bytes in UTF-8.
    const twenty = '一二三四五六七八九十百千万亿零壹贰叁肆伍';
    const type = buttonType<{ word: string }>('ab', { word: oneOf([`${twenty}x`, `${twenty}伍`] as const) });
    const atLimit = { word: `${twenty}x` } as const; // 3 + 60 + 1 = 64 bytes
    const over = { word: `${twenty}伍` } as const; // 3 + 63 = 66 bytes, only 24 characters
    expect(Buffer.byteLength(type.data(atLimit))).toBe(MAX_BUTTON_DATA_BYTES);
    expect(type.fits(atLimit)).toBe(true);
    expect(`ab:${over.word}`.length).toBeLessThan(MAX_BUTTON_DATA_BYTES);
    expect(type.fits(over)).toBe(false);
    expect(() => type.data(over)).toThrow(/64 bytes/);
    expect(() => type.make('label', over)).toThrow(/64 bytes/);
  });

  it('counts percent-encoded text as it is sent', () => {
    const paid = buttonType<{ action: 'loan'; loanId: number; carried: string | undefined }>('paid', {
      action: literal('loan'),
      loanId: id,
      carried: optional(text),
    });
    // Six Chinese characters are 18 bytes, but 54 once percent-encoded: 'paid:loan:1:' + 54 = 66.
    const chinese = { action: 'loan' as const, loanId: 1, carried: '五百元今天付' };
    expect(paid.fits(chinese)).toBe(false);
    expect(() => paid.data(chinese)).toThrow();
    const short = { action: 'loan' as const, loanId: 1, carried: '五百' };
    expect(paid.fits(short)).toBe(true);
    expect(paid.read(paid.data(short))?.carried).toBe('五百');
  });
});

describe('read refuses what it did not write', () => {
  const type = buttonType<{ action: 'pick'; loanId: number }>('deleteloan', { action: literal('pick'), loanId: id });

  it('another command’s prefix, or a prefix that only starts the same', () => {
    expect(type.read('deleteloan:pick:5')).toEqual({ action: 'pick', loanId: 5 });
    expect(type.read('editloan:pick:5')).toBeUndefined();
    expect(type.read('deleteloanx:pick:5')).toBeUndefined();
    expect(type.read('DELETELOAN:pick:5')).toBeUndefined();
  });

  it('missing or extra parts', () => {
    expect(type.read('deleteloan')).toBeUndefined();
    expect(type.read('deleteloan:pick')).toBeUndefined();
    expect(type.read('deleteloan:pick:5:6')).toBeUndefined();
    expect(type.read('deleteloan:pick:5:')).toBeUndefined();
  });

  it('ids that are 0, negative, fractional, empty, padded or not digits', () => {
    for (const bad of ['0', '-1', '1.5', '', '05', ' 5', '5 ', '1e3', 'abc', '0x10', '9999999999999']) {
      expect(type.read(`deleteloan:pick:${bad}`), bad).toBeUndefined();
    }
  });

  it('the empty string', () => {
    expect(type.read('')).toBeUndefined();
    expect(buttonType<{ n: number }>('x', { n: count }).read('')).toBeUndefined();
  });

  it('negative or fractional counts', () => {
    const pages = buttonType<{ page: number }>('schedule', { page: count });
    for (const bad of ['-1', '1.5', '', '01']) expect(pages.read(`schedule:${bad}`), bad).toBeUndefined();
  });

  it('a malformed percent-encoding in a text field', () => {
    const type = buttonType<{ value: string }>('settings', { value: text });
    expect(type.read('settings:%E4%BA%94')).toEqual({ value: '五' });
    expect(type.read('settings:%')).toBeUndefined();
    expect(type.read('settings:%E4%BA')).toBeUndefined();
    expect(type.read('settings:%ZZ')).toBeUndefined();
  });
});

describe('matchButton', () => {
  const quote = buttonType<{ loanId: number }>('payoff', { loanId: id });
  const settle = buttonType<{ action: 'settle'; loanId: number; amount: string }>('payoff', {
    action: literal('settle'),
    loanId: id,
    amount: moneyText,
  });
  const handlers = [
    onPress(quote, (_ctx, { loanId }) => [{ text: `quote ${loanId}` }]),
    onPress(settle, (_ctx, { loanId, amount }) => [{ text: `settle ${loanId} ${amount}` }]),
  ];

  it('finds the handler whose button the data is', async () => {
    expect(await matchButton(handlers, 'payoff:5')?.(noCtx)).toEqual([{ text: 'quote 5' }]);
    expect(await matchButton(handlers, 'payoff:settle:5:300.25')?.(noCtx)).toEqual([{ text: 'settle 5 300.25' }]);
  });

  it('finds none for data that is neither', () => {
    expect(matchButton(handlers, 'payoff:settle:5')).toBeUndefined();
    expect(matchButton(handlers, 'payoff:settle:5:300')).toBeUndefined();
    expect(matchButton(handlers, 'payoff:0')).toBeUndefined();
    expect(matchButton(handlers, 'schedule:5')).toBeUndefined();
    expect(matchButton([], 'payoff:5')).toBeUndefined();
  });

  it('picks the first handler when two would read the same data', async () => {
    const asText = onPress(buttonType<{ v: string }>('x', { v: text }), (_ctx, { v }) => [{ text: `text ${v}` }]);
    const asId = onPress(buttonType<{ v: number }>('x', { v: id }), (_ctx, { v }) => [{ text: `id ${v}` }]);
    expect(await matchButton([asText, asId], 'x:5')?.(noCtx)).toEqual([{ text: 'text 5' }]);
    expect(await matchButton([asId, asText], 'x:5')?.(noCtx)).toEqual([{ text: 'id 5' }]);
    // Only the text reading applies to non-digits, whichever comes first.
    expect(await matchButton([asId, asText], 'x:abc')?.(noCtx)).toEqual([{ text: 'text abc' }]);
  });
});
