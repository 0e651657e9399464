import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';

describe('/start and /help', () => {
  it('welcomes in the language Telegram reports, with a privacy note', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/start', { lang: 'en-GB' }))).toMatch(/repayment assistant[\s\S]*Privacy/);
    expect(texts(await bot.say('/start', { user: 2, lang: 'zh-hans' }))).toMatch(/还款助手[\s\S]*隐私/);
    expect(texts(await bot.say('/start', { user: 3, lang: 'zh-TW' }))).toMatch(/還款助手[\s\S]*隱私/);
    expect(texts(await bot.say('/start', { user: 4, lang: 'zh-HK' }))).toContain('還款助手');
    expect(texts(await bot.say('/start', { user: 5, lang: 'fr' }))).toContain('repayment assistant');
  });

  it('/help lists every command with a localized description', async () => {
    const bot = createTestBot();
    const help = texts(await bot.say('/help'));
    for (const command of ['/start', '/addloan', '/loans', '/next', '/language', '/cancel', '/help']) {
      expect(help).toContain(command);
    }
    expect(texts(await bot.say('/help', { user: 2, lang: 'zh-CN' }))).toContain('/next — 下一期什么时候还、还多少');
  });

  it('answers an unknown command and plain chatter with a pointer to /help', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/frobnicate'))).toContain("I don't know the command /frobnicate");
    expect(texts(await bot.say('hello there 👋'))).toContain('/help');
  });
});

describe('/language', () => {
  it('offers the three languages and remembers the choice over Telegram’s language', async () => {
    const bot = createTestBot();
    const menu = await bot.say('/language');
    expect(
      menu
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.label),
    ).toEqual(['English', '简体中文', '繁體中文']);
    expect(texts(await bot.pressLabel('繁體中文'))).toContain('繁體中文');
    expect(bot.db.select().from(users).get()?.language).toBe('zh-Hant');
    expect(texts(await bot.say('/next', { lang: 'en' }))).toContain('目前沒有待還款項');
  });

  it('takes the language as an argument, and refuses an unknown one', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/language zh-Hans'))).toContain('简体中文');
    expect(texts(await bot.say('/language klingon'))).toContain('我不认识“klingon”这种语言');
  });

  it('ignores a forged language button', async () => {
    const bot = createTestBot();
    expect(texts(await bot.press('language:xx'))).toContain('no longer works');
    expect(bot.db.select().from(users).get()?.language).toBeNull();
  });
});

describe('privacy between users', () => {
  it('never shows one user’s loans to another', async () => {
    const bot = createTestBot();
    await bot.say('/addloan secret loan 10000 12 months 12% annuity first 2027-01-15', { user: 1 });
    await bot.pressLabel('Save', { user: 1 });
    expect(texts(await bot.say('/loans', { user: 2 }))).toContain('You have no loans yet');
    expect(texts(await bot.say('/next', { user: 2 }))).not.toContain('secret');
    expect(texts(await bot.say('/loans', { user: 1 }))).toContain('secret loan');
  });

  it('a button from another user’s form does nothing to it', async () => {
    const bot = createTestBot();
    const card = await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15', { user: 1 });
    const save = card
      .at(-1)
      ?.buttons?.flat()
      .find((b) => b.label === 'Save');
    expect(texts(await bot.press(save?.data ?? '', { user: 2 }))).toContain('no longer works');
    expect(texts(await bot.say('/loans', { user: 2 }))).toContain('You have no loans yet');
    expect(texts(await bot.pressLabel('Save', { user: 1 }))).toContain('Saved');
  });
});

describe('/language with a long choice', () => {
  it('quotes at most 40 characters and never cuts an emoji in half', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say(`/language a${'😀'.repeat(45)}`));
    expect(reply).toContain(`"a${'😀'.repeat(39)}"`);
    expect(reply).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
