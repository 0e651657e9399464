import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { createTestBot, texts } from '../support/bot.ts';
import { ADDED, CAR, addLoan, hardshipBot } from '../support/hardship.ts';

/*
 * /chart as a borrower uses it: the car loan (10,000 over 12 months from 2027-01-15, installments
 * 888.49) added on 2027-01-10 gives 12 months of bars; the PNG is a photo at least 1080 px wide.
 */

function photoOf(messages: OutgoingMessage[]) {
  const file = messages.find((m) => m.file)?.file;
  if (!file) throw new Error(`no file in: ${texts(messages)}`);
  return file;
}

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
});
