import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { prepared } from './prepared.ts';
import { formStates } from './schema.ts';
import { writeTransaction } from './write-transaction.ts';

export type FormRow = typeof formStates.$inferSelect;
/** 'long': a form filled in over many messages; 'quick': a confirmation or one value in front of it. */
export type FormSlot = FormRow['slot'];

/*
 * Every function takes the user's id and scopes by it: a form id from a forged button cannot
 * touch another user's form.
 */

/** JSON text read back, or undefined when it is not JSON at all. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The open form in this slot. Its JSON is read here rather than by drizzle, so a row this release
 * could not have written (not JSON at all) is dropped instead of failing every message the user
 * sends; whether the data fits its form is checked by the form toolkit (zod).
 */
export function findForm(q: Queryable, userId: number, slot: FormSlot): FormRow | undefined {
  const row = prepared(q, 'findForm', (p) =>
    p
      .select({ ...getTableColumns(formStates), data: sql<string>`${formStates.data}`, history: sql<string>`${formStates.history}` })
      .from(formStates)
      .where(and(eq(formStates.userId, sql.placeholder('userId')), eq(formStates.slot, sql.placeholder('slot'))))
      .prepare(),
  ).get({ userId, slot });
  if (!row) return undefined;
  const data = parsedJson(row.data);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    closeForm(q, userId, row.id);
    return undefined;
  }
  const history = parsedJson(row.history);
  const steps = Array.isArray(history) && history.every((step) => typeof step === 'string') ? history : [];
  return { ...row, data: data as Record<string, unknown>, history: steps };
}

/** Replaces the form in this slot: a new form gets a new id, so buttons of the old one go stale. */
export function startForm(
  q: Queryable,
  userId: number,
  slot: FormSlot,
  form: string,
  step: string,
  data: Record<string, unknown>,
  now: string,
): FormRow {
  return writeTransaction(q, (tx) => {
    tx.delete(formStates)
      .where(and(eq(formStates.userId, userId), eq(formStates.slot, slot)))
      .run();
    return tx.insert(formStates).values({ userId, slot, form, step, data, history: [], updatedAt: now }).returning().get();
  });
}

export function updateForm(
  q: Queryable,
  userId: number,
  id: number,
  step: string,
  data: Record<string, unknown>,
  history: string[],
  now: string,
): void {
  q.update(formStates)
    .set({ step, data, history, updatedAt: now })
    .where(and(eq(formStates.id, id), eq(formStates.userId, userId)))
    .run();
}

/**
 * Closes exactly this form. Done in the same transaction as the form's final write, it makes
 * that write happen once: a second press of Save finds the form gone and writes nothing.
 */
export function closeForm(q: Queryable, userId: number, id: number): boolean {
  return (
    q
      .delete(formStates)
      .where(and(eq(formStates.id, id), eq(formStates.userId, userId)))
      .run().changes > 0
  );
}
