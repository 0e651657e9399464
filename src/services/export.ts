import type { Queryable } from '../db/client.ts';
import { userDataRows, type UserDataRows } from '../db/export-repo.ts';
import { todayIn, type IsoDate } from '../domain/calendar.ts';
import { Decimal, sumMoney, toMoneyString } from '../domain/money.ts';

/*
 * /export and `repaybot export` (issue 13): everything stored about one user, as one JSON
 * document (the schema is docs/export-format.md, versioned by EXPORT_VERSION) and as CSV files
 * for a spreadsheet. Only the user's own rows are read (src/db/export-repo.ts). Money stays the
 * stored two-decimal strings. Operators appear by their role only, never by their Telegram id.
 */

export const EXPORT_FORMAT = 'repaybot-export';
/** Bumped when a field changes meaning or is removed; adding a field keeps the version. */
export const EXPORT_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  user: Record<string, Json>;
  loans: Record<string, Json>[];
  requests: Record<string, Json>[];
  promises: Record<string, Json>[];
  audit: Record<string, Json>[];
}

/** One file of an export: its name, MIME type and bytes. */
export interface ExportFile {
  filename: string;
  mime: string;
  content: Uint8Array;
}

export type ExportFormat = 'json' | 'csv';

export interface UserExport {
  document: ExportDocument;
  /** True when nothing but the user's settings is stored: no loans, requests, promises or audit entries. */
  empty: boolean;
  /** The user's calendar date at the export's instant (in the file name). */
  date: IsoDate;
  counts: { loans: number; installments: number; payments: number; requests: number; promises: number; audit: number };
  /** The JSON document, then loans.csv, installments.csv and payments.csv (those of `formats` only). */
  files(formats?: readonly ExportFormat[]): ExportFile[];
}

/** Audit before/after snapshots are JSON; an operator's id inside them is left out like everywhere else. */
function snapshot(text: string | null): Json {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { decidedBy: _operator, ...rest } = value as Record<string, Json>;
    return rest;
  }
  return value as Json;
}

/** The export document of the rows (pure: `exportedAt` is the caller's instant). */
export function exportDocument(rows: UserDataRows, now: Date): ExportDocument {
  const { reminderVersion: _internal, ...user } = rows.user;
  const loans = rows.loans.map(({ userId: _owner, ...loan }) => ({
    ...loan,
    installments: rows.installments.filter((row) => row.loanId === loan.id).map(({ loanId: _loan, ...installment }) => installment),
    payments: rows.payments
      .filter((row) => row.loanId === loan.id)
      .map(({ loanId: _loan, ...payment }) => ({
        ...payment,
        allocations: rows.allocations
          .filter((allocation) => allocation.paymentId === payment.id)
          .map(({ installmentId, installmentN, amount, penalty, lateFee }) => ({ installmentId, installmentN, amount, penalty, lateFee })),
      })),
    penaltyEntries: rows.penaltyEntries.filter((row) => row.loanId === loan.id).map(({ loanId: _loan, ...entry }) => entry),
  }));
  const requests = rows.requests.map(({ userId: _owner, decidedBy: _operator, ...request }) => ({
    ...request,
    notes: rows.notes.filter((note) => note.requestId === request.id).map(({ role, text, createdAt }) => ({ role, text, createdAt })),
  }));
  const promises = rows.promises.map(({ userId: _owner, ...promise }) => promise);
  const audit = rows.audit.map(({ actorId: _actor, userId: _owner, before, after, ...entry }) => ({
    ...entry,
    before: snapshot(before),
    after: snapshot(after),
  }));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    user: user as Record<string, Json>,
    loans: loans as unknown as Record<string, Json>[],
    requests: requests as unknown as Record<string, Json>[],
    promises: promises as unknown as Record<string, Json>[],
    audit: audit as unknown as Record<string, Json>[],
  };
}

// --- CSV -------------------------------------------------------------------------------------------

type Cell = string | number | boolean | null | undefined | object;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a double quote, CR or LF, quotes
 * doubled. Text a spreadsheet would run as a formula (starting with = + - @, a tab or CR) gets a
 * leading apostrophe, so a loan named "=HYPERLINK(…)" stays a name in Excel.
 */
