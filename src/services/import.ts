import type { Queryable } from '../db/client.ts';
import { insertPenaltyEntry } from '../db/ledger-repo.ts';
import { insertLoan, insertPayment, loansOfUser, type LoanRow } from '../db/loans-repo.ts';
import { setUserLanguage, updateReminderSettings } from '../db/users-repo.ts';
import { Decimal, sumMoney, toMoneyString } from '../domain/money.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export.ts';
import { envelopeSchema, importDocumentSchema, type ImportDocument, type ImportLoan } from './import-schema.ts';
import { loanToday, rebookLoan } from './ledger.ts';
import { inputFromRow } from './loan-shapes.ts';
import { refreshReminders } from './reminder-timetable.ts';

/*
 * /import (issue 13): a user's own JSON export (docs/export-format.md) read back, checked whole,
 * previewed, and on confirmation restored in one transaction. Every row gets a new id: the
 * export's ids only tie its rows to one another (a payment to its loan), so an export from
 * another bot whose ids clash with rows here touches nothing of anyone. Restored: loans with
 * their installments, payments and penalty entries, and the settings when the user has no loans
 * here yet (a fresh instance); the ledger (allocations, paid, penalty open) is booked again from
 * them, as any payment would. Not restored: hardship requests, promises and the history (see
 * import-schema.ts). A loan named like one the user has gets " (2)", " (3)" … after its name.
 */

/** The largest export accepted: a borrower's export is tens of kilobytes; this leaves room for hundreds of loans. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type ImportRefusal =
  | { reason: 'too-large'; max: number }
  | { reason: 'not-json' }
  | { reason: 'not-export' }
  | { reason: 'newer-version'; version: number; supported: number }
  | { reason: 'invalid'; where: string }
  | { reason: 'no-loans' };

export interface ImportPreview {
  loans: number;
  installments: number;
  payments: number;
  penaltyEntries: number;
  /** The sum of the loans' principals and of the payments, two decimals. */
  principal: string;
  paid: string;
  /** Loans that will be renamed, as "old → new". */
  renamed: { from: string; to: string }[];
  /** Whether the export's settings will replace the user's (they have no loans here yet). */
  settings: boolean;
  /** What the export holds that is not imported. */
  skipped: { requests: number; promises: number; audit: number };
}

export type ReadImport = { ok: true; document: ImportDocument } | ({ ok: false } & ImportRefusal);

/** The loan's terms are ones this bot can build a schedule from (the checks every stored loan passes). */
function loanTermsProblem(loan: ImportLoan): string | undefined {
  try {
    const { installments: _i, payments: _p, penaltyEntries: _e, ...columns } = loan;
    inputFromRow({ ...columns, userId: 0 } as LoanRow);
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 120) : 'terms';
  }
  const ns = loan.installments.map((row) => row.n);
  if (new Set(ns).size !== ns.length) return `loan ${loan.id}: installment numbers repeat`;
  if (new Set(loan.payments.map((p) => p.id)).size !== loan.payments.length) return `loan ${loan.id}: payment ids repeat`;
  return undefined;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Bytes → a checked document, or why not. Nothing is written. */
export function readImport(bytes: Uint8Array): ReadImport {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, reason: 'too-large', max: MAX_IMPORT_BYTES };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // Cut short in transit, edited by hand, not text at all: one answer for all.
    return { ok: false, reason: 'not-json' };
  }
  return checkImport(value);
}

/** A parsed JSON value → a checked document, or why not (also re-checks the one a confirmation carried). */
export function checkImport(value: unknown): ReadImport {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success || envelope.data.format !== EXPORT_FORMAT) return { ok: false, reason: 'not-export' };
  if (envelope.data.version > EXPORT_VERSION) {
    return { ok: false, reason: 'newer-version', version: envelope.data.version, supported: EXPORT_VERSION };
  }
  const parsed = importDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'invalid', where: issue ? issue.path.join('.') || issue.message : '?' };
  }
  const document = parsed.data;
  if (!validZone(document.user.timeZone)) return { ok: false, reason: 'invalid', where: 'user.timeZone' };
  for (const loan of document.loans) {
    if (loan.lenderTimeZone !== null && !validZone(loan.lenderTimeZone)) return { ok: false, reason: 'invalid', where: `loan ${loan.id}` };
    const problem = loanTermsProblem(loan);
    if (problem) return { ok: false, reason: 'invalid', where: problem };
  }
  if (document.loans.length === 0) return { ok: false, reason: 'no-loans' };
  return { ok: true, document };
}

