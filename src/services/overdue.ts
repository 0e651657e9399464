import type { Decimal } from '../domain/money.ts';
import { overdueStanding, stageRank, type OverdueEvaluation, type OverdueStage } from '../domain/overdue.ts';
import type { LoanLedger } from '../domain/loan-ledger.ts';
import { sumMoney } from '../domain/money.ts';
import type { Queryable } from '../db/client.ts';
import { installmentsOfUser, loansOfUser, type LoanRow } from '../db/loans-repo.ts';
import { groupByLoan } from './installment-rows.ts';
import { ledgerOf, loanToday } from './ledger.ts';
import { overdueRulesOf } from './overdue-rules.ts';

export { overdueRulesOf, type OverdueRules } from './overdue-rules.ts';

/** A loan with something past its due date: each such installment's standing and what it owes, from the ledger. */
export interface OverdueLoan {
  loan: LoanRow;
  installments: OverdueEvaluation[];
  /** What is open of the installments past due (their own amounts, without penalty). */
  totalOverdue: Decimal;
  /** Penalty interest (罚息) charged and still owed. */
  totalPenalty: Decimal;
  /** One-off late fees (违约金) still owed, kept apart from penalty interest. */
  totalLateFee: Decimal;
  worstStage: OverdueStage;
}

/** The installments of a loan's ledger that are past due with something owed, as /status and reminders show them. */
export function overdueOfLedger(loan: LoanRow, ledger: LoanLedger): OverdueEvaluation[] {
  const { policy } = overdueRulesOf(loan);
  return ledger.installments
    .filter((entry) => entry.daysPastDue > 0 && entry.owed.gt(0))
    .map((entry) => ({
      n: entry.n,
      due: entry.due,
      ...overdueStanding(entry.due, policy, ledger.asOf),
      open: entry.open.total,
      penalty: entry.penaltyOwed,
      lateFee: entry.lateFeeOwed,
    }));
}

/** Every loan of the user with something past its due date, each on its lender's today. */
export function overdueOfUser(q: Queryable, userId: number, now: Date, defaultTimeZone: string): OverdueLoan[] {
  const rowsByLoan = groupByLoan(installmentsOfUser(q, userId));
  const result: OverdueLoan[] = [];
  for (const loan of loansOfUser(q, userId)) {
    const ledger = ledgerOf(q, loan, rowsByLoan.get(loan.id) ?? [], loanToday(loan, now, defaultTimeZone));
    const pastDue = overdueOfLedger(loan, ledger);
    if (pastDue.length === 0) continue;
    let worstStage: OverdueStage = 'upcoming';
    for (const e of pastDue) if (stageRank(e.stage) > stageRank(worstStage)) worstStage = e.stage;
    result.push({
      loan,
      installments: pastDue,
      totalOverdue: sumMoney(pastDue.map((e) => e.open)),
      totalPenalty: sumMoney(pastDue.map((e) => e.penalty)),
      totalLateFee: sumMoney(pastDue.map((e) => e.lateFee)),
      worstStage,
    });
  }
  return result;
}
