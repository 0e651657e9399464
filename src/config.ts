import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';
import { isValidTimeZone } from './domain/calendar.ts';
import { DEFAULT_WAIVER_GUIDANCE, formatWaiverGuidance, parseWaiverGuidance, WAIVER_GUIDANCE_EXAMPLE } from './domain/waiver-guidance.ts';

/**
 * Every setting repaybot reads from the environment. README's configuration table and
 * .env.example list the same variables; a test keeps the three in step.
 */
/** China's one-year LPR since 2025-05-20 (domain.md); also the fallback of the bot core. */
export const DEFAULT_LPR = { percent: '3.00', since: '2025-05-20' } as const;

/** A comma-separated list of Telegram ids ("123, -1001234567890"); empty means none. */
function idList(what: string) {
  return z
    .string()
    .regex(/^\s*-?\d{1,16}(\s*,\s*-?\d{1,16})*\s*$/, `must be ${what} separated by commas, such as 123456789,987654321`)
    .transform((text) => [...new Set(text.split(',').map((id) => Number(id.trim())))])
    .default([]);
}

/** Telegram's overall rate for a bot's messages, free of charge. */
export const FREE_MAX_PER_SECOND = 30;
/** Telegram's overall rate with allow_paid_broadcast (paid in Stars). */
export const PAID_BROADCAST_MAX_PER_SECOND = 1000;

const configSchema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF… as given by @BotFather')
    .optional(),
  /** The Telegram framework the bot runs on: grammY (the default) or Telegraf. */
  BOT_FRAMEWORK: z.enum(['grammy', 'telegraf'], 'must be grammy or telegraf').default('grammy'),
  /** Set: Telegram pushes updates to this HTTPS address (a webhook) instead of being long-polled. */
  WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an https URL such as https://bot.example.com/telegram' }).optional(),
  /** Sent by Telegram in X-Telegram-Bot-Api-Secret-Token with every webhook request; required with WEBHOOK_URL. */
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1 to 256 characters A-Z, a-z, 0-9, _ and - (as Telegram allows)')
    .optional(),
  /** The address the HTTP server (webhook, /healthz) listens on. */
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  /** Its port: the webhook's (8080 when unset), and in polling mode the port of /healthz (no server when unset). */
  PORT: z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 65535').max(65535, 'must be 1 to 65535').optional(),
  TELEGRAM_API_ROOT: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    // grammY refuses an apiRoot ending in '/', and people copy URLs with one.
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://api.telegram.org'),
  DATABASE_PATH: z.string().min(1, 'must not be empty').default('./data/repaybot.sqlite'),
  /**
   * Set: the database (and its backups) are encrypted with this passphrase (src/db/encryption.ts).
   * At least 16 characters: whoever has the file can try guesses at leisure. Never logged.
   */
  DATABASE_KEY: z
    .string()
    .min(16, 'must be at least 16 characters (for example the output of `openssl rand -base64 32`)')
    .max(1024, 'must be at most 1024 characters')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  DEFAULT_TIMEZONE: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai or Europe/London')
    .default('Asia/Shanghai'),
  DEFAULT_LANGUAGE: z.enum(['en', 'zh-Hans', 'zh-Hant']).default('en'),
  /**
   * China's one-year Loan Prime Rate, in percent, and the date it took effect. Courts protect
   * private-loan interest up to 4 × the LPR at signing; it changes a few times a year, so it is
   * configuration, not code.
   */
  LPR_ONE_YEAR: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, 'must be a percentage such as 3.00')
    .default(DEFAULT_LPR.percent),
  LPR_SINCE: z.iso.date('must be a date such as 2025-05-20').default(DEFAULT_LPR.since),
  /** When reminder passes run (node-cron syntax). Each pass catches up everything due, so a coarser schedule only delays. */
  REMINDER_CRON: z.string().refine(isCronExpression, 'must be a cron expression such as "* * * * *"').default('* * * * *'),
  /**
   * Telegram allows about 30 messages a second overall; stay at or under it. Up to 1000 with
   * REMINDER_PAID_BROADCAST (checked below, where both are known).
   */
  REMINDER_MAX_PER_SECOND: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1 to 30 (up to 1000 with REMINDER_PAID_BROADCAST=true)')
    .max(
      PAID_BROADCAST_MAX_PER_SECOND,
      "must be at most 1000 (Telegram's limit for paid broadcasts; at most 30 without REMINDER_PAID_BROADCAST=true)",
    )
    .default(FREE_MAX_PER_SECOND),
  /**
   * Reminders and queued messages sent with Bot API's allow_paid_broadcast: Telegram lets them
   * past its 30 a second, up to 1000, and charges the bot's Stars balance for every message over
   * the free rate. Replies to users are never sent this way.
   */
  REMINDER_PAID_BROADCAST: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((value) => value === 'true'),
  /** When the running bot backs the database up (node-cron syntax); no scheduled backups when unset. */
  BACKUP_CRON: z.string().refine(isCronExpression, 'must be a cron expression such as "0 3 * * *" (03:00 every day)').optional(),
  /** Where backups go (scheduled ones, and `repaybot backup` without a path); default: `backups` beside the database. */
  BACKUP_DIR: z.string().min(1, 'must not be empty').optional(),
  /** How many scheduled backups BACKUP_DIR keeps; older ones are deleted. */
  BACKUP_KEEP: z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 1000').max(1000, 'must be 1 to 1000').default(7),
  /** Telegram user ids of the operators: who may run operator commands (reviewing requests …). */
  OPERATOR_IDS: idList('Telegram user ids'),
  /** Chats where operator notices go (a group of the servicing team, or an operator's private chat). */
  OPERATOR_CHAT_IDS: idList('Telegram chat ids'),
  /** The longest deferral a borrower may ask for in /hardship, in months. */
  HARDSHIP_MAX_DEFERRAL_MONTHS: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1 to 12')
    .max(12, 'must be 1 to 12')
    .default(3),
  /** Requests waiting longer than this many days are flagged in /queue. */
  HARDSHIP_SLA_DAYS: z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 90').max(90, 'must be 1 to 90').default(3),
  /** Suggested waiver percent by days overdue, first or repeated overdue: shown to operators beside a waiver request. */
  HARDSHIP_WAIVER_GUIDANCE: z
    .string()
    .default(formatWaiverGuidance(DEFAULT_WAIVER_GUIDANCE))
    .transform((text, ctx) => {
      const parsed = parseWaiverGuidance(text);
      if (parsed.ok) return parsed.table;
      ctx.addIssue({ code: 'custom', message: `${parsed.message} (e.g. ${WAIVER_GUIDANCE_EXAMPLE})` });
      return z.NEVER;
    }),
});