export function csvCell(value: Cell, { text = false } = {}): string {
  let cell = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (text && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const BOM = '\uFEFF';

/** A CSV file: UTF-8 with a byte-order mark (so Excel reads Chinese right), CRLF after every record. */
export function csvText(header: readonly string[], records: readonly string[][]): string {
  return `${BOM}${[header.join(','), ...records.map((record) => record.join(','))].join('\r\n')}\r\n`;
}

const LOAN_COLUMNS = [
  'loan_id',
  'name',
  'principal',
  'method',
  'rate_percent',
  'rate_unit',
  'periods',
  'first_due',
  'due_day',
  'start_date',
  'day_basis',
  'upfront_fee',
  'one_time_fee',
  'lender_kind',
  'policy_preset',
  'policy_overrides',
  'prepayment_rule',
  'allocation_order',
  'lender_time_zone',
  'reminders_paused',
  'settled_on',
  'rescheduled_on',
  'created_at',
] as const;

const INSTALLMENT_COLUMNS = [
  'loan_id',
  'loan_name',
  'n',
  'due_date',
  'principal',
  'interest',
  'fee',
  'payment',
  'paid',
  'penalty_open',
] as const;

const PAYMENT_COLUMNS = [
  'payment_id',
  'loan_id',
  'loan_name',
  'paid_on',
  'amount',
  'penalty_paid',
  'late_fee_paid',
  'source',
  'created_at',
] as const;

export function loansCsv(rows: UserDataRows): string {
  return csvText(
    LOAN_COLUMNS,
    rows.loans.map((loan) => [
      csvCell(loan.id),
      csvCell(loan.name, { text: true }),
      csvCell(loan.principal),
      csvCell(loan.method),
      csvCell(loan.ratePercent),
      csvCell(loan.rateUnit),
      csvCell(loan.periods),
      csvCell(loan.firstDue),
      csvCell(loan.dueDay),
      csvCell(loan.startDate),
      csvCell(loan.dayBasis),
      csvCell(loan.upfrontFee),
      csvCell(loan.oneTimeFee),
      csvCell(loan.lenderKind),
      csvCell(loan.policyPreset),
      csvCell(loan.policyOverrides),
      csvCell(loan.prepaymentRule),
      csvCell(loan.allocationOrder),
      csvCell(loan.lenderTimeZone),
      csvCell(loan.remindersPaused),
      csvCell(loan.settledOn),
      csvCell(loan.rescheduledOn),
      csvCell(loan.createdAt),
    ]),
  );
}

export function installmentsCsv(rows: UserDataRows): string {
  const names = new Map(rows.loans.map((loan) => [loan.id, loan.name]));
  return csvText(
    INSTALLMENT_COLUMNS,
    rows.installments.map((row) => [
      csvCell(row.loanId),
      csvCell(names.get(row.loanId), { text: true }),
      csvCell(row.n),
      csvCell(row.dueDate),
      csvCell(row.principal),
      csvCell(row.interest),
      csvCell(row.fee),
      csvCell(row.payment),
      csvCell(row.paid),
      csvCell(row.penaltyOpen),
    ]),
  );
}

export function paymentsCsv(rows: UserDataRows): string {
  const names = new Map(rows.loans.map((loan) => [loan.id, loan.name]));
  return csvText(
    PAYMENT_COLUMNS,
    rows.payments.map((payment) => {
      const allocations = rows.allocations.filter((allocation) => allocation.paymentId === payment.id);
      return [
        csvCell(payment.id),
        csvCell(payment.loanId),
        csvCell(names.get(payment.loanId), { text: true }),
        csvCell(payment.paidOn),
        csvCell(payment.amount),
        csvCell(toMoneyString(sumMoney(allocations.map((a) => new Decimal(a.penalty))))),
        csvCell(toMoneyString(sumMoney(allocations.map((a) => new Decimal(a.lateFee))))),
        csvCell(payment.source),
        csvCell(payment.createdAt),
      ];
    }),
  );
}

// --- the use case ----------------------------------------------------------------------------------

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Everything stored about `userId` at `now`; undefined when there is no such user. */
export function exportUser(q: Queryable, userId: number, now: Date): UserExport | undefined {
  const rows = userDataRows(q, userId);
  if (!rows) return undefined;
  const document = exportDocument(rows, now);
  const date = todayIn(rows.user.timeZone, now);
  return {
    document,
    empty: rows.loans.length === 0 && rows.requests.length === 0 && rows.promises.length === 0 && rows.audit.length === 0,
    date,
    counts: {
      loans: rows.loans.length,
      installments: rows.installments.length,
      payments: rows.payments.length,
      requests: rows.requests.length,
      promises: rows.promises.length,
      audit: rows.audit.length,
    },
    files(formats = ['json', 'csv']) {
      const files: ExportFile[] = [];
      if (formats.includes('json'))
        files.push({
          filename: `repaybot-export-${date}.json`,
          mime: 'application/json',
          content: encode(`${JSON.stringify(document, null, 2)}\n`),
        });
      if (formats.includes('csv')) {
        const csv = 'text/csv; charset=utf-8';
        files.push({ filename: 'loans.csv', mime: csv, content: encode(loansCsv(rows)) });
        files.push({ filename: 'installments.csv', mime: csv, content: encode(installmentsCsv(rows)) });
        files.push({ filename: 'payments.csv', mime: csv, content: encode(paymentsCsv(rows)) });
      }
      return files;
    },
  };
}
