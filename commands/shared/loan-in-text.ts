import type { IsoDate } from '../../src/domain/calendar.ts';
import { parseLoanLine } from '../../src/parse/loan-line.ts';

/*
 * Whether a free-text message reads as a loan ("我借了小米随星借 20000，分12期，年化18%，每月15号还",
 * "bought a phone 4999 in 12 installments 0.6% monthly fee"), decided conservatively: an amount
 * AND at least one term (periods, a rate, a method, a first due date or a due day), as the
 * one-line /addloan reads them, and no sign of a question or of a payment made. The lead-in
 * (我借了, I borrowed, bought a) is dropped so the name is what the loan is called.
 */

const LEAD_IN_ZH =
  /^\s*(?:我们?|俺)?\s*(?:刚刚?|刚才|之前|前几天|最近|上个?月|今天|昨天|剛剛?|剛才|前幾天|上個?月)?\s*(?:在|從|从)?\s*(?:借了|借款了?|贷了|貸了|贷款了?|貸款了?|分期买了|分期買了|买了|買了|办了|辦了|申请了|申請了|开通了|開通了|用了)\s*/u;
const LEAD_IN_EN =
  /^\s*(?:i(?:'ve| have)?\s+)?(?:just\s+|recently\s+)?(?:borrowed|took\s+out|took|bought|got|have|financed)\s+(?:(?:an?|the|my)\s+)?(?:(?:new\s+)?loan\s+(?:of|for|from)\s+|loan\s+)?(?:(?:an?|the|my)\s+)?/i;

/** A question or a payment made: such a message goes to the knowledge base, not to the loan form. */
const NOT_A_LOAN =
  /[?？]|吗|嗎|怎么|怎麼|怎样|怎樣|为什么|為什麼|多少|能不能|可不可以|可以吗|会不会|會不會|还了|還了|已还|已還|还款了|還款了|逾期|(?<![a-z])(?:how|what|why|when|can|could|should|would|will|is|are|do|does|did|paid|repaid|pay|paying|overdue|late|missed)(?![a-z])/iu;

/** The message without its lead-in (我借了, I borrowed, bought a). */
export function withoutLeadIn(text: string): string {
  const stripped = text.replace(LEAD_IN_ZH, '').replace(LEAD_IN_EN, '').trim();
  return stripped.length > 0 ? stripped : text.trim();
}

/** The line to offer as a new loan, or undefined when the message does not read as one. */
export function loanInText(text: string, today: IsoDate): string | undefined {
  if (NOT_A_LOAN.test(text)) return undefined;
  const line = withoutLeadIn(text);
  const { draft } = parseLoanLine(line, { today });
  if (draft.principal === undefined) return undefined;
  const terms = [draft.periods, draft.rate, draft.method, draft.firstDue, draft.dueDay];
  return terms.some((term) => term !== undefined) ? line : undefined;
}
