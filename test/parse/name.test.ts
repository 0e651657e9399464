import { describe, expect, it } from 'vitest';
import { parseName } from '../../src/parse/name.ts';

describe('parseName', () => {
  it('trims and collapses whitespace', () => {
    expect(parseName('  car   loan ')).toEqual({ ok: true, value: 'car loan' });
    expect(parseName('招行分期')).toEqual({ ok: true, value: '招行分期' });
  });

  it('counts characters as a person does (CJK and emoji are one each)', () => {
    expect(parseName('贷'.repeat(60))).toEqual({ ok: true, value: '贷'.repeat(60) });
    expect(parseName('🚗'.repeat(60)).ok).toBe(true);
    expect(parseName('贷'.repeat(61))).toEqual({ ok: false, error: 'name-too-long' });
  });

  it('refuses an empty name, including one of only invisible characters', () => {
    expect(parseName('')).toEqual({ ok: false, error: 'name-empty' });
    expect(parseName('   ')).toEqual({ ok: false, error: 'name-empty' });
    expect(parseName('\u200B\u202E')).toEqual({ ok: false, error: 'name-empty' });
  });

  it('drops bidi overrides that could disguise a name', () => {
    expect(parseName('car\u202E loan')).toEqual({ ok: true, value: 'car loan' });
  });

  it('refuses text over 200 characters before anything else', () => {
    expect(parseName('x'.repeat(201))).toEqual({ ok: false, error: 'text-too-long' });
  });
});
