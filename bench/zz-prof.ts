import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { buildPlanningDatabase, PLANNING_NOW } from './planning.ts';
import { openDatabase, type Db } from '../src/db/client.ts';
import { installments, loans, reminderOutbox, users } from '../src/db/schema.ts';
import { Decimal } from '../src/domain/money.ts';
import { latestDueSlot, nextSlotAfter } from '../src/domain/reminder-times.ts';
import { reminderSettingsOf } from '../src/reminders/settings.ts';
const dir = mkdtempSync(join(tmpdir(), 'prof-'));
const path = join(dir, 'b.db');
buildPlanningDatabase(path, { users: 200_000, installmentsPerUser: 5, due: 10_000 });
for (let k = 0; k < 3; k++) {
  const p2 = join(dir, `c-${k}.db`);
  copyFileSync(path, p2);
  const db = openDatabase(p2);
  const now = PLANNING_NOW; const nowIso = now.toISOString();
  const T: Record<string, number> = {};
  let t0 = performance.now();
  db.transaction((tx) => {
    let t = performance.now();
    const rows = tx.select({ installmentId: installments.id, dueDate: installments.dueDate, payment: installments.payment, paid: installments.paid, userId: loans.userId, loanPaused: loans.remindersPaused,
      user: { timeZone: users.timeZone, reminderTime: users.reminderTime, daysBefore: users.daysBefore, overdueDays: users.overdueDays, overdueWeekly: users.overdueWeekly, overdueStopAfterDays: users.overdueStopAfterDays, quietStart: users.quietStart, quietEnd: users.quietEnd, remindersPaused: users.remindersPaused, active: users.active } })
      .from(installments).innerJoin(loans, eq(installments.loanId, loans.id)).innerJoin(users, eq(loans.userId, users.id))
      .where(and(isNotNull(installments.nextReminderAt), lte(installments.nextReminderAt, nowIso))).all();
    T.select = performance.now() - t; t = performance.now();
    const insert = tx.insert(reminderOutbox).values({ userId: sql.placeholder('userId'), installmentId: sql.placeholder('installmentId'), kind: sql.placeholder('kind'), dueDate: sql.placeholder('dueDate'), fireAt: sql.placeholder('fireAt'), notBefore: sql.placeholder('fireAt') }).onConflictDoNothing().prepare();
    const advance = tx.update(installments).set({ nextReminderAt: sql.placeholder('next') as unknown as string }).where(eq(installments.id, sql.placeholder('id'))).prepare();
    const work: { i: Record<string, unknown>; a: Record<string, unknown> }[] = [];
    for (const row of rows) {
      const settings = reminderSettingsOf(row.user);
      const open = new Decimal(row.payment).gt(row.paid);
      const slot = latestDueSlot(row.dueDate, settings, undefined, now);
      const next = open ? nextSlotAfter(row.dueDate, settings, now) : undefined;
      work.push({ i: { userId: row.userId, installmentId: row.installmentId, kind: slot!.kind, dueDate: row.dueDate, fireAt: slot!.fireAt.toISOString() }, a: { id: row.installmentId, next: next ? next.fireAt.toISOString() : null } });
    }
    T.js = performance.now() - t; t = performance.now();
    for (const w of work) insert.run(w.i);
    T.insert = performance.now() - t; t = performance.now();
    for (const w of work) advance.run(w.a);
    T.update = performance.now() - t; t = performance.now();
  });
  T.total = performance.now() - t0;
  console.log(Object.entries(T).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('  '));
  db.$client.close();
}
