import { fail, normalizeText, ok, type ParseResult } from './result.ts';

const PERCENT = /^(\d{1,2}(?:\.\d{1,2})?)\s*%?$/;

/**
 * What paying off early costs, typed as a percentage of the remaining principal: "3", "3%",
 * "1.5 %", full-width "３％". The percent as a decimal string, as it is stored. The other
 * early-repayment rules are buttons, so anything else is 'prepayment-percent-not-understood'.
 */
export function parsePrepaymentPercent(text: string): ParseResult<string> {
  const match = PERCENT.exec(normalizeText(text));
  return match ? ok(match[1] as string) : fail('prepayment-percent-not-understood');
}
