import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Api } from 'grammy';
import { telegramPasses } from '../src/app/run-telegram.ts';
import { createRuntime } from '../src/app/runtime.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { startMockBotApi } from './mock-bot-api.ts';
import { startMockBotApiProcess } from './mock-bot-api-process.ts';
import { loanNameOf, outboxSummary, seedReminders } from './seed-reminders.ts';

/*
 * Dispatch throughput (issue 4 target: 10,000 reminders to a local mock Bot API that enforces
 * 30/s overall and 1/s per chat, sustained ≥ 28.5 messages/s — 95% of the limit — with zero 429s).
 *
 * In-process: the real reminder pass (plan + dispatch) over a seeded database file, grammY's Api
 * pointed at the mock on loopback, and the real-time RateLimiter the bot uses (30/s, 1 s per
 * chat). The pass's clock starts at the seeded instant and runs on in real time, so a 429's
 * retry_after would come due as it would in production. Rate = accepted messages / wall time
 * of the pass (planning included). 10,000 at 30/s is about 5.5 minutes.
 *
 * Count: BENCH_DISPATCH_COUNT (default 10,000). Standalone: `npx tsx bench/dispatch.ts`.
 */

export const DISPATCH_TARGET_PER_SECOND = 28.5;
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface DispatchBenchResult {
  count: number;
  accepted: number;
  tooManyRequests: number;
  ms: number;
  perSecond: number;
  /** Between the first and the last accepted message: the steady rate, start-up excluded. */
  steadyPerSecond: number;
  /** Users with no message, and messages beyond one per user. */
  missing: number;
  extra: number;
  /** Accepted messages whose text does not name their own user's loan. */
  misaddressed: number;
  passes: number;
  byStatus: Record<string, number>;
  ok: boolean;
  line: string;
}

export function dispatchCount(): number {
  const raw = process.env.BENCH_DISPATCH_COUNT;
  const count = raw === undefined || raw === '' ? 10_000 : Number(raw);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`BENCH_DISPATCH_COUNT must be a positive whole number, not "${raw}"`);
  return count;
}

/** A dispatch run: how many reminders, and the bot's and the mock's limits. */
export interface DispatchBenchOptions {
  count: number;
  /** REMINDER_PAID_BROADCAST and REMINDER_MAX_PER_SECOND as the bot is configured. */
  paidBroadcast: boolean;
  maxPerSecond: number;
  /** The mock's overall limits: free, and for paid broadcasts. */
  mockPerSecond: number;
  mockPaidPerSecond: number;
  /** The rate that must be met: the whole run's (false) or the steady one (true). */
  target: number;
  targetIsSteady: boolean;
  /** The result line's opening words. */
  label: string;
  /** The mock in a child process of its own (mock-bot-api-process.ts), not sharing the bot's thread. */
  mockInChild?: boolean;
}

export async function runDispatchBench(count = dispatchCount()): Promise<DispatchBenchResult> {
  return runDispatch({
    count,
    paidBroadcast: false,
    maxPerSecond: 30,
    mockPerSecond: 30,
    mockPaidPerSecond: 30,
    target: DISPATCH_TARGET_PER_SECOND,
    targetIsSteady: false,
    label: `dispatch, ${count.toLocaleString('en')} reminders to a mock Bot API (30/s, 1/s per chat)`,
  });
}

export async function runDispatch(options: DispatchBenchOptions): Promise<DispatchBenchResult> {
  const { count, target } = options;
  const seeded = seedReminders(count);
  const mockOptions = { perSecond: options.mockPerSecond, paidPerSecond: options.mockPaidPerSecond, perChatIntervalMs: 1000 };
  const mock = options.mockInChild ? await startMockBotApiProcess(mockOptions) : await startMockBotApi(mockOptions);
  const startedAt = Date.now();
  const clock = { now: () => new Date(seeded.instant.getTime() + (Date.now() - startedAt)) };
  // The bot's own wiring: the composition root, and the passes `npm start` sends reminders with.
  const config = loadConfig({
    DATABASE_PATH: seeded.path,
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: mock.url,
    REMINDER_MAX_PER_SECOND: String(options.maxPerSecond),
    REMINDER_PAID_BROADCAST: String(options.paidBroadcast),
  });
  const runtime = createRuntime({ config, clock, logger: silentLogger() });
  const { db } = runtime;
  try {
    const pass = telegramPasses(runtime, new Api(TOKEN, { apiRoot: mock.url })).reminders;
    const start = performance.now();
    // One pass sends everything; a 429 would put rows back for retry_after, which a later pass
    // (the next cron tick, in the bot) picks up. Stop when nothing is left or after a minute of retries.
    let passes = 0;
    for (;;) {
      await pass();
      passes += 1;
      const left = db.$client.prepare("SELECT count(*) AS n FROM reminder_outbox WHERE status IN ('pending', 'claimed')").get() as {
        n: number;
      };
      if (left.n === 0 || passes > 60) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const ms = performance.now() - start;

    const perUser = new Map<number, number>();
    let misaddressed = 0;
    let unpaid = 0;
    const { messages, tooManyRequests: refusals } = 'report' in mock ? await mock.report() : mock;
    for (const m of messages) {
      perUser.set(m.chatId, (perUser.get(m.chatId) ?? 0) + 1);
      if (!m.text.includes(`${loanNameOf(m.chatId)}:`)) misaddressed += 1;
      if (m.paid !== options.paidBroadcast) unpaid += 1;
    }
    const missing = seeded.userIds.filter((id) => !perUser.has(id)).length;
    const extra = [...perUser.values()].reduce((sum, n) => sum + n - 1, 0);
    const accepted = messages.length;
    const first = messages[0]?.at ?? 0;
    const last = messages.at(-1)?.at ?? 0;
    const perSecond = Math.round((accepted / (ms / 1000)) * 100) / 100;
    const steadyPerSecond = last > first ? Math.round(((accepted - 1) / ((last - first) / 1000)) * 100) / 100 : 0;
    const tooManyRequests = refusals.total;
    const measured = options.targetIsSteady ? steadyPerSecond : perSecond;
    const ok = measured >= target && tooManyRequests === 0 && missing === 0 && extra === 0 && misaddressed === 0 && unpaid === 0;
    const { byStatus } = outboxSummary(seeded.path);
    const targetText = `target ≥ ${target}/s${options.targetIsSteady ? ' steady' : ''}`;
    const line =
      `${options.label}: ${perSecond.toLocaleString('en')}/s ` +
      `(${Math.round(ms).toLocaleString('en')} ms; steady ${steadyPerSecond}/s), ${tooManyRequests} × 429, ${missing} missing, ${extra} extra` +
      `${misaddressed ? `, ${misaddressed} misaddressed` : ''}` +
      `${unpaid ? `, ${unpaid} ${options.paidBroadcast ? 'without' : 'with'} allow_paid_broadcast` : ''}` +
      (ok ? `  ✓ ${targetText}, 0 × 429` : `  ✗ ${targetText} with 0 × 429, every user once`);
    return {
      count,
      accepted,
      tooManyRequests,
      ms: Math.round(ms),
      perSecond,
      steadyPerSecond,
      missing,
      extra,
      misaddressed,
      passes,
      byStatus,
      ok,
      line,
    };
  } finally {
    db.$client.close();
    await mock.stop();
    seeded.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runDispatchBench();
  console.log(result.line);
  console.log(JSON.stringify({ ...result, line: undefined }));
  process.exitCode = result.ok ? 0 : 1;
}
