/*
 * Telegram's error answers, read without a chat framework: grammY's GrammyError carries
 * `error_code` and `description`, Telegraf's TelegramError `response.error_code` and
 * `response.description`.
 */

interface TelegramAnswer {
  code: number;
  description: string;
  retryAfter?: number;
}

export function telegramAnswer(error: unknown): TelegramAnswer | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const direct = error as { error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown } };
  const nested = (error as { response?: typeof direct }).response;
  const source = typeof direct.error_code === 'number' ? direct : typeof nested?.error_code === 'number' ? nested : undefined;
  if (!source) return undefined;
  const retryAfter = source.parameters?.retry_after;
  return {
    code: source.error_code as number,
    description: typeof source.description === 'string' ? source.description : '',
    ...(typeof retryAfter === 'number' && { retryAfter }),
  };
}

/** An answer after which running on is pointless: the process exits non-zero so a supervisor restarts it or alerts. */
export class FatalTelegramError extends Error {}

/** The fatal reading of Telegram's answer to `method`, or undefined when it is worth retrying (network, 5xx, 429). */
export function fatalTelegramError(method: string, error: unknown): FatalTelegramError | undefined {
  const answer = telegramAnswer(error);
  if (!answer) return undefined;
  const told = `Telegram answered ${method} with ${answer.code} ${answer.description}`.trim();
  if (answer.code === 401 || (answer.code === 404 && method === 'getMe')) {
    return new FatalTelegramError(`${told}: BOT_TOKEN is wrong or revoked (@BotFather shows the current one)`);
  }
  if (answer.code === 409) {
    return new FatalTelegramError(`${told}: another process is running this bot (or a webhook is set); stop it, then start this one`);
  }
  if (answer.code >= 400 && answer.code < 500 && answer.code !== 429) return new FatalTelegramError(told);
  return undefined;
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || /abort/i.test(error.message));
}
