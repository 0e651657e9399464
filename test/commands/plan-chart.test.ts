import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { planChartSvg } from '../../commands/plan.ts';
import { Decimal } from '../../src/domain/money.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { planChartData } from '../../src/services/chart-plan.ts';
import { createTestBot, type TestBot, texts } from '../support/bot.ts';

/*
 * /plan's chart: the debt left month by month under each strategy (schedules only, avalanche,
 * snowball), sent with the plan's text — as its caption when the text fits Telegram's 1,024.
 */

const NOW = new Date('2027-01-10T02:00:00Z');
const translator = new Translator({ strict: true });

async function addLoan(bot: TestBot, line: string, user = 1): Promise<void> {
  await bot.say(`/addloan ${line}`, { user });
  await bot.pressLabel('Save', { user });
}

const tags = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<(\\w+) class="${cls}"([^>]*)>`, 'g'))];
const svgTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

async function twoLoans(): Promise<TestBot> {
  const bot = createTestBot({ now: NOW });
  await addLoan(bot, 'Car 12000 12 months 12% annuity first 2027-01-15');
  await addLoan(bot, 'Phone 3000 6 months 0% annuity first 2027-01-15');
  return bot;
}

describe('/plan chart', () => {
  it('comes with the plan as a PNG photo ≥ 1080 px wide, the text as its caption', async () => {
    const bot = await twoLoans();
    const replies = await bot.say('/plan 500');
    expect(replies).toHaveLength(1);
    const file = replies[0]?.file;
    expect([file?.kind, file?.mime]).toEqual(['photo', 'image/png']);
    expect(decode(file?.content ?? new Uint8Array()).width).toBeGreaterThanOrEqual(1080);
    expect(replies[0]?.text).toContain('Avalanche');
    expect(replies[0]?.text.length).toBeLessThanOrEqual(1024);
    for (const lang of ['zh-CN', 'zh-TW']) expect((await bot.say('/plan', { lang })).some((m) => m.file?.kind === 'photo')).toBe(true);
  });

  it('one line per strategy with localized labels, each ending at its debt-free month', async () => {
    const bot = await twoLoans();
    const plan = bot.runtime.services.forUser(1, bot.clock.now()).plan.of(new Decimal(500));
    const expected: Record<Locale, string[]> = {
      en: ['Debt left, by strategy', 'Month', 'Debt left', 'Schedules only', 'Avalanche', 'Snowball', 'Jan 27'],
      'zh-Hans': ['各方案剩余欠款', '月份', '剩余欠款', '只按计划还款', '雪崩法', '雪球法'],
      'zh-Hant': ['各方案剩餘欠款', '月份', '剩餘欠款', '只按計畫還款', '雪崩法', '雪球法'],
    };
    for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      const svg = planChartSvg({ t: translator.for(locale), locale }, plan);
      expect(tags(svg, 'axis x-axis')).toHaveLength(1);
      expect(tags(svg, 'axis y-axis')).toHaveLength(1);
      expect(tags(svg, 'line series-\\d')).toHaveLength(3);
      expect(tags(svg, 'legend-item')).toHaveLength(3);
      expect(svgTexts(svg)).toEqual(expect.arrayContaining(expected[locale]));
    }
    const data = planChartData(plan);
    const longest = Math.max(...plan.strategies.map((s) => s.months));
    expect(data.months).toHaveLength(longest);
    for (const [i, s] of plan.strategies.entries()) {
      const line = data.lines[i]?.remaining ?? [];
      // Debt left until the debt-free month, none from it on.
      expect(line[s.months - 2]?.gt(0)).toBe(true);
      expect(line.slice(s.months - 1).every((v) => v.isZero())).toBe(true);
      expect(data.months[s.months - 1]).toBe(s.debtFree);
    }
    // With 500 extra the strategies are debt-free before the schedules.
    const [schedule, avalanche] = plan.strategies;
    expect(avalanche?.months).toBeLessThan(schedule?.months ?? 0);
  });

  it('a plan text too long for a caption goes first, the chart after it with a short caption', async () => {
    const bot = createTestBot({ now: NOW });
    for (let i = 1; i <= 8; i++) await addLoan(bot, `${'Loan'.padEnd(50, String(i))} ${1000 * i} 12 months ${i}% annuity first 2027-01-15`);
    const replies = await bot.say('/plan 300');
    expect(replies).toHaveLength(2);
    expect(replies[0]?.file).toBeUndefined();
    expect(replies[0]?.text.length).toBeGreaterThan(1024);
    expect(replies[1]?.file?.kind).toBe('photo');
    expect(replies[1]?.text).toBe('The chart: debt left month by month for each strategy.');
  });

  it('no loans, bad extra, another user: no chart', async () => {
    const bot = await twoLoans();
    for (const [text, user] of [
      ['/plan', 9],
      ['/plan -5', 1],
      ['/plan 1e12', 1],
    ] as const) {
      const replies = await bot.say(text, { user });
      expect(replies.some((m) => m.file)).toBe(false);
      expect(texts(replies)).not.toContain('Car');
    }
  });
});