/** `name`, or `name (2)`, `name (3)` … : the first not taken. */
function freeName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  for (let k = 2; ; k += 1) {
    const candidate = `${name} (${k})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The names the export's loans get here, in its order. */
function namesHere(existing: readonly string[], loans: readonly ImportLoan[]): string[] {
  const taken = new Set(existing);
  return loans.map((loan) => {
    const name = freeName(loan.name, taken);
    taken.add(name);
    return name;
  });
}

export function previewImport(q: Queryable, userId: number, document: ImportDocument): ImportPreview {
  const existing = loansOfUser(q, userId);
  const names = namesHere(
    existing.map((loan) => loan.name),
    document.loans,
  );
  const all = <T>(pick: (loan: ImportLoan) => T[]) => document.loans.flatMap(pick);
  return {
    loans: document.loans.length,
    installments: all((loan) => loan.installments).length,
    payments: all((loan) => loan.payments).length,
    penaltyEntries: all((loan) => loan.penaltyEntries).length,
    principal: toMoneyString(sumMoney(document.loans.map((loan) => new Decimal(loan.principal)))),
    paid: toMoneyString(sumMoney(all((loan) => loan.payments).map((p) => new Decimal(p.amount)))),
    renamed: document.loans.flatMap((loan, i) => (names[i] !== loan.name ? [{ from: loan.name, to: names[i] ?? loan.name }] : [])),
    settings: existing.length === 0,
    skipped: {
      requests: document.requests?.length ?? 0,
      promises: document.promises?.length ?? 0,
      audit: document.audit?.length ?? 0,
    },
  };
}

export interface ImportResult {
  ok: true;
  loans: { id: number; name: string }[];
  payments: number;
}

function restoreLoan(q: Queryable, userId: number, loan: ImportLoan, name: string, now: Date, defaultTimeZone: string) {
  const { id: _oldId, installments, payments, penaltyEntries, ...columns } = loan;
  const saved = insertLoan(
    q,
    { ...columns, name, userId },
    installments.map(({ id: _old, ...row }) => row),
  );
  for (const { id: _old, ...payment } of payments) insertPayment(q, { ...payment, loanId: saved.loan.id });
  for (const { id: _old, ...entry } of penaltyEntries) insertPenaltyEntry(q, { ...entry, loanId: saved.loan.id });
  // Allocations, paid and penalty open are booked from the payments and entries, as after any payment.
  rebookLoan(q, saved.loan, saved.installments, loanToday(saved.loan, now, defaultTimeZone));
  return { id: saved.loan.id, name };
}

/** Restores the document's loans for `userId`, all or nothing. */
export function restoreImport(q: Queryable, userId: number, document: ImportDocument, now: Date, defaultTimeZone: string): ImportResult {
  return q.transaction(
    (tx) => {
      const existing = loansOfUser(tx, userId);
      const names = namesHere(
        existing.map((loan) => loan.name),
        document.loans,
      );
      if (existing.length === 0) {
        const { language, ...settings } = document.user;
        updateReminderSettings(tx, userId, settings);
        if (language !== null) setUserLanguage(tx, userId, language);
      }
      const restored = document.loans.map((loan, i) => restoreLoan(tx, userId, loan, names[i] ?? loan.name, now, defaultTimeZone));
      refreshReminders(tx, userId, now, defaultTimeZone);
      return { ok: true as const, loans: restored, payments: document.loans.reduce((n, loan) => n + loan.payments.length, 0) };
    },
    { behavior: 'immediate' },
  );
}
