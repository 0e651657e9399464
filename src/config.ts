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

const configSchema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF… as given by @BotFather')
    .optional(),
  TELEGRAM_API_ROOT: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    // grammY refuses an apiRoot ending in '/', and people copy URLs with one.
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://api.telegram.org'),
  DATABASE_PATH: z.string().min(1, 'must not be empty').default('./data/repaybot.sqlite'),
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
  /** Telegram allows about 30 messages a second overall; stay at or under it. */
  REMINDER_MAX_PER_SECOND: z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 30').max(30, 'must be 1 to 30').default(30),
  /** Telegram user ids of the operators: who may run operator commands (reviewing requests …). */
  OPERATOR_IDS: idList('Telegram user ids'),
  /** Chats where operator notices go (a group of the servicing team, or an operator's private chat). */
  OPERATOR_CHAT_IDS: idList('Telegram chat ids'),
  /** The longest deferral a borrower may ask for in /hardship, in months. */
  HARDSHIP_MAX_DEFERRAL_MONTHS: z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 12').max(12, 'must be 1 to 12').default(3),
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

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(dropEmpty(env));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Names of all variables, for the docs check. */
export const configVariables = Object.keys(configSchema.shape);
