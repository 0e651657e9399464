import { and, eq } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { formStates } from './schema.ts';

export type FormRow = typeof formStates.$inferSelect;

export function findForm(q: Queryable, userId: number): FormRow | undefined {
  return q.select().from(formStates).where(eq(formStates.userId, userId)).get();
}

/** Replaces any open form: a new form gets a new id, so buttons of the old one go stale. */
export function startForm(q: Queryable, userId: number, form: string, step: string, data: Record<string, unknown>, now: string): FormRow {
  return q.transaction((tx) => {
    tx.delete(formStates).where(eq(formStates.userId, userId)).run();
    return tx.insert(formStates).values({ userId, form, step, data, updatedAt: now }).returning().get();
  });
}

/** Scoped by the user too: a form id from a forged button cannot touch another user's form. */
export function updateForm(q: Queryable, userId: number, id: number, step: string, data: Record<string, unknown>, now: string): void {
  q.update(formStates)
    .set({ step, data, updatedAt: now })
    .where(and(eq(formStates.id, id), eq(formStates.userId, userId)))
    .run();
}

export function clearForm(q: Queryable, userId: number): boolean {
  return q.delete(formStates).where(eq(formStates.userId, userId)).run().changes > 0;
}

/**
 * Closes exactly this form. Done in the same transaction as the form's final write, it makes
 * that write happen once: a second press of Save finds the form gone and writes nothing.
 */
export function closeForm(q: Queryable, id: number): boolean {
  return q.delete(formStates).where(eq(formStates.id, id)).run().changes > 0;
}

/** The user's open form if it is this one. */
export function findFormOf(q: Queryable, userId: number, form: string): FormRow | undefined {
  const row = findForm(q, userId);
  return row?.form === form ? row : undefined;
}
