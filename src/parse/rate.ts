import { Decimal } from '../domain/money.ts';
import { toAnnualPercent, type RateUnit } from '../domain/rates.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

export interface RateInput {
  percent: Decimal;
  unit: RateUnit;
}

/** A rate this high (annual equivalent) is a typo or not a loan repaybot can help with. */
export const MAX_ANNUAL_PERCENT = new Decimal(1000);

type Marker = 'annual' | 'monthly' | 'daily' | 'fee' | 'total';

// English keywords must stand alone ("pa" in "paid" is not per annum).
const en = (words: string): string => `(?<![a-z])(?:${words})(?![a-z])`;

/**
 * Longest and most specific first: "月费率" must win over "月", "monthly fee" over "monthly".
 * Chinese in simplified only: they run on folded text (手續費率 reads as 手续费率).
 */
const MARKERS: ReadonlyArray<[RegExp, Marker]> = [
  // 总费率 8.8% (花呗, 白条): the fee over the WHOLE plan, not a month of it; before 费率 and 手续费.
  [/总(?:手续费率|手续费|费率|费用率|费用)/g, 'total'],
  [new RegExp(en('total\\s+(?:fees?|charges?|costs?)(?:\\s+rate)?|(?:fees?\\s+)?in\\s+total|total'), 'gi'), 'total'],
  // 年化费率 is an annualized figure, not the monthly fee itself.
  [/年化费率/g, 'annual'],
  [/分期手续费率?|月手续费率?|月费率|手续费率?|分期费率|费率/g, 'fee'],
  [new RegExp(en('monthly\\s+fee(?:\\s+rate)?|fee(?:\\s+rate)?'), 'gi'), 'fee'],
  [/年化利率|年化|年利率|年息|年利|年率|每年|\/\s*年|年/g, 'annual'],
  [/月利率|月息|月利|月率|每月|\/\s*月|月/g, 'monthly'],
  [/日利率|日息|日利|日率|每日|每天|\/\s*[日天]|日|天/g, 'daily'],
  [
    new RegExp(
      `${en('a\\.?p\\.?r\\.?|per\\s+annum|p\\.a\\.?|pa|annual(?:ly)?(?:\\s+rate)?|yearly|(?:per|a|every|each)\\s+(?:year|yr)|years?|yrs?')}|/\\s*(?:year|yr|annum)(?![a-z])`,
      'gi',
    ),
    'annual',
  ],
  [
    new RegExp(`${en('monthly(?:\\s+rate)?|(?:per|a|every|each)\\s+month|months?|mo|mth')}|/\\s*(?:month|mo|mth)(?![a-z])`, 'gi'),
    'monthly',
  ],
  [new RegExp(`${en('daily(?:\\s+rate)?|(?:per|a|every|each)\\s+day|days?')}|/\\s*day(?![a-z])`, 'gi'), 'daily'],
];

/** Words around a rate that say nothing about its unit. */
const FILLER = new RegExp(`${en('interest\\s+rate|interest|rate|nominal|of|at|is|the|an?')}|利率|利息|利|息|率|为|是|[:=@]`, 'gi');

/**
 * "No interest" in words: 免息, 无息, 零利息, interest-free, no interest, zero interest. Not 免息期
 * (a credit card's interest-free period, a number of days). Simplified only (folded text).
 */
export const INTEREST_FREE = `免息(?!期)|无息|零利息|零息|免利息|无利息|没有利息|不要利息|不收利息|${en('interest[\\s-]*free|no[\\s-]+interest|zero[\\s-]+interest|without\\s+interest|0\\s+interest')}`;
const INTEREST_FREE_ONLY = new RegExp(`^(?:${INTEREST_FREE})$`, 'i');

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const NUM = '\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]';

const PERCENT = /^([-+]?)(\d+(?:\.\d+)?)(?:%|percent|pct|个点)?$/i;
/** 万5 / 万分之5: per ten thousand, how daily rates are quoted (日息万5 = 0.05%). */
const PER_TEN_THOUSAND = new RegExp(`^([-+]?)万分?之?(${NUM})$`);
const PER_THOUSAND = new RegExp(`^([-+]?)千分之(${NUM})$`);
const PER_HUNDRED = new RegExp(`^([-+]?)百分之(${NUM})$`);
/** 1分 / 1分5(厘) / 1分半 / 5厘: the traditional Chinese units, whose size depends on the period. */
const FEN_LI = new RegExp(`^([-+]?)(?:(${NUM})分(?:(\\d|[一二两三四五六七八九]|半)厘?)?|(${NUM})厘)$`);

// 分 is a tenth of the period's base: 年息1分 = 10%/year, 月息1分 = 1%/month, 日息1分 = 0.1%/day;
// 厘 is a tenth of 分.
const FEN_PERCENT: Record<Exclude<Marker, 'total'>, Decimal> = {
  annual: new Decimal(10),
  monthly: new Decimal(1),
  fee: new Decimal(1),
  daily: new Decimal('0.1'),
};

function numberOf(token: string): Decimal {
  const digit = CHINESE_DIGITS[token];
  return new Decimal(digit ?? token);
}

