import type { Decimal } from '../domain/money.ts';
import { ZERO } from '../domain/money.ts';
import { parseAmount } from './amount.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

/** What the lender said, as a borrower types it: "12.30", "¥12.3", "0", "waived", "免了", "已减免". */
export type LenderPenaltyText = { kind: 'charged'; amount: Decimal } | { kind: 'waived' };

const WAIVED = /^(?:(?:the\s+lender\s+)?waived(?:\s+it)?|waive|waiver|(?:已|全部?)?(?:[减減]免|免除|豁免|免掉|免了|全免)(?:了)?)$/i;
const ZERO_TEXT = /^[¥$]?\s*0+(?:\.0{1,2})?\s*(?:元|块)?$/;

export function parseLenderPenalty(text: string): ParseResult<LenderPenaltyText> {
  if (isTooLong(text)) return fail('text-too-long');
  const s = normalizeForMatching(text).trim();
  if (WAIVED.test(s)) return ok({ kind: 'waived' });
  // "0": the lender charged nothing, which is a figure of its own (not a waiver of what it charged).
  if (ZERO_TEXT.test(s)) return ok({ kind: 'charged', amount: ZERO });
  const amount = parseAmount(s);
  return amount.ok ? ok({ kind: 'charged', amount: amount.value }) : amount;
}
