import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { DEFAULT_DAILY_PERCENT, minimumPaymentCost } from '../src/domain/credit-card.ts';
import { formatPercent } from '../src/i18n/format.ts';
import { cardBillDates, checkCardBill, readCardBill } from '../src/parse/card-bill.ts';
import { date, money } from './shared/loan-text.ts';

/*
 * /cardbill: what paying only a credit card's minimum costs. It reads one line: the statement
 * balance, the statement date and the due date (in that order, or labelled), and optionally the
 * minimum payment ("min 1000", "最低1000", "min 0") and the daily rate ("日利率0.05%"). Dates that
 * come out reversed are refused with both dates named, never swapped.
 */

function explain(ctx: CommandContext, args: string): Reply[] {
  const reading = readCardBill(args);
  const parsed = checkCardBill(reading);
  if (!parsed.ok) {
    // An incomplete line gets the usage; a wrong one the reason, and the usage when it helps.
    if (parsed.error === 'card-bill-incomplete') return [{ text: ctx.t('cardbill-usage') }];
    if (parsed.error === 'card-bill-dates-order') {
      const { statementDate, dueDate } = cardBillDates(reading);
      const reversed = statementDate && dueDate && dueDate < statementDate;
      const reason = reversed
        ? ctx.t('cardbill-dates-reversed', { statement: date(ctx, statementDate), due: date(ctx, dueDate) })
        : ctx.t(`error-${parsed.error}`);
      return [{ text: reason }, { text: ctx.t('cardbill-usage') }];
    }
    return [{ text: ctx.t(`error-${parsed.error}`) }];
  }
  const line = parsed.value;
  const cost = minimumPaymentCost({
    statementBalance: line.balance,
    statementDate: line.statementDate,
    dueDate: line.dueDate,
    ...(line.minimum && { minimumPayment: line.minimum }),
    ...(line.dailyPercent && { dailyRatePercent: line.dailyPercent }),
  });
  const text = [
    ctx.t('cardbill-header', { balance: money(ctx, line.balance), due: date(ctx, line.dueDate) }),
    ctx.t('cardbill-pay-full'),
    ctx.t('cardbill-pay-minimum', {
      minimum: money(ctx, cost.minimumPayment),
      interest: money(ctx, cost.revolvingInterest),
      carried: money(ctx, cost.carriedBalance),
      next: money(ctx, cost.newBalanceNextStatement),
      rate: formatPercent(ctx.locale, line.dailyPercent ?? DEFAULT_DAILY_PERCENT),
    }),
    ctx.t('cardbill-below-minimum'),
    ctx.t('status-check-contract'),
  ].join('\n\n');
  return [{ text }];
}

export const cardBillCommand: Command = {
  name: 'cardbill',
  descriptionKey: 'command-cardbill',
  run: explain,
};
