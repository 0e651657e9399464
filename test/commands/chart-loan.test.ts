import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { loanChartSvg } from '../../commands/chart.ts';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { Translator } from '../../src/i18n/translator.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { loanChartData } from '../../src/services/chart-loan.ts';
import { createTestBot, type TestBot, texts } from '../support/bot.ts';
import { inked } from '../support/png.ts';

/*
 * /chart <loan> as a borrower uses it. The car loan (10,000 over 12 months at 12 %, 888.49 a
 * month from 2027-01-15) is added on 2027-01-10; on 2027-04-20 installments 1–4 are overdue.
 */

const ADDED = new Date('2027-01-10T02:00:00Z');
const LATER = new Date('2027-04-20T02:00:00Z');
const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const SAVE: Record<string, string> = { en: 'Save', 'zh-CN': '保存', 'zh-TW': '儲存' };

async function addLoan(bot: TestBot, line: string, user = 1, lang = 'en'): Promise<void> {
  await bot.say(`/addloan ${line}`, { user, lang });
  await bot.pressLabel(SAVE[lang] ?? 'Save', { user });
}

function photoOf(messages: OutgoingMessage[]) {
  const file = messages.find((m) => m.file)?.file;
  if (!file) throw new Error(`no file in: ${texts(messages)}`);
  return file;
}

