import type { Db } from '../../src/db/client.ts';
import { closeForm } from '../../src/db/forms-repo.ts';

class Refused extends Error {}

/**
 * A form's final write and the form's end, in one transaction. A second press of the same
 * button finds the form gone and writes nothing (undefined); a write that refuses ({ ok: false })
 * is rolled back together with the form's end, so the borrower can correct and try again.
 */
export function finishForm<T extends { ok: boolean }>(db: Db, formId: number, write: () => T): T | undefined {
  let refused: T | undefined;
  try {
    return db.transaction(() => {
      if (!closeForm(db, formId)) return undefined;
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
