import { Decimal } from '../domain/money.ts';
import { parseAmount } from './amount.ts';
import { fail, normalizeForMatching, type ParseResult } from './result.ts';

/** "No fee", in simplified (the text is folded first: 無 / 沒有 / 免費 read as 无 / 没有 / 免费). */
const NOTHING = /^(0|0\.0+|none|no|no fee|nothing|无|没有|免费)$/i;

/**
 * A one-time or upfront fee: an amount as parseAmount reads it, but "0" or "none" ("无", "沒有")
 * is a real answer here, unlike for an amount borrowed. 'fee-too-large' when it is not less
 * than the principal (when that is known).
 */
export function parseFee(text: string, principal?: Decimal | string): ParseResult<Decimal> {
  if (NOTHING.test(normalizeForMatching(text))) return { ok: true, value: new Decimal(0) };
  const amount = parseAmount(text);
  if (amount.ok && principal !== undefined && amount.value.gte(principal)) return fail('fee-too-large');
  return amount;
}
