import { pathToFileURL } from 'node:url';
import { runDispatch, type DispatchBenchResult } from './dispatch.ts';

/*
 * Paid-broadcast dispatch (issue 12, point 10: 20,000 reminders with REMINDER_PAID_BROADCAST=true
 * and REMINDER_MAX_PER_SECOND=1000 to a mock Bot API that enforces 1000/s overall for paid
 * broadcasts (30/s for anything else) and 1/s per chat, answering 429 with retry_after when
 * exceeded: ≥ 950 messages/s sustained, 0 × 429, 0 lost, 0 extra, every message paid).
 *
 * The same run as bench/dispatch.ts (the real reminder pass over a seeded database file, grammY's
 * Api on loopback, the bot's own limiter and sender for its configuration); "sustained" is the
 * steady rate between the first and the last accepted message (the mock runs in a child process,
 * mock-bot-api-process.ts), so the limiter's quiet second at
 * start and the planning of 20,000 reminders are not in it. About 20 s at 1000/s.
 *
 * Count: BENCH_PAID_COUNT (default 20,000). Standalone: `npx tsx bench/paid-broadcast.ts`.
 */

export const PAID_TARGET_PER_SECOND = 950;

function paidCount(): number {
  const raw = process.env.BENCH_PAID_COUNT;
  const count = raw === undefined || raw === '' ? 20_000 : Number(raw);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`BENCH_PAID_COUNT must be a positive whole number, not "${raw}"`);
  return count;
}

export function runPaidBroadcastBench(count = paidCount()): Promise<DispatchBenchResult> {
  return runDispatch({
    count,
    paidBroadcast: true,
    maxPerSecond: 1000,
    mockPerSecond: 30,
    mockPaidPerSecond: 1000,
    target: PAID_TARGET_PER_SECOND,
    targetIsSteady: true,
    // Telegram's servers are not in the bot's process: at 1000/s the mock's HTTP work would be.
    mockInChild: true,
    label: `paid-broadcast dispatch, ${count.toLocaleString('en')} reminders to a mock Bot API (1000/s paid, 1/s per chat)`,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runPaidBroadcastBench();
  console.log(result.line);
  console.log(JSON.stringify({ ...result, line: undefined }));
  process.exitCode = result.ok ? 0 : 1;
}
