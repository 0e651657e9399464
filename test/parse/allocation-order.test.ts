import { describe, expect, it } from 'vitest';
import { ALLOCATION_PRESETS } from '../../src/domain/allocation-order.ts';
import { parseAllocationOrder } from '../../src/parse/allocation-order.ts';

const PRINCIPAL_FIRST = ALLOCATION_PRESETS['principal-first'];
const CIVIL_CODE = ALLOCATION_PRESETS['civil-code'];

describe('parseAllocationOrder', () => {
  it.each([
    ['principal, interest, fees, penalty, late fee', PRINCIPAL_FIRST],
    ['Principal → Interest → Fee → Penalty interest → Late fee', PRINCIPAL_FIRST],
    ['principal -> interest -> fees -> penalty -> late-fee', PRINCIPAL_FIRST],
    ['1. principal 2. interest 3. fees 4. penalty 5. late fees', PRINCIPAL_FIRST],
    ['principal then interest then fees then penalty and finally late fee', PRINCIPAL_FIRST],
    ['late fee, penalty interest, fees, interest, principal', CIVIL_CODE],
    ['本金、利息、手续费、罚息、违约金', PRINCIPAL_FIRST],
    ['本金利息手续费罚息违约金', PRINCIPAL_FIRST],
    ['先本金，再利息，然后手续费、罚息，最后违约金', PRINCIPAL_FIRST],
    ['本金 → 利息 → 手續費 → 罰息 → 違約金', PRINCIPAL_FIRST],
    ['滞纳金、罚息、手续费、利息、本金', CIVIL_CODE],
    ['本金, interest, 手续费, penalty, 违约金', PRINCIPAL_FIRST],
    ['ｐｒｉｎｃｉｐａｌ，ｉｎｔｅｒｅｓｔ，ｆｅｅｓ，ｐｅｎａｌｔｙ，ｌａｔｅ ｆｅｅ', PRINCIPAL_FIRST],
  ])('%s', (text, expected) => {
    expect(parseAllocationOrder(text)).toEqual({ ok: true, value: [...expected] });
  });

  it('reads an order of its own', () => {
    expect(parseAllocationOrder('利息、本金、手续费、罚息、违约金')).toEqual({
      ok: true,
      value: ['interest', 'principal', 'fee', 'penalty', 'late-fee'],
    });
    expect(parseAllocationOrder('penalty, late fee, interest, fees, principal')).toEqual({
      ok: true,
      value: ['penalty', 'late-fee', 'interest', 'fee', 'principal'],
    });
  });

  it.each([
    ['Civil Code', CIVIL_CODE],
    ['civil code order', CIVIL_CODE],
    ['民法典', CIVIL_CODE],
    ['默认', CIVIL_CODE],
    ['principal first', PRINCIPAL_FIRST],
    ['Principal-first', PRINCIPAL_FIRST],
    ['本金优先', PRINCIPAL_FIRST],
    ['先还本金', PRINCIPAL_FIRST],
  ])('names a preset: %s', (text, expected) => {
    expect(parseAllocationOrder(text)).toEqual({ ok: true, value: [...expected] });
  });

  it('names a piece that is not a part, as typed', () => {
    expect(parseAllocationOrder('principal, intrest, fees, penalty, late fee')).toEqual({
      ok: false,
      error: 'allocation-part-unknown',
      text: 'intrest',
    });
    expect(parseAllocationOrder('本金、利息、保险费、罚息、违约金')).toEqual({
      ok: false,
      error: 'allocation-part-unknown',
      text: '保险费',
    });
    expect(parseAllocationOrder('本金、利息、保險費、罰息')).toEqual({ ok: false, error: 'allocation-part-unknown', text: '保險費' });
    expect(parseAllocationOrder('whatever')).toEqual({ ok: false, error: 'allocation-part-unknown', text: 'whatever' });
  });

  it('names a part given twice: 违约金 and 滞纳金 are both the late fee', () => {
    expect(parseAllocationOrder('principal, interest, principal, fees, penalty, late fee')).toEqual({
      ok: false,
      error: 'allocation-part-twice',
      part: 'principal',
    });
    expect(parseAllocationOrder('违约金、滞纳金、罚息、手续费、利息、本金')).toEqual({
      ok: false,
      error: 'allocation-part-twice',
      part: 'late-fee',
    });
  });

  it('names the parts left out', () => {
    expect(parseAllocationOrder('principal, interest')).toEqual({
      ok: false,
      error: 'allocation-parts-missing',
      parts: ['late-fee', 'penalty', 'fee'],
    });
    expect(parseAllocationOrder('本金、利息、手续费、罚息')).toEqual({ ok: false, error: 'allocation-parts-missing', parts: ['late-fee'] });
    expect(parseAllocationOrder('')).toEqual({ ok: false, error: 'allocation-parts-missing', parts: [...CIVIL_CODE] });
  });

  it('refuses very long text before reading it', () => {
    expect(parseAllocationOrder('principal, '.repeat(40))).toEqual({ ok: false, error: 'text-too-long' });
  });
});
