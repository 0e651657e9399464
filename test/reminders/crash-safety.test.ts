import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPlanningDatabase, PLANNING_NOW } from '../../bench/planning.ts';
import { openDatabase } from '../../src/db/client.ts';
import { claimUserRows, queueReminder } from '../../src/db/outbox-repo.ts';
import { CLAIM_LEASE_MS, recoverAbandonedClaims } from '../../src/reminders/dispatcher.ts';
import { planReminders } from '../../src/reminders/planner.ts';
import { addLoan, CAR, createReminderBot, timetableOf, MINUTE_MS, outbox, PHONE, restoreTimetable } from '../support/reminders.ts';

/*
 * A crash between send and mark may cost one duplicate per message in flight; nothing is ever
 * lost, and nothing is queued twice. "Crash" here is a sender that throws after the message
 * left (the process dies with rows claimed), or rows claimed and never marked.
 */

const AT_0900 = new Date('2027-01-12T09:00:00+08:00');
const later = (ms: number) => new Date(AT_0900.getTime() + ms);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a dispatcher that dies mid-pass', () => {
  it('dying after the send: on restart the message goes once more (one duplicate), then all rows are sent', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    bot.sender.crashAfterSend = true;
    await expect(bot.tick(AT_0900)).rejects.toThrow('simulated crash');
    expect(outbox(bot.db).map((r) => r.status)).toEqual(['claimed', 'claimed']);

    // The restart: claims left by the dead process are released, then a pass runs.
    bot.sender.crashAfterSend = false;
    bot.clock.set(later(30_000));
    expect(recoverAbandonedClaims(bot.db, bot.clock.now())).toBe(2);
    const resent = await bot.tick(later(30_000));
    expect(resent).toHaveLength(1);
    expect(resent[0]?.message.text).toContain('car');
    expect(resent[0]?.message.text).toContain('phone');
    // The user saw it at most twice (once before the crash, once now): ≤ 1 duplicate.
    expect(bot.sender.calls.filter((c) => c.message.chatId === 1)).toHaveLength(2);
    expect(outbox(bot.db).map((r) => r.status)).toEqual(['sent', 'sent']);
    // And never again.
    expect(await bot.ticks(later(60_000), later(10 * MINUTE_MS), MINUTE_MS)).toEqual([]);
  });

  it('dying after the claim, before the send: recovery sends it exactly once', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    bot.clock.set(AT_0900);
    planReminders(bot.db, AT_0900);
    expect(claimUserRows(bot.db, 1, AT_0900.toISOString())).toHaveLength(1);

    recoverAbandonedClaims(bot.db, later(1000));
    const sent = await bot.tick(later(1000));
    expect(sent.map((d) => d.result.kind)).toEqual(['sent']);
    expect(outbox(bot.db)).toEqual([expect.objectContaining({ status: 'sent' })]);
  });

  it('without a restart, a running dispatcher takes over claims older than the lease, not younger ones', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    bot.sender.crashAfterSend = true;
    await expect(bot.tick(AT_0900)).rejects.toThrow();
    bot.sender.crashAfterSend = false;
    // Another dispatcher might still be sending it: leave it alone within the lease.
    expect(await bot.tick(later(CLAIM_LEASE_MS - 1000))).toEqual([]);
    const taken = await bot.tick(later(CLAIM_LEASE_MS));
    expect(taken.map((d) => d.result.kind)).toEqual(['sent']);
    expect(bot.sender.calls).toHaveLength(2);
    expect(outbox(bot.db)[0]?.status).toBe('sent');
  });

  it('crashes at every step of a 20-user pass lose nothing and duplicate at most one message per crash', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    for (let user = 1; user <= 20; user++) await addLoan(bot, CAR, { user });
    let crashes = 0;
    let at = AT_0900.getTime();
    // The process dies right after every 3rd send, and restarts, until everyone has theirs.
    bot.sender.crashAfterSend = (sendsBefore) => sendsBefore % 3 === 2;
    for (let round = 0; round < 60; round++) {
      bot.clock.set(new Date(at));
      recoverAbandonedClaims(bot.db, bot.clock.now()); // each restart
      try {
        await bot.tick(new Date(at));
      } catch {
        crashes += 1;
      }
      at += 1000;
      if (outbox(bot.db).every((r) => r.status === 'sent')) break;
    }
    const rows = outbox(bot.db);
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const perUser = new Map<number, number>();
    for (const call of bot.sender.calls) perUser.set(call.message.chatId, (perUser.get(call.message.chatId) ?? 0) + 1);
    expect([...perUser.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const duplicates = [...perUser.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(crashes).toBeGreaterThanOrEqual(9);
    expect(duplicates).toBeLessThanOrEqual(crashes);
  });
});

