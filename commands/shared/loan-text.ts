import { daysBetween, type IsoDate } from '../../src/domain/calendar.ts';
import type { Decimal } from '../../src/domain/money.ts';
import type { RateUnit } from '../../src/domain/rates.ts';
import type { CommandContext } from '../../src/core/types.ts';
import { formatDate, formatMoney, formatPercent } from '../../src/i18n/format.ts';

export function money(ctx: CommandContext, amount: Decimal): string {
  return formatMoney(ctx.locale, amount);
}

export function date(ctx: CommandContext, value: IsoDate): string {
  return formatDate(ctx.t, value);
}

export function methodName(ctx: CommandContext, method: string): string {
  return ctx.t(`method-${method}`);
}

export function rateText(ctx: CommandContext, percent: Decimal, unit: RateUnit | string): string {
  return ctx.t(`rate-${unit}`, { rate: formatPercent(ctx.locale, percent) });
}

/** "in 3 days", "today", "2 days overdue": relative to the borrower's own today. */
export function daysLeftText(ctx: CommandContext, due: IsoDate): string {
  const days = daysBetween(ctx.today, due);
  if (days > 0) return ctx.t('days-left', { days });
  if (days === 0) return ctx.t('due-today');
  return ctx.t('days-overdue', { days: -days });
}
