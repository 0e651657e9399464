import { parseArgs } from 'node:util';
import { aprOfSchedule } from '../domain/apr.ts';
import { addMonthsClamped, daysBetween, parseIsoDateStrict, type IsoDate } from '../domain/calendar.ts';
import { Decimal, ZERO } from '../domain/money.ts';
import { firstDueFrom } from '../domain/first-due.ts';
import { evaluateInstallment } from '../domain/overdue.ts';
import { defaultPresetFor, policyWith, validatePolicy, type OverduePolicy } from '../domain/overdue-policy.ts';
import { defaultRateUnit, toAnnualPercent, toMonthlyRate, type DayBasis, type RateUnit } from '../domain/rates.ts';
import { buildSchedule, MAX_PERIODS, REPAYMENT_METHODS, summarizeSchedule, type RepaymentMethod } from '../domain/schedule.ts';

/*
 * `repaybot calc`: the loan engine from the shell. Its flags and its --json shape are a contract
 * scripts rely on (README "repaybot calc"): names stay, fields may be added.
 */

export const CALC_HELP = `Usage: repaybot calc --principal AMOUNT --method METHOD --rate R --periods N --first-due DATE [options]

  --principal AMOUNT        amount borrowed, e.g. 10000
  --method M                ${REPAYMENT_METHODS.join(' | ')}
  --rate R                  rate in percent, e.g. 12 (bnpl: 0)
  --rate-unit U             annual | monthly | daily | monthly-fee   (default annual; fee: monthly-fee; flat: monthly)
  --periods N               number of monthly installments, 1..${MAX_PERIODS} (bullet and bnpl: 1)
  --first-due DATE          first (or only) due date, YYYY-MM-DD
  --due-day N               instead of --first-due: the day of the month (1..31), counted from --start
  --start DATE              date the money was received (bullet: interest runs from it)
  --upfront-fee AMOUNT      fee taken from the money paid out (砍头息)
  --one-time-fee AMOUNT     bnpl: fee due with the payment
  --day-basis 360|365       day count for daily and bullet interest (default 360)
  --grace-days N            overdue rules: grace period (default: the method's preset)
  --penalty-multiplier X    penalty = contract rate × X, compound on unpaid interest (bank style)
  --penalty-daily-rate P    penalty = P percent per day on the overdue amount (consumer-finance style)
  --report-after-days N     days past due from which reporting to the credit bureau is likely
  --late-fee AMOUNT         a fixed late fee charged once the grace period ends (0: none)
                            (--day-basis also sets the day count of the penalty)
  --as-of DATE              evaluate overdue on this date assuming nothing was paid (default: today)
  --json                    one JSON object: money as strings with two decimals, rates as percent strings

Exit codes: 0 done, 2 a value is missing or not allowed (the message names the flag).`;