/** A rate with the unit exactly as written: undefined when the text did not say. */
export interface RateReading {
  percent: Decimal;
  unit: RateUnit | undefined;
  /**
   * Set for a total fee (总费率 8.8%, "total fee 8.8%"): `percent` is charged over the whole plan,
   * so the monthly fee is percent / periods (see totalFeeRate); `unit` is then 'monthly-fee'.
   */
  total?: true;
}

/**
 * Reads a rate without applying a default unit or limits. Used by parseRate and by the loan-line
 * reader, which must know whether the unit was actually stated before it dares to use the rate.
 */
export function readRate(text: string): ParseResult<RateReading> {
  if (isTooLong(text)) return fail('text-too-long');
  let s = normalizeForMatching(text);
  if (INTEREST_FREE_ONLY.test(s)) return ok({ percent: new Decimal(0), unit: undefined });
  const markers = new Set<Marker>();
  for (const [pattern, marker] of MARKERS) {
    pattern.lastIndex = 0;
    if (pattern.test(s)) {
      markers.add(marker);
      s = s.replace(pattern, ' ');
    }
  }
  s = s.replace(FILLER, ' ').replace(/\s+/g, '');

  let unit: RateUnit | undefined;
  const total = markers.delete('total');
  if (total) {
    // A total is a fee over the plan: "总年化" or "total monthly" is not a quote anyone gives.
    if (markers.has('annual') || markers.has('monthly') || markers.has('daily')) return fail('rate-not-number');
    unit = 'monthly-fee';
  } else if (markers.has('fee')) {
    // A fee is charged monthly on the original principal; a "yearly fee rate" is something else.
    if (markers.has('annual') || markers.has('daily')) return fail('rate-not-number');
    unit = 'monthly-fee';
  } else if (markers.size > 1) {
    return fail('rate-not-number');
  } else {
    const [only] = markers as Set<Exclude<Marker, 'fee' | 'total'>>;
    unit = only;
  }

  let sign = '';
  let percent: Decimal | undefined;
  let m: RegExpExecArray | null;
  if ((m = PERCENT.exec(s))) {
    sign = m[1] as string;
    percent = new Decimal(m[2] as string);
  } else if ((m = PER_TEN_THOUSAND.exec(s))) {
    sign = m[1] as string;
    percent = numberOf(m[2] as string).div(100);
  } else if ((m = PER_THOUSAND.exec(s))) {
    sign = m[1] as string;
    percent = numberOf(m[2] as string).div(10);
  } else if ((m = PER_HUNDRED.exec(s))) {
    sign = m[1] as string;
    percent = numberOf(m[2] as string);
  } else if ((m = FEN_LI.exec(s))) {
    // Without a period 1分 could be 10%, 1% or 0.1%: refuse rather than guess.
    if (!unit) return fail('rate-not-number');
    const fen = FEN_PERCENT[unit === 'monthly-fee' ? 'fee' : unit];
    sign = m[1] as string;
    const fenCount = m[2] ? numberOf(m[2]) : new Decimal(0);
    const liToken = m[3] ?? m[4];
    const liCount = liToken === undefined ? new Decimal(0) : liToken === '半' ? new Decimal(5) : numberOf(liToken);
    percent = fen.times(fenCount.plus(liCount.div(10)));
  }
  if (!percent) return fail('rate-not-number');
  if (sign === '-' && !percent.isZero()) return fail('rate-negative');
  return ok(total ? { percent, unit, total: true } : { percent, unit });
}

/**
 * The monthly fee rate of a plan quoted by its total fee: 总费率 8.8% over 12 periods is 8.8/12 =
 * 0.7333…% a month on the original principal, so 3,000 pays 22.00 a month and 264.00 in all. The
 * quotient keeps 40 significant digits (decimal.js precision): P × rate is then within 10^-30 of
 * the exact per-period fee, so rounding it to cents gives the lender's figure.
 */
export function totalFeeRate(totalPercent: Decimal, periods: number): ParseResult<RateInput> {
  if (!Number.isInteger(periods) || periods < 1) return fail('periods-out-of-range');
  return checkRate({ percent: totalPercent.div(periods), unit: 'monthly-fee' });
}

/**
 * An interest or fee rate in percent with its unit: "12", "12%", "12% apr", "年利率12%", "1% monthly",
 * "月息1分", "日息万5", "月费率0.6%", "0.6% monthly fee", "手續費率0.6%". Text that names no unit
 * gets `defaultUnit` (the form asks for a specific kind of rate). 0 is allowed (interest-free).
 */
export function parseRate(text: string, defaultUnit: RateUnit = 'annual', periods?: number): ParseResult<RateInput> {
  const reading = readRate(text);
  if (!reading.ok) return reading;
  if (reading.value.total) {
    // A total fee is only a rate once the number of periods is known.
    return periods === undefined ? fail('rate-not-number') : totalFeeRate(reading.value.percent, periods);
  }
  const unit = reading.value.unit ?? defaultUnit;
  return checkRate({ percent: reading.value.percent, unit });
}

/** Limits shared with the loan-line reader. */
export function checkRate(rate: RateInput): ParseResult<RateInput> {
  if (rate.percent.isNeg() && !rate.percent.isZero()) return fail('rate-negative');
  if (toAnnualPercent(rate.percent, rate.unit).gte(MAX_ANNUAL_PERCENT)) return fail('rate-too-high');
  return ok(rate);
}
