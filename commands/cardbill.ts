import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { daysBetween, type IsoDate } from '../src/domain/calendar.ts';
import { DEFAULT_DAILY_PERCENT, minimumPaymentCost } from '../src/domain/credit-card.ts';
import type { Decimal } from '../src/domain/money.ts';
import { formatPercent } from '../src/i18n/format.ts';
import { parseAmount } from '../src/parse/amount.ts';
import { parseDate } from '../src/parse/date.ts';
import { parseRate } from '../src/parse/rate.ts';
import { normalizeText } from '../src/parse/result.ts';
import { date, money } from './shared/loan-text.ts';

/*
 * /cardbill: what paying only a credit card's minimum costs. It reads one line: the statement
 * balance, the statement date and the due date, and optionally the minimum payment ("min 1000",
 * "最低1000") and the daily rate ("日利率0.05%").
 */

interface CardLine {
  balance?: Decimal;
  dates: IsoDate[];
  minimum?: Decimal;
  dailyPercent?: Decimal;
}

const MINIMUM_MARK = /^(?:min(?:imum)?|最低(?:还款|還款)?(?:额|額)?)[:：]?(.*)$/i;

function readLine(args: string): CardLine {
  const line: CardLine = { dates: [] };
  const words = normalizeText(args).split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const minimum = MINIMUM_MARK.exec(word);
    if (minimum) {
      const text = minimum[1] || words[++i] || '';
      const amount = parseAmount(text);
      if (amount.ok) line.minimum = amount.value;
      continue;
    }
    const asDate = parseDate(word);
    if (asDate.ok) {
      line.dates.push(asDate.value);
      continue;
    }
    if (/日利率|日息|daily|%/.test(word)) {
      const rate = parseRate(word, 'daily');
      if (rate.ok && rate.value.unit === 'daily') line.dailyPercent = rate.value.percent;
      continue;
    }
    const amount = parseAmount(word);
    if (amount.ok && line.balance === undefined) line.balance = amount.value;
  }
  return line;
}

function explain(ctx: CommandContext, args: string): Reply[] {
  const line = readLine(args);
  const [statementDate, dueDate] = [...line.dates].sort();
  if (!line.balance || !statementDate || !dueDate) return [{ text: ctx.t('cardbill-usage') }];
  if (daysBetween(statementDate, dueDate) <= 0) return [{ text: ctx.t('cardbill-dates-order') }, { text: ctx.t('cardbill-usage') }];
  if (line.minimum?.gt(line.balance)) return [{ text: ctx.t('cardbill-minimum-too-large') }];
  const cost = minimumPaymentCost({
    statementBalance: line.balance,
    statementDate,
    dueDate,
    ...(line.minimum && { minimumPayment: line.minimum }),
    ...(line.dailyPercent && { dailyRatePercent: line.dailyPercent }),
  });
  const text = [
    ctx.t('cardbill-header', { balance: money(ctx, line.balance), due: date(ctx, dueDate) }),
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
