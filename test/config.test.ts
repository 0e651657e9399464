import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../src/config.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The error loadConfig throws for `env`, or a failure if it throws none. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('runs with no settings at all: terminal chat, local database, Shanghai time, English', () => {
    const config = loadConfig({});
    expect(config.BOT_TOKEN).toBeUndefined();
    expect(config.DATABASE_PATH).toBe('./data/repaybot.sqlite');
    expect(config.DEFAULT_TIMEZONE).toBe('Asia/Shanghai');
    expect(config.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(config.DEFAULT_LANGUAGE).toBe('en');
    expect(config.LOG_LEVEL).toBeUndefined();
  });

  it('takes the values it is given', () => {
    const config = loadConfig({
      BOT_TOKEN: '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ZQ',
      TELEGRAM_API_ROOT: 'http://localhost:8081',
      DATABASE_PATH: '/var/lib/repaybot/db.sqlite',
      LOG_LEVEL: 'debug',
      DEFAULT_TIMEZONE: 'Europe/London',
      DEFAULT_LANGUAGE: 'zh-Hant',
    });
    expect(config).toMatchObject({
      BOT_TOKEN: '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ZQ',
      TELEGRAM_API_ROOT: 'http://localhost:8081',
      DATABASE_PATH: '/var/lib/repaybot/db.sqlite',
      LOG_LEVEL: 'debug',
      DEFAULT_TIMEZONE: 'Europe/London',
      DEFAULT_LANGUAGE: 'zh-Hant',
    });
  });

  it('ignores variables it does not know (the process environment is full of them)', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root', LANG: 'zh_CN.UTF-8' })).not.toThrow();
  });

  it('treats an empty value as unset, as in a copied .env.example with BOT_TOKEN=', () => {
    const config = loadConfig({ BOT_TOKEN: '', LOG_LEVEL: '', DEFAULT_TIMEZONE: '', DATABASE_PATH: '  ', TELEGRAM_API_ROOT: '' });
    expect(config.BOT_TOKEN).toBeUndefined();
    expect(config.LOG_LEVEL).toBeUndefined();
    expect(config.DEFAULT_TIMEZONE).toBe('Asia/Shanghai');
    expect(config.DATABASE_PATH).toBe('./data/repaybot.sqlite');
    expect(config.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
  });

  it.each([
    ['DEFAULT_TIMEZONE', 'Mars/Base'],
    ['TELEGRAM_API_ROOT', 'not a url'],
    ['TELEGRAM_API_ROOT', 'ftp://api.telegram.org'],
    ['BOT_TOKEN', 'abc'],
    ['DEFAULT_LANGUAGE', 'fr'],
    ['LOG_LEVEL', 'loud'],
    ['BOT_FRAMEWORK', 'telegram'],
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', 'http'],
  ])('refuses %s=%s with a ConfigError naming the variable', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.message).toContain(name);
    // Only the bad variable is blamed.
    for (const other of configVariables.filter((v) => v !== name)) expect(error.message).not.toContain(other);
  });

  it('TELEGRAM_API_ROOT with a trailing slash does not reach grammY, which refuses it at startup', () => {
    // grammY throws "Remove the trailing '/' from the 'apiRoot' option" when the Bot is built.
    let root: string | undefined;
    try {
      root = loadConfig({ TELEGRAM_API_ROOT: 'http://localhost:8081/' }).TELEGRAM_API_ROOT;
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('TELEGRAM_API_ROOT');
      return;
    }
    expect(root).toBe('http://localhost:8081');
  });

  it('names every bad variable at once, so one restart fixes them all', () => {
    const error = configError({ DEFAULT_TIMEZONE: 'Nowhere/City', DEFAULT_LANGUAGE: 'fr' });
    expect(error.message).toContain('DEFAULT_TIMEZONE');
    expect(error.message).toContain('DEFAULT_LANGUAGE');
  });

  it('does not echo a secret back in the error message', () => {
    const error = configError({ BOT_TOKEN: 'secret-looking-but-wrong' });
    expect(error.message).toContain('BOT_TOKEN');
    expect(error.message).not.toContain('secret-looking-but-wrong');
  });
});

describe('hardship settings', () => {
  it('reads the waiver guidance table and refuses a malformed one naming the variable', () => {
    const table = loadConfig({ HARDSHIP_WAIVER_GUIDANCE: '10:100/80, *:20/0' }).HARDSHIP_WAIVER_GUIDANCE;
    expect(table.map((row) => [row.upToDays, row.first.toString(), row.repeated.toString()])).toEqual([
      [10, '100', '80'],
      [null, '20', '0'],
    ]);
    expect(() => loadConfig({ HARDSHIP_WAIVER_GUIDANCE: '30:100/50' })).toThrow(/HARDSHIP_WAIVER_GUIDANCE/);
    expect(() => loadConfig({ HARDSHIP_MAX_DEFERRAL_MONTHS: '13' })).toThrow(/HARDSHIP_MAX_DEFERRAL_MONTHS: must be 1 to 12/);
  });
});

