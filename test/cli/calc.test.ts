import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCalc, type CalcResult } from '../../src/cli/calc.ts';

const TODAY = '2026-11-21';

function calc(args: string): CalcResult {
  const { code, stdout, stderr } = runCalc([...args.split(/\s+/).filter(Boolean), '--json'], TODAY);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as CalcResult;
}

function refused(args: string): string {
  const { code, stderr } = runCalc(args.split(/\s+/).filter(Boolean), TODAY);
  expect(code).toBe(2);
  return stderr;
}

const LOAN = '--principal 10000 --method annuity --rate 12 --periods 12 --first-due 2027-01-15';

describe('repaybot calc --json: the worked examples of domain.md', () => {
  it('10,000 at 12% annuity: 888.49, period 1 100.00 + 788.49, last 888.47, interest 661.86, APR 12.00', () => {
    const result = calc(LOAN);
    expect(result.rows[0]).toEqual({
      n: 1,
      due: '2027-01-15',
      principal: '788.49',
      interest: '100.00',
      fee: '0.00',
      payment: '888.49',
      balance: '9211.51',
      daysPastDue: 0,
      penalty: '0.00',
      stage: 'upcoming',
    });
    expect(result.rows[1]).toMatchObject({ interest: '92.12', principal: '796.37' });
    expect(result.rows[11]).toMatchObject({ payment: '888.47', principal: '879.67', interest: '8.80', balance: '0.00' });
    expect(result.totals).toMatchObject({ principal: '10000.00', interest: '661.86', fees: '0.00', payments: '10661.86' });
    expect(result.apr).toBe('12.00');
  });

  it('mortgages: 200,000 at 7.5% × 180 → 1,854.02; 670,000 at 4.9% × 360 → 3,555.87 (2,735.83 + 820.04)', () => {
    expect(calc('--principal 200000 --method annuity --rate 7.5 --periods 180 --first-due 2027-01-15').rows[0]?.payment).toBe('1854.02');
    expect(calc('--principal 670000 --method annuity --rate 4.9 --periods 360 --first-due 2027-01-15').rows[0]).toMatchObject({
      payment: '3555.87',
      interest: '2735.83',
      principal: '820.04',
    });
  });

  it('equal principal: 933.33, 925.00, 916.66 … 841.70, interest 650.00', () => {
    const result = calc('--principal 10000 --method equal-principal --rate 12 --periods 12 --first-due 2027-01-15');
    expect(result.rows.slice(0, 3).map((r) => r.payment)).toEqual(['933.33', '925.00', '916.66']);
    expect(result.rows[11]?.payment).toBe('841.70');
    expect(result.totals.interest).toBe('650.00');
  });

  it('interest first: 100.00 × 11 then 10,100.00', () => {
    const rows = calc('--principal 10000 --method interest-first --rate 12 --periods 12 --first-due 2027-01-15').rows;
    expect(new Set(rows.slice(0, 11).map((r) => r.payment))).toEqual(new Set(['100.00']));
    expect(rows[11]?.payment).toBe('10100.00');
  });

  it('bullet over 90 days: interest 300.00 on 360 days, 295.89 on 365', () => {
    const bullet = '--principal 10000 --method bullet --rate 12 --start 2027-01-01 --first-due 2027-04-01';
    expect(calc(bullet).rows[0]).toMatchObject({ interest: '300.00', payment: '10300.00' });
    expect(calc(`${bullet} --day-basis 365`).rows[0]?.interest).toBe('295.89');
  });

  it('12,000 in 12 at a 0.6% monthly fee: 1,072.00 a month, fees 864.00, APR 13.03%, effective 13.84%', () => {
    const result = calc('--principal 12000 --method fee --rate 0.6 --rate-unit monthly-fee --periods 12 --first-due 2027-01-15');
    expect(new Set(result.rows.map((r) => r.payment))).toEqual(new Set(['1072.00']));
    expect(result.totals.fees).toBe('864.00');
    expect([result.apr, result.effectiveRate]).toEqual(['13.03', '13.84']);
  });

  it('flat 1% a month on 10,000 × 12 is 21.46% a year, not 12%', () => {
    expect(calc('--principal 10000 --method flat --rate 1 --rate-unit monthly --periods 12 --first-due 2027-01-15').apr).toBe('21.46');
  });

  it('a fee taken up front: receive 11,136 of 12,000, repay 1,000 × 12 → 14.02%', () => {
    const result = calc('--principal 12000 --method annuity --rate 0 --periods 12 --first-due 2027-01-15 --upfront-fee 864');
    expect(result.apr).toBe('14.02');
    expect(result.totals.received).toBe('11136.00');
  });

  it('buy now, pay later: one payment with its fee', () => {
    const result = calc('--principal 1299 --method bnpl --first-due 2026-12-20 --one-time-fee 12.50');
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ payment: '1311.50', fee: '12.50' });
  });
});