const OPTIONS = {
  principal: { type: 'string' },
  method: { type: 'string' },
  rate: { type: 'string' },
  'rate-unit': { type: 'string' },
  periods: { type: 'string' },
  'first-due': { type: 'string' },
  'due-day': { type: 'string' },
  start: { type: 'string' },
  'upfront-fee': { type: 'string' },
  'one-time-fee': { type: 'string' },
  'day-basis': { type: 'string' },
  'grace-days': { type: 'string' },
  'penalty-multiplier': { type: 'string' },
  'penalty-daily-rate': { type: 'string' },
  'report-after-days': { type: 'string' },
  'late-fee': { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export class CalcInputError extends Error {}

function fail(flag: string, allowed: string): never {
  throw new CalcInputError(`--${flag}: ${allowed}`);
}

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

function decimalFlag(values: Record<string, unknown>, flag: string, allowed: string, required = false): Decimal | undefined {
  const raw = values[flag];
  if (raw === undefined) return required ? fail(flag, `required; ${allowed}`) : undefined;
  if (typeof raw !== 'string' || !PLAIN_NUMBER.test(raw.trim())) fail(flag, allowed);
  return new Decimal(raw.trim());
}

function integerFlag(values: Record<string, unknown>, flag: string, min: number, max: number): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    fail(flag, `a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

function dateFlag(values: Record<string, unknown>, flag: string, required = false): IsoDate | undefined {
  const raw = values[flag];
  if (raw === undefined) return required ? fail(flag, 'required; a date YYYY-MM-DD') : undefined;
  const date = typeof raw === 'string' ? parseIsoDateStrict(raw.trim()) : null;
  return date ?? fail(flag, 'a real calendar date YYYY-MM-DD');
}

export interface CalcRequest {
  principal: Decimal;
  method: RepaymentMethod;
  ratePercent: Decimal;
  rateUnit: RateUnit;
  periods: number;
  firstDue: IsoDate;
  dueDay?: number | undefined;
  start?: IsoDate | undefined;
  upfrontFee: Decimal;
  oneTimeFee: Decimal;
  dayBasis: DayBasis;
  policy: OverduePolicy;
  asOf: IsoDate;
}

/**
 * `--rate -1` would make parseArgs see an option named "-1"; joined as `--rate=-1` the value
 * reaches validation, which can then say what is allowed instead of a parser error.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg.startsWith('--') && !arg.includes('=') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Reads and checks every flag; the first problem stops it with the flag's name and what is allowed. */
export function readCalcRequest(argv: string[], today: IsoDate): CalcRequest | 'help' {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: joinNegativeValues(argv), options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new CalcInputError((error as Error).message);
  }
  if (values.help) return 'help';

  const method = values.method as string | undefined;
  if (!method) fail('method', `required; one of ${REPAYMENT_METHODS.join(', ')}`);
  if (!(REPAYMENT_METHODS as readonly string[]).includes(method)) fail('method', `one of ${REPAYMENT_METHODS.join(', ')}`);
  const m = method as RepaymentMethod;

  const principal = decimalFlag(values, 'principal', 'an amount greater than 0 with at most 2 decimals, e.g. 10000', true) as Decimal;
  if (principal.lte(0) || principal.decimalPlaces() > 2 || principal.gt(100_000_000)) {
    fail('principal', 'an amount greater than 0 and at most 100000000, with at most 2 decimals');
  }

  const units: RateUnit[] = ['annual', 'monthly', 'daily', 'monthly-fee'];
  const rateUnit = (values['rate-unit'] ?? defaultRateUnit(m)) as string;
  if (!(units as string[]).includes(rateUnit)) fail('rate-unit', units.join(', '));
  const ratePercent = decimalFlag(values, 'rate', 'a percentage of 0 or more, e.g. 12', m !== 'bnpl') ?? ZERO;

  const dayBasisRaw = values['day-basis'] ?? '360';
  if (dayBasisRaw !== '360' && dayBasisRaw !== '365') fail('day-basis', '360 or 365');
  const dayBasis = Number(dayBasisRaw) as DayBasis;
  if (toAnnualPercent(ratePercent, rateUnit as RateUnit, dayBasis).gte(1000))
    fail('rate', 'less than 1000% a year (after converting its unit)');

  const single = m === 'bullet' || m === 'bnpl';
  const periods =
    integerFlag(values, 'periods', 1, MAX_PERIODS) ?? (single ? 1 : fail('periods', `required; a whole number from 1 to ${MAX_PERIODS}`));
  if (single && periods !== 1) fail('periods', `1 for ${m} (a single payment)`);

  const start = dateFlag(values, 'start');
  const dueDay = integerFlag(values, 'due-day', 1, 31);
  if (dueDay !== undefined && values['first-due'] !== undefined) fail('due-day', 'not together with --first-due: give one of them');
  if (dueDay !== undefined && !start) fail('start', 'required with --due-day: the date the money was received, YYYY-MM-DD');
  const firstDue = dueDay !== undefined && start ? firstDueFrom(start, dueDay) : (dateFlag(values, 'first-due', true) as IsoDate);
  if (m === 'bullet' && !start) fail('start', 'required for bullet: the date the money was received, YYYY-MM-DD');
  if (start && daysBetween(start, firstDue) <= 0) fail('first-due', `a date after --start (${start})`);

  const lastDue = addMonthsClamped(firstDue, periods - 1);
  if (firstDue < '2000-01-01' || lastDue > '2100-12-31') fail('first-due', 'a date from 2000 on, with the last installment by 2100');

  const upfrontFee = decimalFlag(values, 'upfront-fee', 'an amount of 0 or more with at most 2 decimals') ?? ZERO;
  if (upfrontFee.decimalPlaces() > 2) fail('upfront-fee', 'an amount with at most 2 decimals');
  if (upfrontFee.gte(principal)) fail('upfront-fee', 'less than 100% of --principal');
  if (rateUnit === 'monthly-fee' && ratePercent.gte(100)) fail('rate', 'a fee rate below 100%');
  const oneTimeFee = decimalFlag(values, 'one-time-fee', 'an amount of 0 or more with at most 2 decimals') ?? ZERO;
  if (oneTimeFee.decimalPlaces() > 2) fail('one-time-fee', 'an amount with at most 2 decimals');
  if (!oneTimeFee.isZero() && m !== 'bnpl') fail('one-time-fee', 'only for --method bnpl');
  if (oneTimeFee.gte(principal)) fail('one-time-fee', 'less than 100% of --principal');

  if (values['penalty-multiplier'] !== undefined && values['penalty-daily-rate'] !== undefined) {
    fail('penalty-daily-rate', 'not together with --penalty-multiplier: choose one penalty style');
  }
  const multiplier = decimalFlag(values, 'penalty-multiplier', 'a number from 1 to 2, e.g. 1.5');
  const dailyRate = decimalFlag(values, 'penalty-daily-rate', 'a percentage per day from 0 to 1, e.g. 0.05');
  const graceDays = integerFlag(values, 'grace-days', 0, 30);
  const reportAfterDays = integerFlag(values, 'report-after-days', 1, 3650);
  const lateFee = decimalFlag(values, 'late-fee', 'an amount of 0 or more with at most 2 decimals');
  if (lateFee && lateFee.decimalPlaces() > 2) fail('late-fee', 'an amount with at most 2 decimals');
  const policy = policyWith(defaultPresetFor(m), {
    ...(graceDays !== undefined && { graceDays }),
    ...(values['day-basis'] !== undefined && { dayBasis }),
    ...(lateFee && { lateFee: lateFee.isZero() ? undefined : { fixed: lateFee } }),
    ...(reportAfterDays !== undefined && { reportAfterDays }),
    ...(multiplier && { penalty: { kind: 'multiplier', multiplier, compoundOnInterest: true } }),
    ...(dailyRate && { penalty: { kind: 'daily-rate', dailyPercent: dailyRate } }),
  });
  const problem = validatePolicy(policy)[0];
  if (problem) fail(flagOf(problem.field), problem.allowed);

  return {
    principal,
    method: m,
    ratePercent,
    rateUnit: rateUnit as RateUnit,
    periods,
    firstDue,
    dueDay,
    start,
    upfrontFee,
    oneTimeFee,
    dayBasis,
    policy,
    asOf: dateFlag(values, 'as-of') ?? today,
  };
}

/** validatePolicy names policy fields; the user typed flags. */
function flagOf(field: string): string {
  const byField: Record<string, string> = {
    graceDays: 'grace-days',
    reportAfterDays: 'report-after-days',
    'penalty.multiplier': 'penalty-multiplier',
    'penalty.dailyPercent': 'penalty-daily-rate',
  };
  return byField[field] ?? field;
}

const money = (value: Decimal): string => value.toFixed(2);
const percent = (value: Decimal): string => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

export function calculate(request: CalcRequest) {
  const rows = buildSchedule({
    principal: request.principal,
    method: request.method,
    monthlyRate: toMonthlyRate(request.ratePercent, request.rateUnit, request.dayBasis),
    periods: request.periods,
    firstDue: request.firstDue,
    dayBasis: request.dayBasis,
    ...(request.dueDay !== undefined && { dueDay: request.dueDay }),
    ...(request.start && { start: request.start }),
    ...(request.method === 'bnpl' && { oneTimeFee: request.oneTimeFee }),
  });
  const summary = summarizeSchedule(rows);
  const { apr, effective } = aprOfSchedule(request.principal, rows, request.upfrontFee, request.start);
  const contractRate = toAnnualPercent(request.ratePercent, request.rateUnit, request.dayBasis).div(100);
  return {
    apr: percent(apr),
    effectiveRate: percent(effective),
    method: request.method,
    asOf: request.asOf,
    totals: {
      principal: money(summary.totalPrincipal),
      interest: money(summary.totalInterest),
      fees: money(summary.totalFees.plus(request.upfrontFee)),
      payments: money(summary.totalPayments),
      received: money(request.principal.minus(request.upfrontFee)),
    },
    rows: rows.map((row) => {
      // "Assuming nothing was paid": every installment is evaluated as wholly open. A 0.00
      // installment (interest-free month) owes nothing, so nothing can be late on it.
      const evaluation = row.payment.isZero()
        ? { daysPastDue: 0, penalty: ZERO, lateFee: ZERO, stage: 'nothing-owed' }
        : evaluateInstallment(
            { n: row.n, due: row.due, principal: row.principal, interest: row.interest, fee: row.fee, paid: ZERO },
            contractRate,
            request.policy,
            request.asOf,
          );
      return {
        n: row.n,
        due: row.due,
        principal: money(row.principal),
        interest: money(row.interest),
        fee: money(row.fee),
        payment: money(row.payment),
        balance: money(row.balance),
        daysPastDue: evaluation.daysPastDue,
        penalty: money(evaluation.penalty.plus(evaluation.lateFee)),
        stage: evaluation.stage,
      };
    }),
  };
}

export type CalcResult = ReturnType<typeof calculate>;

export function renderCalcTable(result: CalcResult): string {
  const header = ['#', 'due', 'principal', 'interest', 'fee', 'payment', 'balance', 'days late', 'penalty', 'stage'];
  const body = result.rows.map((r) => [
    String(r.n),
    r.due,
    r.principal,
    r.interest,
    r.fee,
    r.payment,
    r.balance,
    String(r.daysPastDue),
    r.penalty,
    r.stage,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 || i === 9 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [
    line(header),
    ...body.map(line),
    '',
    `total principal ${result.totals.principal}, interest ${result.totals.interest}, fees ${result.totals.fees}, payments ${result.totals.payments}`,
    `APR ${result.apr}% (effective ${result.effectiveRate}%), overdue evaluated as of ${result.asOf} assuming nothing was paid`,
  ].join('\n');
}

/** The whole command: exit code and what to print. */
export function runCalc(argv: string[], today: IsoDate): { code: number; stdout: string; stderr: string } {
  try {
    const request = readCalcRequest(argv, today);
    if (request === 'help') return { code: 0, stdout: CALC_HELP, stderr: '' };
    const result = calculate(request);
    return { code: 0, stdout: argv.includes('--json') ? JSON.stringify(result) : renderCalcTable(result), stderr: '' };
  } catch (error) {
    if (error instanceof CalcInputError)
      return { code: 2, stdout: '', stderr: `repaybot calc: ${error.message}\n\nRun "repaybot calc --help" for every flag.` };
    // The engine refuses terms it cannot compute (its own checks); that is still bad input.
    if (error instanceof RangeError) return { code: 2, stdout: '', stderr: `repaybot calc: ${error.message}` };
    throw error;
  }
}