describe('Telegram run mode settings (issue 12)', () => {
  it('defaults: grammY, long polling, no HTTP server in polling mode, 127.0.0.1', () => {
    const config = loadConfig({});
    expect(config.BOT_FRAMEWORK).toBe('grammy');
    expect(config.WEBHOOK_URL).toBeUndefined();
    expect(config.WEBHOOK_SECRET).toBeUndefined();
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.PORT).toBeUndefined();
  });

  it('takes telegraf, a webhook with its secret, HOST and PORT', () => {
    const config = loadConfig({
      BOT_FRAMEWORK: 'telegraf',
      WEBHOOK_URL: 'https://bot.example.com/telegram/hook',
      WEBHOOK_SECRET: 'A-z_09-secret',
      HOST: '0.0.0.0',
      PORT: '8443',
    });
    expect(config).toMatchObject({
      BOT_FRAMEWORK: 'telegraf',
      WEBHOOK_URL: 'https://bot.example.com/telegram/hook',
      WEBHOOK_SECRET: 'A-z_09-secret',
      HOST: '0.0.0.0',
      PORT: 8443,
    });
  });

  it('BOT_FRAMEWORK=telegram is refused, naming what is allowed', () => {
    expect(configError({ BOT_FRAMEWORK: 'telegram' }).message).toContain('BOT_FRAMEWORK: must be grammy or telegraf');
  });

  it('WEBHOOK_URL must be a URL', () => {
    const message = configError({ WEBHOOK_URL: 'bot.example.com/hook', WEBHOOK_SECRET: 'abc' }).message;
    expect(message).toContain('WEBHOOK_URL: must be an https URL');
    expect(message).not.toContain('WEBHOOK_SECRET');
  });

  it('WEBHOOK_URL without WEBHOOK_SECRET is refused', () => {
    expect(configError({ WEBHOOK_URL: 'https://bot.example.com/hook' }).message).toMatch(
      /WEBHOOK_SECRET: is required when WEBHOOK_URL is set/,
    );
  });

  it.each([['has space'], ['semi;colon'], ['ü-umlaut'], ['x'.repeat(257)]])(
    'WEBHOOK_SECRET=%s (outside Telegram’s 1–256 of A-Za-z0-9_-) is refused, not echoed',
    (secret) => {
      const error = configError({ WEBHOOK_URL: 'https://bot.example.com/hook', WEBHOOK_SECRET: secret });
      expect(error.message).toContain('WEBHOOK_SECRET');
      expect(error.message).not.toContain(secret);
    },
  );

  it('a WEBHOOK_SECRET of 256 allowed characters is fine', () => {
    expect(loadConfig({ WEBHOOK_URL: 'https://h.example/x', WEBHOOK_SECRET: 'a'.repeat(256) }).WEBHOOK_SECRET).toHaveLength(256);
  });
});

describe('paid broadcast (issue 12.8)', () => {
  it('is off by default: 30 a second, Telegram’s free limit', () => {
    const config = loadConfig({});
    expect(config.REMINDER_PAID_BROADCAST).toBe(false);
    expect(config.REMINDER_MAX_PER_SECOND).toBe(30);
  });

  it('REMINDER_PAID_BROADCAST=true allows up to 1000 a second', () => {
    expect(loadConfig({ REMINDER_PAID_BROADCAST: 'true', REMINDER_MAX_PER_SECOND: '1000' })).toMatchObject({
      REMINDER_PAID_BROADCAST: true,
      REMINDER_MAX_PER_SECOND: 1000,
    });
    expect(loadConfig({ REMINDER_PAID_BROADCAST: 'false', REMINDER_MAX_PER_SECOND: '30' }).REMINDER_PAID_BROADCAST).toBe(false);
  });

  it('more than 30 a second without the flag is refused, saying what would allow it and that it costs Stars', () => {
    const message = configError({ REMINDER_MAX_PER_SECOND: '31' }).message;
    expect(message).toContain('REMINDER_MAX_PER_SECOND: must be 1 to 30');
    expect(message).toContain('REMINDER_PAID_BROADCAST=true');
    expect(message).toContain('Stars');
  });

  it('more than 1000 a second is refused even with the flag', () => {
    const message = configError({ REMINDER_PAID_BROADCAST: 'true', REMINDER_MAX_PER_SECOND: '1001' }).message;
    expect(message).toContain('REMINDER_MAX_PER_SECOND: must be at most 1000');
  });

  it('a flag that is not true or false is refused, naming the variable', () => {
    expect(configError({ REMINDER_PAID_BROADCAST: 'yes' }).message).toContain('REMINDER_PAID_BROADCAST: must be true or false');
  });
});

