import { parseArgs } from 'node:util';
import type { ExportOutcome } from '../app/run-export.ts';

/*
 * `repaybot export`: an operator writes everything stored about one user into a folder, the
 * same files /export sends in chat: the JSON document (docs/export-format.md) and/or the CSVs.
 */

export const EXPORT_HELP = `Usage: repaybot export --user ID [--format json|csv] [--out DIR]

Writes everything stored about one user (profile and settings, loans, installments, payments,
penalty entries, hardship requests with their notes, promises to pay, their audit entries) into
DIR, the same files /export sends in chat, and prints each file's path, one a line.

  --user ID       the user's Telegram id (required)
  --format F      json: repaybot-export-DATE.json, one document (schema: docs/export-format.md);
                  csv: loans.csv, installments.csv and payments.csv (UTF-8 with BOM, CRLF);
                  default: both
  --out DIR       the folder to write into, created if missing (default: the current folder);
                  files of the same name there are replaced

The database is DATABASE_PATH. Exit codes: 0 written, 1 no such user or DIR cannot be written,
2 a flag is missing or unknown, or its value is not allowed.`;

export interface ExportRequest {
  userId: number;
  formats: ('json' | 'csv')[];
  outDir: string;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The flags, or 'help', or the message for a flag that is missing or not allowed. */
export function readExportArgs(argv: string[]): ExportRequest | 'help' | { error: string } {
  let values: { user?: string; format?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        user: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return 'help';
  if (values.user === undefined) return { error: '--user is required: the Telegram id of the user to export' };
  const userId = /^\d{1,15}$/.test(values.user) ? Number(values.user) : Number.NaN;
  if (!Number.isSafeInteger(userId) || userId <= 0)
    return { error: `--user must be a user id (a whole number above 0), not "${values.user}"` };
  const format = values.format;
  if (format !== undefined && format !== 'json' && format !== 'csv') return { error: `--format must be json or csv, not "${format}"` };
  if (values.out !== undefined && values.out.trim() === '') return { error: '--out must name a folder' };
  return { userId, formats: format === undefined ? ['json', 'csv'] : [format], outDir: values.out ?? '.' };
}

/** `repaybot export …` with the files written by `write` (the app layer opens the database). */
export function runExport(argv: string[], write: (request: ExportRequest) => ExportOutcome): CliResult {
  const request = readExportArgs(argv);
  if (request === 'help') return { code: 0, stdout: `${EXPORT_HELP}\n`, stderr: '' };
  if ('error' in request) return { code: 2, stdout: '', stderr: `repaybot export: ${request.error}\n\n${EXPORT_HELP}\n` };
  const outcome = write(request);
  if ('error' in outcome) return { code: 1, stdout: '', stderr: `repaybot export: ${outcome.error}\n` };
  const note = outcome.empty ? `repaybot export: user ${request.userId} has only settings stored: no loans, requests or promises\n` : '';
  return { code: 0, stdout: outcome.paths.map((path) => `${path}\n`).join(''), stderr: note };
}
