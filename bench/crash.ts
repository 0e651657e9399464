import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startMockBotApi } from './mock-bot-api.ts';
import { seededRandom } from './random.ts';
import { outboxSummary, seedReminders } from './seed-reminders.ts';

/*
 * Crash safety (issue 4 target: `kill -9` the dispatcher at ≥ 20 random moments during a
 * 5,000-reminder run, restarting each time: 0 lost, ≤ 1 duplicate per crash, every row ends
 * sent or dead-lettered).
 *
 * The real CLI in child processes: `node bin/repaybot.mjs tick --now <seeded instant>` against a
 * seeded database file and the mock Bot API (30/s, 1/s per chat) on loopback. Each run is killed
 * with SIGKILL after a random 0.5–6 s (seeded, so every run of the benchmark kills at the same
 * offsets), then restarted; after the last kill one run is left to finish. Then: every user must
 * have had at least one message, messages beyond the first per user must be ≤ the kills, and
 * every outbox row must be 'sent' (or 'dead'/'unconfirmed' with a reason).
 *
 * Standalone: `npx tsx bench/crash.ts` (BENCH_CRASH_KILLS, BENCH_CRASH_COUNT, BENCH_CRASH_SEED).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The final, uninterrupted run must end well within this (5,000 at 30/s is under 3 minutes). */
const FINAL_RUN_TIMEOUT_MS = 15 * 60_000;

export interface CrashRun {
  killedAfterMs?: number;
  exitCode: number | null;
  /** Messages the mock accepted while this run was alive. */
  messages: number;
  /** The CLI's summary line (stderr), when it got that far. */
  summary?: string;
}

export interface CrashBenchResult {
  reminders: number;
  kills: number;
  /** Kills that landed while messages were going out (not during start-up or planning). */
  killsDuringSending: number;
  lost: number;
  duplicates: number;
  tooManyRequests: number;
  byStatus: Record<string, number>;
  /** Rows not 'sent', by status and reason. */
  reasons: Record<string, number>;
  /** Rows that ended neither sent nor dead-lettered with a reason (e.g. still claimed or pending). */
  unfinishedRows: number;
  runs: CrashRun[];
  ms: number;
  ok: boolean;
  line: string;
}

const positiveInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
};

function runTick(env: NodeJS.ProcessEnv, now: Date): { child: ChildProcess; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/repaybot.mjs'), 'tick', '--now', now.toISOString()], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolvePromise({ code, stderr }));
  });
  return { child, exited };
}

export async function runCrashBench(
  options: { reminders?: number; kills?: number; seed?: number; onRun?: (run: CrashRun, index: number) => void } = {},
): Promise<CrashBenchResult> {
  const reminders = options.reminders ?? positiveInt('BENCH_CRASH_COUNT', 5_000);
  const killTarget = options.kills ?? positiveInt('BENCH_CRASH_KILLS', 20);
  const random = seededRandom(options.seed ?? positiveInt('BENCH_CRASH_SEED', 20_270_312));
  const seeded = seedReminders(reminders);
  const mock = await startMockBotApi({ perSecond: 30, perChatIntervalMs: 1000 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: mock.url,
    DATABASE_PATH: seeded.path,
    LOG_LEVEL: 'silent',
    REMINDER_MAX_PER_SECOND: '30',
  };
  const start = performance.now();
  const runs: CrashRun[] = [];
  try {
    let kills = 0;
    for (;;) {
      const final = kills >= killTarget;
      const before = mock.messages.length;
      const { child, exited } = runTick(env, seeded.instant);
      const killAfter = final ? undefined : Math.round(500 + random() * 5_500);
      let timer: NodeJS.Timeout | undefined;
      let killed = false as boolean;
      const limit = killAfter ?? FINAL_RUN_TIMEOUT_MS;
      timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, limit);
      const { code, stderr } = await exited;
      clearTimeout(timer);
      timer = undefined;
      const summary = stderr.trim().split('\n').filter(Boolean).at(-1);
      const run: CrashRun = {
        ...(killed && { killedAfterMs: limit }),
        exitCode: code,
        messages: mock.messages.length - before,
        ...(summary && { summary }),
      };
      runs.push(run);
      options.onRun?.(run, runs.length - 1);
      if (final) {
        if (killed) throw new Error(`the final run did not finish within ${FINAL_RUN_TIMEOUT_MS / 60_000} minutes`);
        if (code !== 0) throw new Error(`the final run failed (exit ${code}): ${stderr.trim()}`);
        break;
      }
      if (killed) kills += 1;
      else if (code !== 0) throw new Error(`a run failed on its own (exit ${code}): ${stderr.trim()}`);
      // A run that finished before its kill simply ran to the end; go on until the kills are done.
    }
    const ms = performance.now() - start;

    const perUser = new Map<number, number>();
    for (const m of mock.messages) perUser.set(m.chatId, (perUser.get(m.chatId) ?? 0) + 1);
    const lost = seeded.userIds.filter((id) => !perUser.has(id)).length;
    const duplicates = [...perUser.values()].reduce((sum, n) => sum + n - 1, 0);
    const { byStatus, reasons } = outboxSummary(seeded.path);
    const unfinishedRows = Object.entries(reasons)
      .filter(([reason]) => !/^(dead|unconfirmed): (?!\(no reason\))/.test(reason))
      .reduce((sum, [, n]) => sum + n, 0);
    const killed = runs.filter((r) => r.killedAfterMs !== undefined);
    const killsDuringSending = killed.filter((r) => r.messages > 0).length;
    const ok = killed.length >= killTarget && lost === 0 && duplicates <= killed.length && unfinishedRows === 0;
    const statuses = Object.entries(byStatus)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
    const line =
      `crash safety, ${reminders.toLocaleString('en')} reminders, ${killed.length} × kill -9 (${killsDuringSending} while sending): ` +
      `${lost} lost, ${duplicates} duplicates, rows: ${statuses}${unfinishedRows ? ` (${unfinishedRows} unfinished)` : ''}, ` +
      `${mock.tooManyRequests.total} × 429 (${Math.round(ms / 1000)} s)` +
      (ok
        ? `  ✓ target 0 lost, ≤ 1 duplicate per kill, every row sent or dead-lettered`
        : `  ✗ target 0 lost, ≤ 1 duplicate per kill, every row sent or dead-lettered`);
    return {
      reminders,
      kills: killed.length,
      killsDuringSending,
      lost,
      duplicates,
      tooManyRequests: mock.tooManyRequests.total,
      byStatus,
      reasons,
      unfinishedRows,
      runs,
      ms: Math.round(ms),
      ok,
      line,
    };
  } finally {
    await mock.stop();
    seeded.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runCrashBench({
    onRun: (run, i) =>
      console.error(
        `run ${i + 1}: ${run.killedAfterMs === undefined ? 'finished' : `killed after ${run.killedAfterMs} ms`}, ${run.messages} messages${run.summary ? ` — ${run.summary}` : ''}`,
      ),
  });
  console.log(result.line);
  console.log(JSON.stringify({ ...result, line: undefined, runs: undefined }));
  process.exitCode = result.ok ? 0 : 1;
}