describe('variables that look like ours but are not', () => {
  it.each([
    ['BOT_TOKN', 'BOT_TOKEN'],
    ['BOT_FRAMWORK', 'BOT_FRAMEWORK'],
    ['bot_token', 'BOT_TOKEN'],
    ['LOG_LEVLE', 'LOG_LEVEL'],
    ['WEBHOOK_SECRET_TOKEN', 'WEBHOOK_SECRET'],
    ['WEBHOOK_SECERT', 'WEBHOOK_SECRET'],
    ['WEBHOOK_UR', 'WEBHOOK_URL'],
    ['REMINDERS_CRON', 'REMINDER_CRON'],
    ['DATABASE_URL', 'DATABASE_PATH'],
    ['TELEGRAM_API_URL', 'TELEGRAM_API_ROOT'],
    ['OPERATOR_ID', 'OPERATOR_IDS'],
    ['DEFAULT_TIME_ZONE', 'DEFAULT_TIMEZONE'],
  ])('%s stops start-up: did you mean %s?', (name, meant) => {
    expect(configError({ [name]: 'value' }).message).toContain(`${name}: is not a repaybot setting (did you mean ${meant}?)`);
  });

  it('one with nothing close is refused without a guess', () => {
    expect(configError({ BOT_COLOR: 'blue' }).message).toContain('BOT_COLOR: is not a repaybot setting (README lists them)');
  });

  it('leaves variables with other prefixes alone, and an empty look-alike (it sets nothing)', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', npm_lifecycle_event: 'start', LOGNAME: 'root', BOTANY: 'x', HOSTNAME: 'a', BOT_TOKN: '' }),
    ).not.toThrow();
  });

  it('names every look-alike and every bad value at once, and never echoes a value', () => {
    const message = configError({ BOT_TOKN: '123:secretvalue', LPR_ONE_YAER: '3.1', DEFAULT_LANGUAGE: 'fr' }).message;
    expect(message).toContain('BOT_TOKN');
    expect(message).toContain('LPR_ONE_YAER: is not a repaybot setting (did you mean LPR_ONE_YEAR?)');
    expect(message).toContain('DEFAULT_LANGUAGE');
    expect(message).not.toContain('secretvalue');
  });
});

describe('configuration documentation', () => {
  it('configVariables lists the settings the bot reads', () => {
    expect([...configVariables].sort()).toEqual(
      [
        'BACKUP_CRON',
        'BACKUP_DIR',
        'BACKUP_KEEP',
        'BOT_FRAMEWORK',
        'BOT_TOKEN',
        'DATABASE_KEY',
        'DATABASE_PATH',
        'DEFAULT_LANGUAGE',
        'DEFAULT_TIMEZONE',
        'HARDSHIP_MAX_DEFERRAL_MONTHS',
        'HARDSHIP_SLA_DAYS',
        'HARDSHIP_WAIVER_GUIDANCE',
        'HOST',
        'LOG_LEVEL',
        'LPR_ONE_YEAR',
        'LPR_SINCE',
        'OPERATOR_CHAT_IDS',
        'OPERATOR_IDS',
        'PORT',
        'REMINDER_CRON',
        'REMINDER_MAX_PER_SECOND',
        'REMINDER_PAID_BROADCAST',
        'TELEGRAM_API_ROOT',
        'WEBHOOK_SECRET',
        'WEBHOOK_URL',
      ].sort(),
    );
  });

  it('.env.example has a line for every configuration variable', () => {
    const example = readFileSync(resolve(root, '.env.example'), 'utf8');
    for (const name of configVariables) {
      expect(example, `${name} in .env.example`).toMatch(new RegExp(`^${name}=`, 'm'));
    }
  });

  it('.env.example, copied as it is to .env, is a valid configuration', () => {
    const example = readFileSync(resolve(root, '.env.example'), 'utf8');
    const env: Record<string, string> = {};
    for (const line of example.split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      if (match) env[match[1]!] = match[2]!;
    }
    expect(() => loadConfig(env)).not.toThrow();
  });

  it('README.md documents every configuration variable', () => {
    const readmePath = resolve(root, 'README.md');
    expect(existsSync(readmePath), 'README.md exists').toBe(true);
    const readme = readFileSync(readmePath, 'utf8');
    for (const name of configVariables) expect(readme, `${name} in README.md`).toContain(name);
  });
});