/** A webhook needs its secret: without one anybody who guesses the address could post updates. */
const checkedSchema = configSchema.superRefine((config, ctx) => {
  if (config.WEBHOOK_URL !== undefined && config.WEBHOOK_SECRET === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOK_SECRET'],
      message: 'is required when WEBHOOK_URL is set (1 to 256 characters A-Z, a-z, 0-9, _ and -)',
    });
  }
  // Over 30 a second Telegram answers 429 unless the messages are paid broadcasts.
  if (config.REMINDER_MAX_PER_SECOND > FREE_MAX_PER_SECOND && !config.REMINDER_PAID_BROADCAST) {
    ctx.addIssue({
      code: 'custom',
      path: ['REMINDER_MAX_PER_SECOND'],
      message: `must be 1 to ${FREE_MAX_PER_SECOND} (Telegram's free limit); up to ${PAID_BROADCAST_MAX_PER_SECOND} needs REMINDER_PAID_BROADCAST=true, which Telegram charges Stars for`,
    });
  }
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Empty strings count as unset, so `BOT_TOKEN=` in .env means "no token", as people expect. */
function dropEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/** Names of all variables, for the docs check. */
export const configVariables = Object.keys(configSchema.shape);

/** Variables that look like ours: a prefix one of ours has (BOT_, WEBHOOK_ …), in any case. */
const OUR_PREFIXES = /^(BOT|WEBHOOK|REMINDER|HARDSHIP|OPERATOR|DEFAULT|LPR|TELEGRAM|DATABASE|LOG|BACKUP)S?_/i;

/** Edit distance with transpositions (BOT_TOKNE → BOT_TOKEN is one edit). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** Names other programs use for what one of ours sets, which spelling alone would guess wrong (URL is as close to KEY as to PATH). */
const WELL_KNOWN: Record<string, string> = {
  DATABASE_URL: 'DATABASE_PATH',
  DATABASE_FILE: 'DATABASE_PATH',
  DATABASE_PASSWORD: 'DATABASE_KEY',
  DATABASE_PASSPHRASE: 'DATABASE_KEY',
  DATABASE_SECRET: 'DATABASE_KEY',
};

/** The variable of ours `name` most likely means, if one is close enough. */
export function closestVariable(name: string): string | undefined {
  const upper = name.toUpperCase();
  const meant = WELL_KNOWN[upper];
  if (meant) return meant;
  let best: { name: string; distance: number } | undefined;
  for (const known of configVariables) {
    const distance = upper.includes(known) || known.includes(upper) ? 1 : editDistance(upper, known);
    if (!best || distance < best.distance) best = { name: known, distance };
  }
  if (best && best.distance <= Math.max(2, Math.floor(best.name.length / 4))) return best.name;
  // Otherwise the one variable of ours with that prefix, when only one has it.
  const prefix = OUR_PREFIXES.exec(upper)?.[1];
  const samePrefix = configVariables.filter((known) => known.startsWith(`${prefix}_`));
  return samePrefix.length === 1 ? samePrefix[0] : undefined;
}

/** Variables with one of our prefixes that are not ours: misspelt, or from another version of repaybot. */
function unknownVariables(env: Record<string, string>): string[] {
  return Object.keys(env)
    .filter((name) => OUR_PREFIXES.test(name) && !configVariables.includes(name))
    .sort()
    .map((name) => {
      const suggestion = closestVariable(name);
      return `  ${name}: is not a repaybot setting${suggestion ? ` (did you mean ${suggestion}?)` : ' (README lists them)'}`;
    });
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const given = dropEmpty(env);
  const unknown = unknownVariables(given);
  const parsed = checkedSchema.safeParse(given);
  if (parsed.success && unknown.length === 0) return parsed.data;
  const lines = [...unknown, ...(parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`))];
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
