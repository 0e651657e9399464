import type { Queryable } from '../db/client.ts';
import { closeForm, findForm, startForm, updateForm, type FormRow, type FormSlot } from '../db/forms-repo.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type { FormRow, FormSlot };

class Refused extends Error {}

/**
 * A form's final write and the form's end, in one transaction. A second press of the same
 * button finds the form gone and writes nothing (undefined); a write that refuses ({ ok: false })
 * is rolled back together with the form's end, so the borrower can correct and try again.
 */
function finishForm<T extends { ok: boolean }>(q: Queryable, userId: number, formId: number, write: () => T): T | undefined {
  let refused: T | undefined;
  try {
    return writeTransaction(q, () => {
      if (!closeForm(q, userId, formId)) return undefined;
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

/** One user's open forms, as the form toolkit (src/core/forms.ts) keeps them. */
export function formStore(q: Queryable, userId: number) {
  return {
    find: (slot: FormSlot): FormRow | undefined => findForm(q, userId, slot),
    start: (slot: FormSlot, form: string, step: string, data: Record<string, unknown>, now: Date): FormRow =>
      startForm(q, userId, slot, form, step, data, now.toISOString()),
    update: (formId: number, step: string, data: Record<string, unknown>, history: string[], now: Date): void =>
      updateForm(q, userId, formId, step, data, history, now.toISOString()),
    close: (formId: number): boolean => closeForm(q, userId, formId),
    finish: <T extends { ok: boolean }>(formId: number, write: () => T): T | undefined => finishForm(q, userId, formId, write),
  };
}

export type FormStore = ReturnType<typeof formStore>;
