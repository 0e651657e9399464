import { z } from 'zod';

/*
 * What a hardship request asks for, as stored in hardship_requests.proposal (JSON) and read back
 * through these schemas: a row that no longer fits is reported, never guessed at. Money is kept
 * as two-decimal strings, as everywhere in the database.
 */

export const HARDSHIP_KINDS = ['deferral', 'new-plan', 'waiver', 'collection-pause'] as const;
export type HardshipKind = (typeof HARDSHIP_KINDS)[number];

export const HARDSHIP_REASONS = ['job-loss', 'illness', 'income-drop', 'family-emergency', 'disaster', 'dispute', 'other'] as const;
export type HardshipReason = (typeof HARDSHIP_REASONS)[number];

/** The evidence a lender usually asks for, per reason: the borrower ticks what they can provide. */
export const EVIDENCE_BY_REASON: Record<HardshipReason, readonly string[]> = {
  'job-loss': ['termination-letter', 'unemployment-registration', 'bank-statements'],
  illness: ['hospital-record', 'medical-bills', 'sick-leave-note'],
  'income-drop': ['payslips', 'bank-statements', 'employer-letter'],
  'family-emergency': ['family-document', 'bills', 'bank-statements'],
  disaster: ['disaster-certificate', 'damage-photos', 'insurance-claim'],
  dispute: ['contract', 'payment-receipts', 'correspondence'],
  other: ['bank-statements', 'other-document'],
};

/** How long an approved pause of collection contact holds overdue reminders. */
export const COLLECTION_PAUSE_DAYS = 30;

const money = z.string().regex(/^\d{1,12}\.\d{2}$/);
const isoDate = z.iso.date();

export const planOfLoanSchema = z.object({
  loanId: z.number().int().positive(),
  /** The debt re-spread: open principal, arrears and penalty of the installments the plan replaces. */
  amount: money,
  months: z.number().int().min(1).max(600),
  /** The regular monthly payment of the plan. */
  payment: money,
  /** Monthly interest rate of the plan, as a decimal fraction ("0.01"). */
  monthlyRate: z.string().regex(/^\d+(\.\d+)?$/),
  firstDue: isoDate,
});
export type PlanOfLoan = z.infer<typeof planOfLoanSchema>;

export const waivedInstallmentSchema = z.object({
  loanId: z.number().int().positive(),
  n: z.number().int().positive(),
  /** The penalty and late fee owed on it when the request was made. */
  penalty: money,
});

export const proposalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deferral'), months: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('new-plan'), plans: z.array(planOfLoanSchema).min(1) }),
  z.object({
    kind: z.literal('waiver'),
    /** Percent of the accrued penalty asked to be waived, "100" for all. */
    percent: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/),
    installments: z.array(waivedInstallmentSchema).min(1),
  }),
  z.object({ kind: z.literal('collection-pause'), days: z.number().int().min(1).max(365) }),
]);
export type Proposal = z.infer<typeof proposalSchema>;

export const budgetSchema = z.record(z.string(), money);

export function readProposal(stored: unknown): Proposal {
  return proposalSchema.parse(stored);
}
