import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { allLoansChart } from '../../commands/chart.ts';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { createTestBot, texts } from '../support/bot.ts';
import { ADDED, CAR, addLoan, hardshipBot } from '../support/hardship.ts';
import { inked } from '../support/png.ts';

/*
 * /chart as a borrower uses it: the car loan (10,000 over 12 months from 2027-01-15, installments
 * 888.49) added on 2027-01-10 gives 12 months of bars; the PNG is a photo at least 1080 px wide.
 */

function photoOf(messages: OutgoingMessage[]) {
  const file = messages.find((m) => m.file)?.file;
  if (!file) throw new Error(`no file in: ${texts(messages)}`);
  return file;
}

const heavyCount = (svg: string) => (svg.match(/class="heavy"/g) ?? []).length;

describe('/chart', () => {
  it('with no loans: a clear message in each language, no picture', async () => {
    const bot = createTestBot();
    const replies = await bot.say('/chart');
    expect(replies.some((m) => m.file)).toBe(false);
    expect(texts(replies)).toContain('There is nothing to chart');
    expect(texts(await bot.say('/chart', { lang: 'zh-CN' }))).toContain('没有可以画图的内容');
    expect(texts(await bot.say('/chart', { lang: 'zh-TW' }))).toContain('沒有可以畫圖的內容');
  });

  it('one loan: a PNG photo ≥ 1080 px wide with a caption giving the 12-month total', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    const replies = await bot.say('/chart');
    const file = photoOf(replies);
    expect([file.kind, file.mime, file.filename]).toEqual(['photo', 'image/png', 'repayments-2027-01-10.png']);
    const img = decode(file.content);
    expect(img.width).toBeGreaterThanOrEqual(1080);
    expect(replies[0]?.text).toContain('Your 1 loan over the next 12 months');
  });

  it('a 200-character emoji name does not break the chart', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR.replace(/^\S+/, '🚗'.repeat(30)));
    const replies = await bot.say('/chart', { lang: 'zh-TW' });
    expect(photoOf(replies).kind).toBe('photo');
    expect(replies[0]?.text).toContain('未來 12 個月');
  });

  it('the PNG in each language: ≥ 1080 px wide, the title inked (Chinese glyphs drawn in zh-Hans and zh-Hant), bars in the plot', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    await addLoan(bot, '房贷 300000 240 months 4.1% annuity first 2027-02-20');
    for (const [lang, title] of [
      ['en', 'Due each month, next 12 months'],
      ['zh-CN', '未来 12 个月每月应还'],
      ['zh-TW', '未來 12 個月每月應還'],
    ] as const) {
      const png = photoOf(await bot.say('/chart', { lang })).content;
      expect(decode(png).width, lang).toBeGreaterThanOrEqual(1080);
      // Rows 10–70 hold only the title: inked means its glyphs were drawn, not left as blanks.
      expect(inked(png, 10, 70), lang).toBeGreaterThan(1000);
      // The plot (axes, bars) is not blank.
      expect(inked(png, 150, 620), lang).toBeGreaterThan(50_000);
      const t = new Translator({ strict: true }).for(lang === 'en' ? 'en' : lang === 'zh-CN' ? 'zh-Hans' : 'zh-Hant');
      expect(t('chart-all-title')).toBe(title);
    }
  });

  it('the heaviest months outlined only when they are heavier than the rest: one loan of equal installments outlines none', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    const services = bot.runtime.services.forUser(1, bot.clock.now());
    const ctx = (locale: 'en' | 'zh-Hans') => ({ t: new Translator({ strict: true }).for(locale), locale, today: '2027-01-10' });
    const flat = allLoansChart(ctx('en'), services.calendar.data());
    expect(flat?.heavy).toEqual([]);
    expect(heavyCount(flat?.svg ?? '')).toBe(0);
    const plain = await bot.say('/chart');
    expect(texts(plain)).not.toContain('outlined');
    expect(texts(await bot.say('/chart', { lang: 'zh-CN' }))).not.toContain('加粗框出');
    // A phone loan over the first 3 months makes those 3 months heavier than the other 9.
    await addLoan(bot, 'phone 3000 3 months 0% annuity first 2027-01-20');
    const three = allLoansChart(ctx('en'), bot.runtime.services.forUser(1, bot.clock.now()).calendar.data());
    expect(three?.heavy).toEqual([0, 1, 2]);
    expect(heavyCount(three?.svg ?? '')).toBe(3);
    expect(texts(await bot.say('/chart'))).toContain('The outlined bars are the heaviest months.');
    expect(texts(await bot.say('/chart', { lang: 'zh-TW' }))).toContain('（逾期金額計入本月）。\n加粗框出的 3 個月是還款最重的月份。');
  });

  it('a tie at the cut is never split: four equal months after a heavy one leave only that one outlined', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    // 5 months of the phone (January to May) plus a one-off in January: January, then Feb–May equal.
    await addLoan(bot, 'phone 5000 5 months 0% annuity first 2027-01-20');
    await addLoan(bot, 'gift 700 1 months 0% annuity first 2027-01-25');
    const data = bot.runtime.services.forUser(1, bot.clock.now()).calendar.data();
    const chart = allLoansChart({ t: new Translator({ strict: true }).for('en'), locale: 'en', today: '2027-01-10' }, data);
    expect(chart?.heavy).toEqual([0]);
    expect(heavyCount(chart?.svg ?? '')).toBe(1);
    expect(texts(await bot.say('/chart'))).toContain('The outlined bar is the heaviest month.');
  });
});
