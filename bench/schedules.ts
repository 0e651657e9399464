import { performance } from 'node:perf_hooks';
import { aprOfSchedule } from '../src/domain/apr.ts';
import { Decimal } from '../src/domain/money.ts';
import { buildSchedule, type LoanTerms, type RepaymentMethod } from '../src/domain/schedule.ts';
import { seededRandom } from './random.ts';

/*
 * Schedules for 100,000 random loans (issue target: ≥ 20,000 twelve-period loans per second),
 * plus the true annual rate of each twelve-period loan, which /loans and every card compute too.
 */

const METHODS: RepaymentMethod[] = ['annuity', 'equal-principal', 'interest-first', 'fee', 'flat'];

function randomLoans(count: number, periods: () => number, seed: number): LoanTerms[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const method = METHODS[Math.floor(random() * METHODS.length)] as RepaymentMethod;
    return {
      principal: new Decimal(Math.floor(1_000 + random() * 500_000) * 100).div(100),
      method,
      // 0.2%–2% a month: 2.4%–24% a year, or a 0.2%–2% monthly fee.
      monthlyRate: new Decimal(Math.floor(20 + random() * 180)).div(10_000),
      periods: periods(),
      firstDue:
        `2027-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 31)).padStart(2, '0')}`.replace(
          /-(3[01]|29)$/,
          '-28',
        ),
    };
  });
}

function time(label: string, loans: LoanTerms[], work: (terms: LoanTerms) => void): { label: string; perSecond: number; ms: number } {
  for (const terms of loans.slice(0, 2_000)) work(terms); // warm-up: let V8 optimise before timing
  const start = performance.now();
  for (const terms of loans) work(terms);
  const ms = performance.now() - start;
  return { label, perSecond: Math.round((loans.length / ms) * 1000), ms: Math.round(ms) };
}

export function runScheduleBench(): { label: string; perSecond: number; ms: number; target?: number }[] {
  const random = seededRandom(7);
  const twelve = randomLoans(100_000, () => 12, 1);
  const mixed = randomLoans(100_000, () => [3, 6, 12, 24, 36, 60, 120, 360][Math.floor(random() * 8)] as number, 2);
  return [
    { ...time('schedules, 100,000 twelve-period loans', twelve, (t) => buildSchedule(t)), target: 20_000 },
    time('schedules, 100,000 loans of 3–360 periods', mixed, (t) => buildSchedule(t)),
    time('schedule + true annual rate, 100,000 twelve-period loans', twelve, (t) => aprOfSchedule(t.principal, buildSchedule(t))),
  ];
}