const tags = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<(\\w+) class="${cls}"([^>]*)>`, 'g'))];
const svgTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const translator = new Translator({ strict: true });

/** The SVG /chart draws for loan `loanId` of user 1, in `locale`. */
function svgOf(bot: TestBot, loanId: number, locale: Locale): string {
  const overview = bot.runtime.services.forUser(1, bot.clock.now()).loans.overview(loanId);
  if (!overview) throw new Error('no such loan');
  return loanChartSvg({ t: translator.for(locale), locale }, loanChartData(overview));
}

describe('/chart <loan>', () => {
  it('by name: a PNG photo ≥ 1080 px wide, not blank, with a caption of the loan figures', async () => {
    const bot = createTestBot({ now: ADDED });
    await addLoan(bot, CAR);
    await addLoan(bot, 'phone 3000 6 months 0% annuity first 2027-01-15');
    bot.clock.set(LATER);
    const replies = await bot.say('/chart car');
    const file = photoOf(replies);
    expect([file.kind, file.mime]).toEqual(['photo', 'image/png']);
    const img = decode(file.content);
    expect(img.width).toBeGreaterThanOrEqual(1080);
    expect(inked(file.content, 150, 600)).toBeGreaterThan(20_000);
    expect(replies[0]?.text).toContain('car: installments paid 0 of 12, 10,000.00 of principal left');
    expect(replies[0]?.text).toContain('4 installments are overdue');
    // By its number in /loans too, and in any case.
    expect(photoOf(await bot.say('/chart 2')).kind).toBe('photo');
    expect(texts(await bot.say('/chart CAR'))).toContain('car: installments paid');
  });

  it('the SVG: both axes, principal and interest bars per installment, balance line, overdue and today marked, labels per language', async () => {
    const bot = createTestBot({ now: ADDED });
    await addLoan(bot, CAR);
    bot.clock.set(LATER);
    const expected: Record<Locale, string[]> = {
      en: [
        'car: balance and installments',
        'Due date',
        'Principal left',
        'Each installment',
        'Principal',
        'Interest',
        'Overdue',
        'Today',
        '10,000.00',
        'Jan 27',
      ],
      'zh-Hans': ['car：余额与每期还款', '到期日', '剩余本金', '每期还款', '本金', '利息', '逾期', '今天', '10,000.00'],
      'zh-Hant': ['car：餘額與每期還款', '到期日', '剩餘本金', '每期還款', '本金', '利息', '逾期', '今天', '10,000.00'],
    };
    for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      const svg = svgOf(bot, 1, locale);
      expect(tags(svg, 'axis x-axis')).toHaveLength(1);
      expect(tags(svg, 'axis y-axis')).toHaveLength(1);
      expect(tags(svg, 'axis y2-axis')).toHaveLength(1);
      expect(tags(svg, 'bar principal( paid)?')).toHaveLength(12);
      expect(tags(svg, 'bar interest( paid)?')).toHaveLength(12);
      expect(tags(svg, 'bar fees( paid)?')).toHaveLength(0);
      expect(tags(svg, 'line balance')).toHaveLength(1);
      expect(tags(svg, 'overdue')).toHaveLength(4);
      expect(tags(svg, 'today')).toHaveLength(1);
      expect(tags(svg, 'legend-item')).toHaveLength(5);
      expect(svgTexts(svg)).toEqual(expect.arrayContaining(expected[locale]));
    }
  });

  it('Chinese titles are drawn: the title area of the PNG is inked in zh-Hans and zh-Hant', async () => {
    const bot = createTestBot({ now: ADDED });
    await addLoan(bot, '房贷 10000 12 months 12% annuity first 2027-01-15', 1, 'zh-CN');
    for (const lang of ['zh-CN', 'zh-TW']) {
      const replies = await bot.say('/chart 房贷', { lang });
      const png = photoOf(replies).content;
      expect(decode(png).width).toBeGreaterThanOrEqual(1080);
      expect(inked(png, 10, 70)).toBeGreaterThan(1000);
    }
    expect(texts(await bot.say('/chart 房贷', { lang: 'zh-TW' }))).toContain('12 期中已還 0 期');
  });

  it('paid-off loans and installments already paid: a clear message, paid bars drawn paler', async () => {
    const bot = createTestBot({ now: new Date('2026-11-21T02:00:00Z') });
    await addLoan(bot, 'old 1200 3 months 0% annuity first 2026-06-15');
    await addLoan(bot, 'running 10000 12 months 12% annuity first 2026-09-15');
    for (const [lang, words] of [
      ['en', 'old is paid off: nothing left to chart'],
      ['zh-CN', '“old”已经还清，没有可以画图的内容'],
      ['zh-TW', '「old」已經還清，沒有可以畫圖的內容'],
    ] as const) {
      const replies = await bot.say('/chart old', { lang });
      expect(replies.some((m) => m.file)).toBe(false);
      expect(texts(replies)).toContain(words);
    }
    const svg = svgOf(bot, 2, 'en');
    expect(tags(svg, 'bar principal paid')).toHaveLength(3);
    expect(svgTexts(svg)).toContain('Paid');
    expect(tags(svg, 'overdue')).toHaveLength(0);
  });

  it('an unknown name or number: said so in the language, the loans offered as buttons that chart them', async () => {
    const bot = createTestBot({ now: ADDED });
    await addLoan(bot, CAR);
    await addLoan(bot, 'phone 3000 6 months 0% annuity first 2027-01-15');
    const unknown = await bot.say('/chart boat');
    expect(unknown.some((m) => m.file)).toBe(false);
    expect(texts(unknown)).toContain('You have no loan called “boat”');
    expect(texts(await bot.say('/chart boat', { lang: 'zh-CN' }))).toContain('你没有名为“boat”的借款');
    expect(texts(await bot.say('/chart boat', { lang: 'zh-TW' }))).toContain('你沒有名為「boat」的借款');
    expect(texts(await bot.say('/chart 9'))).toContain('There is no loan 9');
    const picked = await bot.pressLabel('2. phone');
    expect(photoOf(picked).kind).toBe('photo');
    expect(picked[0]?.text).toContain('phone: installments paid 0 of 6');
  });

  it("never charts another user's loan: not by name, not by number, not by a replayed button", async () => {
    const bot = createTestBot({ now: ADDED });
    await addLoan(bot, CAR);
    const owners = await bot.say('/chart boat');
    const button = owners.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === '1. car');
    expect(button).toBeDefined();
    // User 2 has no loans at all, then one of their own.
    expect(texts(await bot.say('/chart car', { user: 2 }))).toContain('You have no loans yet');
    await addLoan(bot, 'bike 2000 4 months 0% annuity first 2027-01-15', 2);
    const byName = await bot.say('/chart car', { user: 2 });
    expect(byName.some((m) => m.file)).toBe(false);
    expect(texts(byName)).toContain('You have no loan called “car”');
    expect(byName.flatMap((m) => m.buttons?.flat().map((b) => b.label) ?? [])).toEqual(['1. bike']);
    const byButton = await bot.press(button?.data ?? '', { user: 2 });
    expect(byButton.some((m) => m.file)).toBe(false);
    expect(texts(byButton)).not.toContain('car');
    expect(texts(await bot.say('/chart 1', { user: 2 }))).toContain('bike: installments paid');
  });

  it('names with emoji: the longest a loan may have (60) is charted, title cut on whole graphemes; a 200-character one typed is echoed cut', async () => {
    const name = `${'贷'.repeat(30)}${'🚗'.repeat(30)}`;
    const bot = createTestBot({ now: ADDED });
    await addLoan(bot, `${name} 10000 12 months 12% annuity first 2027-01-15`);
    const replies = await bot.say(`/chart ${name}`, { lang: 'zh-TW' });
    expect(decode(photoOf(replies).content).width).toBeGreaterThanOrEqual(1080);
    const title = svgTexts(svgOf(bot, 1, 'zh-Hant')).find((t) => t?.includes('餘額與每期還款')) ?? '';
    expect(title.startsWith(`${'贷'.repeat(24)}…`)).toBe(true);
    const long = `${'A'.repeat(100)}${'🚗'.repeat(50)}`;
    expect(long.length).toBe(200);
    const unknown = texts(await bot.say(`/chart ${long}`));
    expect(unknown).toContain(`You have no loan called “${'A'.repeat(40)}…”`);
    expect(unknown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('a 600-period loan: one bar per year, said so in the caption, rendered', async () => {
    const bot = createTestBot({ now: ADDED });
    await addLoan(bot, 'house 500000 600 months 4% annuity first 2027-01-15');
    const replies = await bot.say('/chart house');
    expect(decode(photoOf(replies).content).width).toBeGreaterThanOrEqual(1080);
    expect(replies[0]?.text).toContain('One bar per year (installments: 600)');
    const svg = svgOf(bot, 1, 'en');
    expect(tags(svg, 'bar principal( paid)?')).toHaveLength(50);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Year', 'Per year', '2027']));
  });
});
