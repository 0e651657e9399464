import { describe, expect, it } from 'vitest';
import { createTestBot, testRuntime, texts } from '../support/bot.ts';

describe('the language of an update that names none', () => {
  it('is the one last given for the user, not the default (a JSON line without lang, a later session)', async () => {
    const runtime = testRuntime();
    await runtime.app.handle({ userId: 1, chatId: 1, languageCode: 'zh-CN', text: '/start' });
    const replies = await runtime.app.handle({ userId: 1, chatId: 1, text: '/loans' });
    expect(replies.map((m) => m.text).join('\n')).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('"Back to …" names the long form as it is', () => {
  it('says "editing car" when a /paid card ends in front of an edit', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Save');
    await bot.say('/editloan car');
    await bot.say('/paid car 100');
    const done = texts(await bot.pressLabel('Confirm'));
    expect(done).toContain('Back to editing car:');
    expect(done).not.toContain('Back to adding a loan');
  });
});
