import { and, eq } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { formStates } from './schema.ts';

export type FormRow = typeof formStates.$inferSelect;
/** 'long': a form filled in over many messages; 'quick': a confirmation or one value in front of it. */
export type FormSlot = FormRow['slot'];

/*
 * Every function takes the user's id and scopes by it: a form id from a forged button cannot
 * touch another user's form.
 */

export function findForm(q: Queryable, userId: number, slot: FormSlot): FormRow | undefined {
  return q
    .select()
    .from(formStates)
    .where(and(eq(formStates.userId, userId), eq(formStates.slot, slot)))
    .get();
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
  return q.transaction((tx) => {
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
