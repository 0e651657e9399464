import { describe, expect, it } from 'vitest';
import { installments, loans } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';

/*
 * Issue 9, point 6: a one-line /addloan reads dates and amounts as people type them. The test
 * clock is 2026-11-21, 10:00 in Shanghai: a date without a year is the next one (a first due
 * date is ahead), a due day is the first such day after today, and the reply says how it read them.
 */

describe('/addloan one line: dates and Chinese numerals', () => {
  it('手机 一万二 12期 年利率12% 等额本息 2月15日: 12,000.00, first due 2027-02-15, and says the year was filled in', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/addloan 手机 一万二 12期 年利率12% 等额本息 2月15日', { lang: 'zh-CN' }));
    expect(reply).toContain('已将 2月15日 理解为 2027-02-15');
    expect(reply).toContain('名称：手机\n');
    expect(reply).toContain('借款金额：12,000.00\n');
    expect(reply).toContain('期数：12');
    expect(reply).toContain('首期还款日：2027-02-15');
    expect(reply).not.toContain('没看懂');

    await bot.pressLabel('保存');
    const [loan] = bot.db.select().from(loans).all();
    expect(loan).toMatchObject({ name: '手机', principal: '12000.00', firstDue: '2027-02-15' });
    expect(bot.db.select().from(installments).all()).toHaveLength(12);
  });

  it('car 10000 12 months 12% annuity 15/02/2027: says the date was read day/month/year', async () => {
    const reply = texts(await createTestBot().say('/addloan car 10000 12 months 12% annuity 15/02/2027'));
    expect(reply).toContain('I read 15/02/2027 as day/month/year: 2027-02-15 (Mon).');
    expect(reply).toContain('Amount borrowed: 10,000.00\n');
    expect(reply).toContain('First due: 2027-02-15');
    expect(reply).not.toContain('Not understood');
  });

  it('the same in Chinese: 车贷 10000 12期 年利率12% 等额本息 15/02/2027', async () => {
    const reply = texts(await createTestBot().say('/addloan 车贷 10000 12期 年利率12% 等额本息 15/02/2027', { lang: 'zh-CN' }));
    expect(reply).toContain('已将 15/02/2027 按“日/月/年”理解为 2027-02-15');
    expect(reply).toContain('首期还款日：2027-02-15');
  });

  it('车贷 两万 24期 年化10% 每月15号: 20,000.00, first due 2026-12-15, and every installment on the 15th', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/addloan 车贷 两万 24期 年化10% 每月15号 等额本息', { lang: 'zh-CN' }));
    expect(reply).toContain('已将 每月15号 理解为 2026-12-15');
    expect(reply).toContain('借款金额：20,000.00\n');
    expect(reply).toContain('期数：24');
    expect(reply).toContain('首期还款日：2026-12-15');
    expect(reply).toContain('最后一期：2028-11-15');

    await bot.pressLabel('保存');
    const dues = bot.db
      .select()
      .from(installments)
      .all()
      .map((row) => row.dueDate);
    expect(dues).toHaveLength(24);
    expect(dues.every((due) => due.endsWith('-15'))).toBe(true);
  });

  it('without the method the form asks for it, and still says how the date was read', async () => {
    const bot = createTestBot();
    const asked = await bot.say('/addloan 车贷 两万 24期 年化10% 每月15号', { lang: 'zh-CN' });
    expect(texts(asked)).toContain('已将 每月15号 理解为 2026-12-15（周二）');
    expect(texts(asked)).toContain('还款方式是哪种');
    const annuity = asked
      .flatMap((m) => m.buttons ?? [])
      .flat()
      .find((b) => b.label === '等额本息');
    const card = texts(await bot.press(annuity?.data ?? '', { lang: 'zh-CN' }));
    expect(card).toContain('借款金额：20,000.00\n');
    expect(card).toContain('首期还款日：2026-12-15');
  });

  it('reads the English forms: Feb 15, the 15th of each month, tomorrow', async () => {
    const feb = texts(await createTestBot().say('/addloan phone 3000 12 months 12% annuity Feb 15'));
    expect(feb).toContain('I read Feb 15 as 2027-02-15 (Mon).');
    expect(feb).toContain('First due: 2027-02-15');

    const monthly = texts(await createTestBot().say('/addloan phone 3000 12 months 12% annuity 15th of each month'));
    expect(monthly).toContain('First due: 2026-12-15');
    expect(monthly).toContain('Last payment due: 2027-11-15');

    const tomorrow = texts(await createTestBot().say('/addloan phone 3000 12 months 12% annuity first due tomorrow'));
    expect(tomorrow).toContain('I read tomorrow as 2026-11-22 (Sun).');
    expect(tomorrow).toContain('First due: 2026-11-22');
  });

  it('reads 下个月15号 and 三千五 in a traditional-script line', async () => {
    const reply = texts(await createTestBot().say('/addloan 手機 三千五 6期 年利率12% 等額本息 下個月15號', { lang: 'zh-TW' }));
    expect(reply).toContain('2026-12-15');
    expect(reply).toContain('3,500.00');
  });

  it('refuses 02/15/2027 with the reason, and asks for the first due date', async () => {
    const reply = texts(await createTestBot().say('/addloan car 10000 12 months 12% annuity 02/15/2027'));
    expect(reply).toContain('Dates with the year last are read day/month/year');
    expect(reply).toContain('When is the first payment due');
  });
});
