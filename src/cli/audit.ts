import { parseArgs } from 'node:util';
import type { AuditLine } from '../app/run-audit.ts';

/*
 * `repaybot audit`: the append-only audit trail (hardship requests and promises to pay), oldest
 * first: a table to read, or CSV (RFC 4180) for a spreadsheet or a script.
 */

export const AUDIT_HELP = `Usage: repaybot audit [--request N] [--csv]

Prints the audit trail, oldest first: every step of every hardship request (submit, withdraw,
ask, answer, decide, apply) and promise to pay (promise, promise-kept, promise-broken,
promise-cancelled): who, when, what, and the state before and after.

  --request N   only the entries about hardship request N
  --csv         CSV with a header row (RFC 4180: fields with a comma, quote or line break are
                quoted, quotes doubled; lines end with CRLF); before and after as the JSON stored

The database is DATABASE_PATH. Exit codes: 0 done, 2 a flag is unknown or its value is not allowed.`;

export interface AuditRequest {
  requestId?: number;
  csv: boolean;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The flags, or 'help', or the message for a flag that is not allowed. */
export function readAuditArgs(argv: string[]): AuditRequest | 'help' | { error: string } {
  let values: { request?: string; csv?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { request: { type: 'string' }, csv: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return 'help';
  if (values.request === undefined) return { csv: values.csv === true };
  const requestId = /^\d{1,15}$/.test(values.request) ? Number(values.request) : Number.NaN;
  if (!Number.isSafeInteger(requestId) || requestId <= 0)
    return { error: `--request must be a request number (a whole number above 0), not "${values.request}"` };
  return { requestId, csv: values.csv === true };
}

/** `repaybot audit …` with the trail read by `read` (the app layer opens the database). */
export function runAudit(argv: string[], read: (filter: { requestId?: number }) => AuditLine[]): CliResult {
  const request = readAuditArgs(argv);
  if (request === 'help') return { code: 0, stdout: AUDIT_HELP, stderr: '' };
  if ('error' in request) return { code: 2, stdout: '', stderr: `repaybot audit: ${request.error}\n\n${AUDIT_HELP}` };
  const lines = read(request.requestId === undefined ? {} : { requestId: request.requestId });
  return { code: 0, stdout: request.csv ? auditCsv(lines) : auditTable(lines), stderr: '' };
}

// --- CSV -------------------------------------------------------------------------------------------

const CSV_COLUMNS = ['id', 'at', 'actor_id', 'actor_role', 'action', 'user_id', 'request_id', 'promise_id', 'loan_id', 'before', 'after'];

/** One CSV field (RFC 4180): quoted when it holds a comma, a double quote, CR or LF, quotes doubled. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The trail as CSV: a header row, one record per entry, CRLF line ends (the last line too). */
export function auditCsv(lines: AuditLine[]): string {
  const records = [
    CSV_COLUMNS,
    ...lines.map((line) => [
      line.id,
      line.at,
      line.actorId,
      line.actorRole,
      line.action,
      line.userId,
      line.requestId,
      line.promiseId,
      line.loanId,
      line.before,
      line.after,
    ]),
  ];
  return records
    .map((record) => record.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}

// --- the table -------------------------------------------------------------------------------------

function parsed(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const short = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What changed, readably: the fields whose value differs ("status: open → kept"), or the whole
 * state when there was none before ("— → {…}").
 */
export function changeText(before: string | null, after: string | null): string {
  const was = parsed(before);
  const now = parsed(after);
  if (isRecord(was) && isRecord(now)) {
    const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
    const changed = keys.filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]));
    if (changed.length === 0) return '(no change)';
    return changed.map((key) => `${key}: ${short(was[key] ?? null)} → ${short(now[key] ?? null)}`).join('; ');
  }
  return `${short(was)} → ${short(now)}`;
}

const TABLE_HEADER = ['id', 'at', 'actor', 'role', 'action', 'user', 'request', 'promise', 'loan', 'before → after'];

/** The trail as a table with a header, columns padded to their widest value; the last column is not padded. */
export function auditTable(lines: AuditLine[]): string {
  if (lines.length === 0) return 'No audit entries.';
  const dash = (value: number | null) => (value === null ? '-' : String(value));
  const rows = lines.map((line) => [
    String(line.id),
    line.at,
    line.actorId === null ? '(bot)' : String(line.actorId),
    line.actorRole,
    line.action,
    String(line.userId),
    dash(line.requestId),
    dash(line.promiseId),
    dash(line.loanId),
    changeText(line.before, line.after),
  ]);
  const widths = TABLE_HEADER.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] as string).length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width, i) => '-'.repeat(i === widths.length - 1 ? (TABLE_HEADER[i] as string).length : width));
  return [render(TABLE_HEADER), render(rule), ...rows.map(render)].join('\n');
}
