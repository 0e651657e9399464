import { describe, expect, it } from 'vitest';
import { loanConcerned, personalFigures } from '../../commands/shared/personal-figures.ts';
import type { CommandContext } from '../../src/core/types.ts';
import { todayIn } from '../../src/domain/calendar.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';

/** 10:00 in Shanghai on that day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const PHONE = 'phone 12000 12 months 0.6% monthly fee first 2026-12-10';

async function addLoan(bot: TestBot, line: string) {
  await bot.say(`/addloan ${line}`);
  await bot.pressLabel('Save');
}

/** User 1's context as the core builds it, at the bot's clock. */
function ctxOf(bot: TestBot, locale: Locale = 'en'): CommandContext {
  const now = bot.clock.now();
  return {
    user: { id: 1, locale, timeZone: 'Asia/Shanghai' },
    chatId: 1,
    locale,
    t: bot.runtime.translator.for(locale),
    now,
    today: todayIn('Asia/Shanghai', now),
    isOperator: false,
    services: bot.runtime.services.forUser(1, now),
  };
}

describe('personal figures (issue 10, point 4)', () => {
  it('nothing without loans, nothing for a topic without figures', async () => {
    const bot = createTestBot();
    expect(personalFigures(ctxOf(bot), 'penalty_interest', 'penalty?')).toEqual([]);
    await addLoan(bot, CAR);
    expect(personalFigures(ctxOf(bot), 'lawsuit', 'can they sue me')).toEqual([]);
  });

  it('penalty interest: the next installment, what paying after grace and at 30 days would cost', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const lines = personalFigures(ctxOf(bot), 'penalty_interest', 'how is penalty computed');
    expect(lines).toEqual([
      'Your figures for car:',
      'Installment 1 of car, due 2027-01-15 (Fri): 888.49, in 55 days.',
      'Paid 4 days late it would cost 1.78 in penalty with these rules; 30 days late, 13.33.',
      'These are typical rules for this loan: your contract decides.',
    ]);
  });

  it('overdue past grace: the penalty so far and what each further day adds', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    bot.clock.set(at('2027-01-18'));
    const grace = personalFigures(ctxOf(bot), 'grace_period', 'grace?');
    expect(grace).toContain('You are in its grace period now: paying by 2027-01-18 (Mon) usually counts as on time.');
    bot.clock.set(at('2027-02-14'));
    const lines = personalFigures(ctxOf(bot), 'penalty_interest', 'penalty');
    expect(lines).toContain(
      'Installment 1 of car, due 2027-01-15 (Fri): 888.49, 30 days late, penalty so far 13.33, likely in collection.',
    );
    // 788.49 × 18% / 360 = 0.39, 100.00 × 18% / 360 = 0.05.
    expect(lines).toContain('Each further day adds about 0.44 of penalty interest.');
    expect(personalFigures(ctxOf(bot), 'credit_report_impact', '征信')).toContain(
      'Likely reported to the credit bureau (征信) since 2027-01-19 (Tue): paying now keeps it from getting worse.',
    );
  });

  it('grace and reporting before the due date; a consumer loan without grace says so', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    expect(personalFigures(ctxOf(bot), 'grace_period', 'grace')).toContain(
      'With these rules it has 3 days of grace, until 2027-01-18 (Mon): paying by then usually counts as on time.',
    );
    expect(personalFigures(ctxOf(bot), 'credit_report_impact', 'report')).toContain(
      'Likely reported to the credit bureau (征信) from 2027-01-19 (Tue) if still unpaid.',
    );
    await addLoan(bot, PHONE);
    expect(personalFigures(ctxOf(bot), 'grace_period', 'grace for my phone')).toContain(
      'With these rules it has no grace period: from 2026-12-11 (Fri) it counts as overdue.',
    );
  });

  it('which loan: the one named, else the only one, else the most urgent, and says which', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    expect(loanConcerned(ctxOf(bot), 'anything')?.why).toBe('only');
    await addLoan(bot, PHONE);
    const urgent = loanConcerned(ctxOf(bot), 'what if I pay late');
    expect(urgent?.why).toBe('urgent');
    expect(urgent?.timeline.overview.loan.name).toBe('phone');
    expect(personalFigures(ctxOf(bot), 'overdue_consequences', 'what happens')[0]).toBe(
      'Your figures for phone, your most urgent loan (name a loan in your question for its figures):',
    );
    const named = loanConcerned(ctxOf(bot), 'what if my CAR payment is late');
    expect(named?.why).toBe('named');
    expect(named?.timeline.overview.loan.name).toBe('car');
  });

  it('early repayment: what paying off today costs and saves', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const [, payoff] = personalFigures(ctxOf(bot), 'early_repayment', 'pay off early');
    expect(payoff).toMatch(/^Paying car off today: [\d,.]+; keeping the schedule costs 10,661.86, so you would save [\d,.]+/);
  });

  it('true APR of each loan, cannot pay with what is overdue and next due, partial payment', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    const apr = personalFigures(ctxOf(bot), 'true_apr', 'apr');
    expect(apr[0]).toBe('Your figures:');
    expect(apr.some((line) => /^car: true annual rate \(APR\) 12\.\d\d%$/.test(line))).toBe(true);
    expect(apr.some((line) => /^phone: true annual rate \(APR\) 1\d\.\d\d%$/.test(line))).toBe(true);
    bot.clock.set(at('2026-12-20'));
    const cannot = personalFigures(ctxOf(bot), 'cannot_pay', 'lost my job');
    expect(cannot).toContain('Overdue now: 1,072.00, penalty so far 5.36 (1 loan).');
    // The same figures as the services' own overdue list and next due date, from one read of the loans.
    const ctx = ctxOf(bot);
    let reads = 0;
    // The user's services with loans and overdue replaced: every other group read from the real ones.
    const services = Object.create(ctx.services, {
      loans: {
        value: {
          ...ctx.services.loans,
          list: () => {
            reads += 1;
            return ctx.services.loans.list();
          },
          nextDue: () => expect.unreachable('a second read of the loans'),
        },
      },
      overdue: { value: { ...ctx.services.overdue, list: () => expect.unreachable('a second read of the loans') } },
    }) as CommandContext['services'];
    const counted: CommandContext = { ...ctx, services };
    expect(personalFigures(counted, 'cannot_pay', 'lost my job')).toEqual(cannot);
    expect(reads).toBe(1);
    bot.clock.set(at('2026-12-01'));
    const before = personalFigures(ctxOf(bot), 'cannot_pay', 'lost my job');
    expect(before.some((line) => line.includes('2026-12-10') && line.includes('1,072.00'))).toBe(true);
    bot.clock.set(at('2026-12-20'));
    expect(personalFigures(ctxOf(bot), 'partial_payment', 'part of the phone')).toContain(
      'Installment 1 of phone (due 2026-12-10 (Thu)) owes 1,077.36 now. Record a part payment with /paid and /status shows what stays open.',
    );
  });

  it('speaks Chinese', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const lines = personalFigures(ctxOf(bot, 'zh-Hans'), 'penalty_interest', '罚息怎么算');
    expect(lines[0]).toBe('“car”的数字：');
    expect(lines).toContain('按这些规则，逾期 4 天还款罚息为 1.78；逾期 30 天为 13.33。');
  });
});
