import type { Queryable } from '../db/client.ts';
import { clearForm, closeForm, findForm, startForm, updateForm, type FormRow } from '../db/forms-repo.ts';

export type { FormRow };

class Refused extends Error {}

/**
 * A form's final write and the form's end, in one transaction. A second press of the same
 * button finds the form gone and writes nothing (undefined); a write that refuses ({ ok: false })
 * is rolled back together with the form's end, so the borrower can correct and try again.
 */
export function finishForm<T extends { ok: boolean }>(q: Queryable, formId: number, write: () => T): T | undefined {
  let refused: T | undefined;
  try {
    return q.transaction(() => {
      if (!closeForm(q, formId)) return undefined;
      const result = write();
      if (!result.ok) {
        refused = result;
        throw new Refused();
      }
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return refused;
    throw error;
  }
}

/** One user's open form, as the form toolkit stores it. */
export function formStore(q: Queryable, userId: number) {
  return {
    find: (): FormRow | undefined => findForm(q, userId),
    start: (form: string, step: string, data: Record<string, unknown>, now: Date): FormRow =>
      startForm(q, userId, form, step, data, now.toISOString()),
    update: (formId: number, step: string, data: Record<string, unknown>, now: Date): void =>
      updateForm(q, userId, formId, step, data, now.toISOString()),
    clear: (): boolean => clearForm(q, userId),
    finish: <T extends { ok: boolean }>(formId: number, write: () => T): T | undefined => finishForm(q, formId, write),
  };
}

export type FormStore = ReturnType<typeof formStore>;
