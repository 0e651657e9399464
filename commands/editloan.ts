import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import type { LoanRow } from '../src/db/loans-repo.ts';
import type { PolicyPresetId } from '../src/domain/overdue-policy.ts';
import type { RateUnit } from '../src/domain/rates.ts';
import type { RepaymentMethod } from '../src/domain/schedule.ts';
import type { LenderKind, StoredPrepaymentRule } from '../src/services/loans.ts';
import { startLoanForm } from './addloan.ts';
import type { Draft } from './shared/loan-draft.ts';
import type { StoredPolicyOverrides } from '../src/domain/policy-overrides.ts';
import { formInTheWay } from './shared/form-in-the-way.ts';
import { pickLoan } from './shared/pick-loan.ts';

function draftOf(loan: LoanRow): Draft {
  const draft: Draft = {
    loanId: loan.id,
    name: loan.name,
    principal: loan.principal,
    method: loan.method as RepaymentMethod,
    ratePercent: loan.ratePercent,
    rateUnit: loan.rateUnit as RateUnit,
    periods: loan.periods,
    firstDue: loan.firstDue,
    upfrontFee: loan.upfrontFee,
    oneTimeFee: loan.oneTimeFee,
    lenderKind: loan.lenderKind as LenderKind,
    policyPreset: loan.policyPreset as PolicyPresetId,
    dayBasis: loan.dayBasis === 365 ? 365 : 360,
  };
  if (loan.startDate) draft.startDate = loan.startDate;
  if (loan.dueDay !== null) draft.dueDay = loan.dueDay;
  if (loan.prepaymentRule) draft.prepaymentRule = loan.prepaymentRule as StoredPrepaymentRule;
  if (Object.keys(loan.policyOverrides).length > 0) draft.policyOverrides = loan.policyOverrides as StoredPolicyOverrides;
  return draft;
}

/** Opens the /addloan card with the loan's current terms; Save rebuilds its schedule and keeps its payments. */
function edit(ctx: CommandContext, loanId: number): Reply[] {
  // Editing uses the /addloan form, so even a half-entered new loan is in the way.
  const busy = formInTheWay(ctx, 'addloan', false);
  if (busy) return busy;
  const found = ctx.services.loans.overview(loanId);
  if (!found) return [{ text: ctx.t('error-stale-button') }];
  return startLoanForm(ctx, draftOf(found.loan), []);
}

export const editLoanCommand: Command = {
  name: 'editloan',
  descriptionKey: 'command-editloan',
  run(ctx, args) {
    const picked = pickLoan(ctx, args, 'editloan');
    return 'replies' in picked ? picked.replies : edit(ctx, picked.loan.loan.id);
  },
  onCallback: (ctx, [loanId = '']) => edit(ctx, Number(loanId)),
};