describe('repaybot calc: overdue as of a date, assuming nothing was paid', () => {
  it('30 days late on a bank loan (× 1.5, compound on interest): 11.83 + 1.50 = 13.33', () => {
    const row = calc(`${LOAN} --as-of 2027-02-14`).rows[0];
    expect(row).toMatchObject({ daysPastDue: 30, penalty: '13.33' });
    // × 1.3: 15.6%/360 a day → 10.25 on the principal + 1.30 on the interest.
    expect(calc(`${LOAN} --as-of 2027-02-14 --penalty-multiplier 1.3`).rows[0]?.penalty).toBe('11.55');
  });

  it('a daily rate on the whole amount: 888.49 × 0.05% × 15 = 6.66', () => {
    expect(calc(`${LOAN} --as-of 2027-01-30 --penalty-daily-rate 0.05 --grace-days 0`).rows[0]).toMatchObject({
      daysPastDue: 15,
      penalty: '6.66',
    });
  });

  it('inside the grace period nothing is charged yet, and the stage says so', () => {
    expect(calc(`${LOAN} --as-of 2027-01-17`).rows[0]).toMatchObject({ daysPastDue: 2, penalty: '0.00', stage: 'grace' });
    expect(calc(`${LOAN} --as-of 2027-01-15`).rows[0]).toMatchObject({ daysPastDue: 0, stage: 'due-today' });
  });

  it('without --as-of it evaluates today', () => {
    expect(calc(LOAN).asOf).toBe(TODAY);
  });
});

describe('repaybot calc: bad input names the flag and exits 2', () => {
  it.each([
    [`${LOAN.replace('--rate 12', '--rate 1000')}`, '--rate'],
    [`${LOAN.replace('--rate 12', '--rate 84 --rate-unit monthly')}`, '--rate'],
    [`${LOAN.replace('--rate 12', '--rate -1')}`, '--rate'],
    [`${LOAN.replace('--principal 10000', '--principal -5')}`, '--principal'],
    [`${LOAN.replace('--principal 10000', '--principal 0')}`, '--principal'],
    [`${LOAN.replace('--periods 12', '--periods 601')}`, '--periods'],
    [`${LOAN.replace('--periods 12', '--periods 0')}`, '--periods'],
    [`${LOAN} --upfront-fee 10000`, '--upfront-fee'],
    [`${LOAN.replace('annuity', 'fee')} --rate-unit monthly-fee`.replace('--rate 12', '--rate 100'), '--rate'],
    [`${LOAN} --start 2027-02-01`, '--first-due'],
    [`${LOAN.replace('annuity', 'mortgage')}`, '--method'],
    [`${LOAN.replace('2027-01-15', '2027-02-30')}`, '--first-due'],
    [`${LOAN} --day-basis 366`, '--day-basis'],
    [`${LOAN} --penalty-multiplier 1.5 --penalty-daily-rate 0.05`, '--penalty-daily-rate'],
    ['--principal 10000 --method bullet --rate 12 --first-due 2027-04-01', '--start'],
  ])('%s → %s', (args, flag) => {
    expect(refused(args)).toContain(`${flag}:`);
  });

  it('the real executable exits 2 and prints nothing on stdout', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const run = spawnSync(process.execPath, ['bin/repaybot.mjs', 'calc', ...LOAN.replace('--periods 12', '--periods 700').split(' ')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DEFAULT_TIMEZONE: '', BOT_TOKEN: '' },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--periods: a whole number from 1 to 600');
  }, 30_000);

  it('the real executable prints the JSON contract', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const run = spawnSync(process.execPath, ['bin/repaybot.mjs', 'calc', ...LOAN.split(' '), '--json', '--as-of', '2027-02-14'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DEFAULT_TIMEZONE: '', BOT_TOKEN: '' },
    });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as CalcResult;
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['apr', 'effectiveRate', 'totals', 'rows']));
    expect(result.rows[0]).toMatchObject({ payment: '888.49', penalty: '13.33', daysPastDue: 30 });
  }, 30_000);
});

describe('repaybot calc: first due date from a start date and a due day', () => {
  it('the first 31st after 2027-01-31 is 28 February, and later months go back to the 31st', () => {
    const rows = calc('--principal 10000 --method annuity --rate 12 --periods 3 --start 2027-01-31 --due-day 31').rows;
    expect(rows.map((r) => r.due)).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('needs --start, and not both --due-day and --first-due', () => {
    expect(refused('--principal 10000 --method annuity --rate 12 --periods 3 --due-day 15')).toContain('--start:');
    expect(refused(`${LOAN} --start 2026-12-01 --due-day 15`)).toContain('--due-day:');
  });
});

describe('repaybot calc: inputs the engine itself refuses still exit 2', () => {
  it.each([
    ['--principal 1000 --method bnpl --first-due 2027-01-01 --one-time-fee 1.234', '--one-time-fee'],
    ['--principal 1000 --method annuity --rate 12 --periods 600 --first-due 2090-01-01', '--first-due'],
    [`${LOAN} --upfront-fee 1.999`, '--upfront-fee'],
  ])('%s', (args, flag) => {
    expect(refused(args)).toContain(`${flag}:`);
  });

  it('an interest-free balloon has 0.00 months that owe nothing', () => {
    const rows = calc('--principal 1000 --method interest-first --rate 0 --periods 3 --first-due 2026-10-01').rows;
    expect(rows[0]).toMatchObject({ payment: '0.00', stage: 'nothing-owed', penalty: '0.00' });
    expect(rows[2]).toMatchObject({ payment: '1000.00', stage: 'upcoming' });
  });
});

describe('repaybot calc: a late fee', () => {
  it('is charged once grace has ended, on top of the penalty', () => {
    expect(calc(`${LOAN} --as-of 2027-02-14 --late-fee 50`).rows[0]?.penalty).toBe('63.33');
    expect(calc(`${LOAN} --as-of 2027-01-17 --late-fee 50`).rows[0]?.penalty).toBe('0.00');
  });
});
