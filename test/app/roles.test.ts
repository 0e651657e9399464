import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { freeTextFallback } from '../../commands/free-text.ts';
import { allCommands } from '../../commands/index.ts';
import { buttonType, id, onPress } from '../../src/core/buttons.ts';
import { createApp } from '../../src/core/app.ts';
import type { Command } from '../../src/core/types.ts';
import { testRuntime } from '../support/bot.ts';

/*
 * Roles: operators are the user ids in OPERATOR_IDS. An operator command is theirs alone: /help
 * lists it for them only, and from anyone else it is answered exactly like a command that does not
 * exist (nothing gives away that it does), with a warning in the log naming who tried what.
 */

const OPERATOR = 7;
const BORROWER = 8;

const reviewButton = buttonType<{ requestId: number }>('review', { requestId: id });
const review: Command = {
  name: 'review',
  audience: 'operator',
  descriptionKey: 'command-help',
  run: () => [{ text: 'review list' }],
  buttons: [onPress(reviewButton, (_ctx, { requestId }) => [{ text: `reviewing ${requestId}` }])],
};

/** The bot as the composition root configures it from OPERATOR_IDS, with one operator command added, logging into `records`. */
function operatorBot() {
  const runtime = testRuntime({ env: { OPERATOR_IDS: String(OPERATOR) } });
  const records: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => records.push(JSON.parse(line) as Record<string, unknown>) });
  const commands = allCommands(runtime.translator);
  // Into the same list /help reads.
  commands.push(review);
  const app = createApp({
    services: runtime.services,
    translator: runtime.translator,
    clock: runtime.clock,
    logger,
    commands,
    defaultLocale: runtime.config.DEFAULT_LANGUAGE,
    operatorIds: runtime.config.OPERATOR_IDS,
    freeText: freeTextFallback,
  });
  const say = (user: number, text: string, languageCode = 'en') => app.handle({ userId: user, chatId: user, languageCode, text });
  const press = (user: number, callbackData: string) => app.handle({ userId: user, chatId: user, languageCode: 'en', callbackData });
  const warnings = () => records.filter((record) => record.level === 40);
  return { say, press, records, warnings };
}

describe('an operator command', () => {
  it('runs for an operator, and /help lists it for them', async () => {
    const bot = operatorBot();
    expect(await bot.say(OPERATOR, '/review')).toEqual([{ chatId: OPERATOR, text: 'review list' }]);
    const help = (await bot.say(OPERATOR, '/help'))[0]?.text ?? '';
    expect(help).toContain('/review — List of commands');
    expect(help).toContain('/addloan');
    expect(await bot.press(OPERATOR, 'review:12')).toEqual([{ chatId: OPERATOR, text: 'reviewing 12' }]);
    expect(bot.warnings()).toEqual([]);
  });

  it('from anyone else gets exactly the unknown-command answer, and a warning names the user and the command', async () => {
    const bot = operatorBot();
    const unknown = await bot.say(BORROWER, '/frobnicate');
    expect(unknown).toEqual([{ chatId: BORROWER, text: "I don't know the command /frobnicate. Send /help to see what I can do." }]);
    expect(await bot.say(BORROWER, '/review')).toEqual([
      { chatId: BORROWER, text: "I don't know the command /review. Send /help to see what I can do." },
    ]);
    expect(await bot.say(BORROWER, '/REVIEW@repaybot')).toEqual([
      { chatId: BORROWER, text: "I don't know the command /review. Send /help to see what I can do." },
    ]);
    expect(bot.warnings()).toEqual([
      expect.objectContaining({ userId: BORROWER, command: 'review', msg: 'operator command from a non-operator' }),
      expect.objectContaining({ userId: BORROWER, command: 'review', msg: 'operator command from a non-operator' }),
    ]);
    // An unknown command is not worth a warning.
    expect(bot.warnings().some((record) => record.command === 'frobnicate')).toBe(false);
  });

  it('in Chinese too, the answer is the one an unknown command gets', async () => {
    const bot = operatorBot();
    const [reply] = await bot.say(BORROWER, '/review', 'zh-CN');
    expect(reply?.text).toBe('我不认识命令 /review。发送 /help 查看我能做什么。');
  });

  it('is not in /help for anyone else', async () => {
    const bot = operatorBot();
    const help = (await bot.say(BORROWER, '/help'))[0]?.text ?? '';
    expect(help).toContain('/addloan');
    expect(help).not.toContain('/review');
    expect(bot.warnings()).toEqual([]);
  });

  it('its buttons, pressed by anyone else, get the stale answer and a warning', async () => {
    const bot = operatorBot();
    expect(await bot.press(BORROWER, 'review:12')).toEqual([
      { chatId: BORROWER, text: 'That button belongs to an older message and no longer works.' },
    ]);
    expect(bot.warnings()).toEqual([expect.objectContaining({ userId: BORROWER, command: 'review' })]);
  });

  it('with no OPERATOR_IDS, nobody is an operator', async () => {
    const runtime = testRuntime();
    expect(runtime.config.OPERATOR_IDS).toEqual([]);
    const commands = allCommands(runtime.translator);
    commands.push(review);
    const app = createApp({
      ...runtime,
      commands,
      defaultLocale: 'en',
      operatorIds: runtime.config.OPERATOR_IDS,
      freeText: freeTextFallback,
    });
    expect((await app.handle({ userId: OPERATOR, chatId: OPERATOR, text: '/review' }))[0]?.text).toContain(
      "I don't know the command /review.",
    );
  });
});
