import { Decimal, ZERO, floorCents } from './money.ts';

/*
 * A household budget in the Standard Financial Statement's groups (domain.md §4), the facts a
 * lender needs to judge what a borrower in hardship can afford. Each group can be itemised or
 * given as one figure (its `*-total` item), because many borrowers know "about 3000 a month on
 * living costs" but not the split.
 */

export const BUDGET_GROUPS = ['income', 'fixed', 'flexible'] as const;
export type BudgetGroup = (typeof BUDGET_GROUPS)[number];

export const INCOME_ITEMS = ['earnings', 'benefits', 'pensions', 'other-income', 'income-total'] as const;
export const FIXED_ITEMS = [
  'rent-mortgage',
  'secured-loans',
  'property-taxes',
  'home-contents',
  'gas',
  'electricity',
  'water',
  'other-utilities',
  'care-health',
  'transport',
  'school',
  'pensions-insurance',
  'professional',
  'other-essentials',
  'fixed-total',
] as const;
export const FLEXIBLE_ITEMS = ['communications-leisure', 'food-housekeeping', 'personal', 'flexible-total'] as const;

export type IncomeItem = (typeof INCOME_ITEMS)[number];
export type FixedItem = (typeof FIXED_ITEMS)[number];
export type FlexibleItem = (typeof FLEXIBLE_ITEMS)[number];
export type BudgetItem = IncomeItem | FixedItem | FlexibleItem;

/** Each group's items in the statement's order, its `*-total` last. */
export const BUDGET_ITEMS: { readonly [G in BudgetGroup]: readonly BudgetItem[] } = {
  income: INCOME_ITEMS,
  fixed: FIXED_ITEMS,
  flexible: FLEXIBLE_ITEMS,
};

/** The item that stands for a whole group given as one figure. */
export function totalItemOf(group: BudgetGroup): BudgetItem {
  return `${group}-total`;
}

const GROUP_OF = new Map<BudgetItem, BudgetGroup>(
  BUDGET_GROUPS.flatMap((group) => BUDGET_ITEMS[group].map((item) => [item, group] as const)),
);

export function groupOf(item: BudgetItem): BudgetGroup {
  const group = GROUP_OF.get(item);
  if (group === undefined) throw new RangeError(`not a budget item: ${String(item)}`);
  return group;
}

/** Monthly figures; an item not answered is absent (absent is not the same as 0). */
export type Budget = Partial<Record<BudgetItem, Decimal>>;

export interface BudgetSummary {
  income: Decimal;
  fixed: Decimal;
  flexible: Decimal;
  /** income − fixed − flexible; negative when the household spends more than comes in. */
  disposable: Decimal;
  /** Groups with at least one figure (0 counts), in BUDGET_GROUPS order: a skipped group sums to 0 but is not "answered". */
  answered: BudgetGroup[];
}

/**
 * A group's monthly figure. When its total was given it IS the figure, and items beside it are
 * detail inside it, not extra: adding them would count the same money twice.
 */
function groupFigure(budget: Budget, group: BudgetGroup): Decimal | undefined {
  const total = budget[totalItemOf(group)];
  if (total !== undefined) return total;
  let sum: Decimal | undefined;
  for (const item of BUDGET_ITEMS[group]) {
    const value = budget[item];
    if (value !== undefined) sum = (sum ?? ZERO).plus(value);
  }
  return sum;
}

export function summarizeBudget(budget: Budget): BudgetSummary {
  const answered: BudgetGroup[] = [];
  const figures = {} as Record<BudgetGroup, Decimal>;
  for (const group of BUDGET_GROUPS) {
    const figure = groupFigure(budget, group);
    if (figure !== undefined) answered.push(group);
    figures[group] = figure ?? ZERO;
  }
  return {
    ...figures,
    disposable: figures.income.minus(figures.fixed).minus(figures.flexible),
    answered,
  };
}

export interface DebtForOffer {
  id: number;
  /** What is still owed on the debt. */
  owed: Decimal;
  /** The contract's regular monthly payment. */
  scheduled: Decimal;
}

/**
 * An affordable monthly payment for each debt: the disposable income shared pro rata by amount
 * owed (the usual basis creditors accept for a fair share), rounded DOWN to the cent so the
 * offers together never exceed what is affordable, and capped at the debt's scheduled payment
 * (nobody offers more than the contract asks). What a cap leaves over is deliberately NOT passed
 * on to the other debts: kept simple, and the borrower keeps it as a margin. Nothing is
 * affordable when disposable ≤ 0, so every offer is then 0.
 */
export function suggestedPayments(disposable: Decimal, debts: readonly DebtForOffer[]): Map<number, Decimal> {
  const offers = new Map<number, Decimal>();
  const totalOwed = debts.reduce((sum, debt) => sum.plus(Decimal.max(debt.owed, ZERO)), ZERO);
  for (const debt of debts) {
    if (disposable.lte(0) || totalOwed.isZero() || debt.owed.lte(0)) {
      offers.set(debt.id, ZERO);
      continue;
    }
    const share = floorCents(disposable.times(debt.owed).div(totalOwed));
    offers.set(debt.id, Decimal.max(ZERO, Decimal.min(share, debt.scheduled)));
  }
  return offers;
}
