import { describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../src/core/types.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { privacyCommand } from '../../commands/privacy.ts';
import { createTestBot, texts } from '../support/bot.ts';

/*
 * /privacy: what is stored, why, for how long, who sees it, and the commands. /forget and
 * /import are named as there only when they are registered, so the text stays true.
 */

const translator = new Translator({ strict: true });
const stub = (name: string): Command => ({ name, descriptionKey: `command-${name}`, run: () => [] });
const contextIn = (locale: 'en' | 'zh-Hans' | 'zh-Hant') => ({ t: translator.for(locale), locale }) as unknown as CommandContext;

describe('/privacy', () => {
  it('says what is stored, why, for how long, who sees it, and the commands (the registry’s own)', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('/privacy'));
    expect(text).toContain('🔒 What I store about you');
    for (const part of ['language, time zone and reminder settings', 'the payments you recorded', 'hardship requests', 'promises to pay']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('Why: to show you what you owe and when');
    expect(text).toContain(
      'For how long: a loan, with its schedule, payments, penalty entries and promises, until you delete it with /deleteloan',
    );
    expect(text).toContain('Who sees it: the operators who run this bot');
    expect(text).toContain('They see the hardship requests you submitted');
    expect(text).toContain('/export — download everything stored about you');
    // Whether /forget is there today, the answer matches the registry.
    const registered = texts(await bot.say('/help')).includes('/forget —');
    expect(text.includes('/forget — coming')).toBe(!registered);
  });

  it('/forget is "coming" until a forget command is registered, then described; /import likewise', () => {
    const without = privacyCommand(() => [stub('export')]).run(contextIn('en'), '');
    const withForget = privacyCommand(() => [stub('export'), stub('forget'), stub('import')]).run(contextIn('en'), '');
    const before = texts(without as never);
    const after = texts(withForget as never);
    expect(before).toContain('/forget — coming: erase everything about you. Until then, /deleteloan erases a loan');
    expect(before).not.toContain('/import');
    expect(after).not.toContain('coming');
    expect(after).toContain('/forget — erase everything about you, after you type a confirmation word');
    expect(after).toContain('pseudonymous events, with no text, amounts or names');
    expect(after).toContain('/import — send an export');
  });

  it('is in /help and speaks zh-Hans and zh-Hant', async () => {
    const bot = createTestBot();
    const help = texts(await bot.say('/help'));
    expect(help).toContain('/export — Download everything stored about you (JSON and CSV files)');
    expect(help).toContain('/privacy — What is stored about you, why, for how long and who sees it');
    expect(texts(await bot.say('/privacy', { lang: 'zh-CN' }))).toContain('🔒 我保存了你的哪些数据');
    const hant = texts(await bot.say('/privacy', { lang: 'zh-TW' }));
    expect(hant).toContain('🔒 我儲存了你的哪些資料');
    expect(hant).toContain('/export —— 下載我儲存的你的全部資料');
    expect(hant).not.toMatch(/[数据设删这们]/);
  });

  it('with /forget and /import registered: both described, in /help, and /start points to /privacy', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('/privacy'));
    expect(text).toContain('/import — send an export’s JSON file back'.replace('’', "'"));
    expect(text).toContain('/forget — erase everything about you, after you type a confirmation word');
    expect(text).not.toContain('coming');
    expect(text).toContain('until you erase everything with /forget');
    const help = texts(await bot.say('/help'));
    expect(help).toContain('/forget — Erase everything stored about you');
    expect(help).toContain('/import — Restore your loans and payments from an export file');
    expect(texts(await bot.say('/start'))).toContain(
      '/privacy says what is stored, for how long, and how to take it with you (/export) or have it erased (/forget).',
    );
    expect(texts(await bot.say('/start', { lang: 'zh-CN' }))).toContain('/privacy 说明保存了什么');
  });
});
