import { eq } from 'drizzle-orm';
import type { Db } from './client.ts';
import { formStates } from './schema.ts';

export type FormRow = typeof formStates.$inferSelect;

export function findForm(db: Db, userId: number): FormRow | undefined {
  return db.select().from(formStates).where(eq(formStates.userId, userId)).get();
}

/** Replaces any open form: a new form gets a new id, so buttons of the old one go stale. */
export function startForm(db: Db, userId: number, form: string, step: string, data: Record<string, unknown>, now: string): FormRow {
  return db.transaction((tx) => {
    tx.delete(formStates).where(eq(formStates.userId, userId)).run();
    return tx.insert(formStates).values({ userId, form, step, data, updatedAt: now }).returning().get();
  });
}

export function updateForm(db: Db, id: number, step: string, data: Record<string, unknown>, now: string): void {
  db.update(formStates).set({ step, data, updatedAt: now }).where(eq(formStates.id, id)).run();
}

export function clearForm(db: Db, userId: number): boolean {
  return db.delete(formStates).where(eq(formStates.userId, userId)).run().changes > 0;
}

/**
 * Closes exactly this form. Done in the same transaction as the form's final write, it makes
 * that write happen once: a second press of Save finds the form gone and writes nothing.
 */
export function closeForm(db: Db, id: number): boolean {
  return db.delete(formStates).where(eq(formStates.id, id)).run().changes > 0;
}

/** The user's open form if it is this one. */
export function findFormOf(db: Db, userId: number, form: string): FormRow | undefined {
  const row = findForm(db, userId);
  return row?.form === form ? row : undefined;
}
