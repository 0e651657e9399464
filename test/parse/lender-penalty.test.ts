import { describe, expect, it } from 'vitest';
import { parseLenderPenalty } from '../../src/parse/lender-penalty.ts';

describe('parseLenderPenalty', () => {
  it('reads a figure as the lender charged it', () => {
    for (const text of ['12.30', '¥12.3', '12.30元']) {
      const read = parseLenderPenalty(text);
      expect(read.ok && read.value.kind === 'charged' && read.value.amount.toFixed(2)).toBe('12.30');
    }
  });

  it('reads a waiver in English and both Chinese scripts', () => {
    for (const text of ['waived', 'the lender waived it', '免了', '已减免', '已減免', '全免']) {
      expect(parseLenderPenalty(text)).toEqual({ ok: true, value: { kind: 'waived' } });
    }
  });

  it('takes 0 as a figure of nothing charged, and refuses a negative figure or words', () => {
    const zero = parseLenderPenalty('0');
    expect(zero.ok && zero.value.kind === 'charged' && zero.value.amount.isZero()).toBe(true);
    expect(parseLenderPenalty('-5')).toEqual({ ok: false, error: 'amount-not-positive' });
    expect(parseLenderPenalty('a lot').ok).toBe(false);
  });
});