describe('nothing is queued twice', () => {
  it('a second planner that read the same due installment before the first committed queues nothing', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    const rows = timetableOf(bot.db, 1);
    expect(planReminders(bot.db, AT_0900).queued).toBe(1);
    // Put the rows back as the other planner saw them, and let it run at the same instant.
    restoreTimetable(bot.db, rows);
    expect(planReminders(bot.db, AT_0900).queued).toBe(0);
    expect(outbox(bot.db)).toHaveLength(1);
    // The outbox's own key: the same (installment, kind, due date) twice is one row.
    const row = outbox(bot.db)[0];
    if (!row) throw new Error('no row');
    const { id: _id, ...again } = row;
    expect(queueReminder(bot.db, again)).toBe(false);
    expect(outbox(bot.db)).toHaveLength(1);
  });

  it('two connections to one database file planning the same instant queue each reminder once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repaybot-plan-'));
    dirs.push(dir);
    const path = join(dir, 'bot.db');
    buildPlanningDatabase(path, { users: 300, installmentsPerUser: 2, due: 120 });
    const a = openDatabase(path);
    const b = openDatabase(path);
    try {
      const seenByB = b.$client.prepare('SELECT * FROM reminder_timetable WHERE fire_at <= ?').all(PLANNING_NOW.toISOString()) as Record<
        string,
        unknown
      >[];
      expect(seenByB).toHaveLength(120);
      expect(planReminders(a, PLANNING_NOW).queued).toBe(120);
      // b still believes they are due (it read them first).
      const restore = b.$client.prepare(
        'INSERT INTO reminder_timetable VALUES (:fire_at, :installment_id, :kind, :due_date, :user_id, :version)',
      );
      for (const row of seenByB) restore.run(row);
      expect(planReminders(b, PLANNING_NOW).queued).toBe(0);
      expect(a.$client.prepare('SELECT count(*) AS n FROM reminder_outbox').get()).toEqual({ n: 120 });
    } finally {
      a.$client.close();
      b.$client.close();
    }
  });

  it('two processes planning the same instant at the same moment: each reminder queued once, and neither pass fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repaybot-race-'));
    dirs.push(dir);
    const path = join(dir, 'bot.db');
    const due = 4000;
    buildPlanningDatabase(path, { users: 6000, installmentsPerUser: 2, due });
    const [one, two] = await racePlanners(path, 2);
    const outcomes = [one, two];
    const db = openDatabase(path);
    try {
      const rows = db.$client.prepare('SELECT count(*) AS n, count(DISTINCT installment_id) AS d FROM reminder_outbox').get();
      // The unique key holds whatever happens.
      expect(rows).toEqual({ n: due, d: due });
      // A second planner (`repaybot tick` beside the running bot) must wait for the first, not
      // die with SQLITE_BUSY: the busy timeout is there for exactly this.
      expect(outcomes).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
      expect((one?.queued ?? 0) + (two?.queued ?? 0)).toBe(due);
    } finally {
      db.$client.close();
    }
  });
});

type RaceOutcome = { ok: boolean; queued?: number; code?: string; message?: string };

/**
 * Starts `count` node processes that each open the database and wait; when all are ready they
 * are released together (one line on stdin each) and run planReminders at PLANNING_NOW.
 */
async function racePlanners(path: string, count: number): Promise<RaceOutcome[]> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const code = `
    import { readSync } from 'node:fs';
    import { openDatabase } from ${JSON.stringify(join(root, 'src/db/client.ts'))};
    import { planReminders } from ${JSON.stringify(join(root, 'src/reminders/planner.ts'))};
    const db = openDatabase(process.env.RACE_DB);
    process.stdout.write('ready\\n');
    readSync(0, Buffer.alloc(1));
    let out;
    try { out = { ok: true, queued: planReminders(db, new Date(process.env.RACE_NOW)).queued }; }
    catch (e) { out = { ok: false, code: e.code, message: e.message }; }
    process.stdout.write(JSON.stringify(out) + '\\n');
    db.$client.close();
  `;
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: root,
      env: { ...process.env, RACE_DB: path, RACE_NOW: PLANNING_NOW.toISOString() },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map(() => '');
  const ready = children.map(
    (child, i) =>
      new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          outputs[i] += chunk.toString();
          if (outputs[i]?.includes('ready\n')) resolve();
        });
        child.on('exit', () => reject(new Error(`planner ${i} exited early: ${outputs[i]}`)));
      }),
  );
  const exited = children.map((child) => new Promise<void>((resolve) => child.on('exit', () => resolve())));
  await Promise.all(ready);
  for (const child of children) child.stdin.write('go\n');
  await Promise.all(exited);
  return outputs.map((out) => JSON.parse(out.split('\n').filter(Boolean).at(-1) ?? '{}') as RaceOutcome);
}
