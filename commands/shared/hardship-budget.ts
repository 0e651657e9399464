import { BUDGET_ITEMS, BUDGET_GROUPS, type Budget, type BudgetItem } from '../../src/domain/budget.ts';
import { Decimal } from '../../src/domain/money.ts';
import type { Translate } from '../../src/i18n/translator.ts';
import type { BudgetLineResult } from '../../src/parse/budget-line.ts';

const ITEMS: readonly string[] = BUDGET_GROUPS.flatMap((group) => BUDGET_ITEMS[group]);

/** A budget as stored (item → "1200.00") read back as amounts; anything that is not an item is ignored. */
export function budgetOf(stored: Record<string, string>): Budget {
  const budget: Budget = {};
  for (const [item, amount] of Object.entries(stored)) {
    if (ITEMS.includes(item)) budget[item as BudgetItem] = new Decimal(amount);
  }
  return budget;
}

/** Why a budget line was refused, naming the word or amount that was not understood. */
export function budgetErrorText(t: Translate, result: Extract<BudgetLineResult, { ok: false }>): string {
  if ('group' in result) return t('error-budget-item-other-group', { word: result.word, group: t(`hardship-group-${result.group}`) });
  if ('word' in result) return t(`error-${result.error}`, { word: result.word });
  if ('total' in result) return t('error-budget-total-below-items', { total: result.total.toFixed(2), items: result.items.toFixed(2) });
  if (result.error === 'budget-amount-without-item' && 'amount' in result)
    return t('error-budget-amount-without-item', { amount: result.amount });
  // An amount parseAmount refused: its own reason, with the amount as typed.
  if ('amount' in result) return `${t(`error-${result.error}`)} (“${result.amount}”)`;
  return t(`error-${result.error}`);
}
