import { parseArgs } from 'node:util';
import type { BackupOutcome } from '../app/run-backup.ts';
import type { DoctorReport } from '../app/run-doctor.ts';
import type { RestoreOutcome } from '../app/run-restore.ts';

/* `repaybot backup`, `repaybot restore` and `repaybot doctor` (issue 13): arguments and what is printed. */

export const BACKUP_HELP = `Usage: repaybot backup [PATH]

Writes a consistent copy of the database (DATABASE_PATH) with SQLite's backup API; safe while
the bot runs and writes. Without PATH the copy goes into BACKUP_DIR (default: backups beside the
database) as repaybot-YYYYMMDD-HHMMSSZ.sqlite, and the oldest such files beyond BACKUP_KEEP are
deleted. PATH may be a file that does not exist yet, or a folder (the stamped name inside it,
nothing deleted). The file is written under a temporary name and renamed when complete.

Exit codes: 0 written, 1 not written (the folder is not writable, the file exists, no database).`;

export const RESTORE_HELP = `Usage: repaybot restore PATH

Replaces the database (DATABASE_PATH) with the backup at PATH. First PATH is checked, read-only:
integrity_check must be ok, it must be a repaybot database (its tables and migration journal),
not made by a newer repaybot. It refuses while a bot (repaybot start, chat or tick) has the
database open: stop it first. The database replaced is kept beside it as
<DATABASE_PATH>.before-restore-YYYYMMDD-HHMMSSZ (restore that file to go back).

Exit codes: 0 restored, 1 refused or failed (nothing changed).`;

export const DOCTOR_HELP = `Usage: repaybot doctor

One screen about the database (DATABASE_PATH), read-only and safe beside a running bot:
integrity_check, foreign_key_check, migrations applied and pending, dead-lettered messages,
orphaned reminder rows, the database's and WAL's sizes, the last backup in BACKUP_DIR.

Exit codes: 0 nothing needs attention, 1 something does (lines marked ATTENTION; README lists
what counts), 2 a bad configuration.`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

type Parsed = { help: true } | { positionals: string[] } | { error: string };

function parse(argv: string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' } },
    });
    return values.help ? { help: true } : { positionals };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const usage = (command: string, help: string, message: string): CliResult => ({
  code: 2,
  stdout: '',
  stderr: `repaybot ${command}: ${message}\n\n${help}\n`,
});

export async function runBackupCommand(argv: string[], backup: (target: string | undefined) => Promise<BackupOutcome>): Promise<CliResult> {
  const parsed = parse(argv);
  if ('help' in parsed) return { code: 0, stdout: `${BACKUP_HELP}\n`, stderr: '' };
  if ('error' in parsed) return usage('backup', BACKUP_HELP, parsed.error);
  if (parsed.positionals.length > 1) return usage('backup', BACKUP_HELP, 'give at most one PATH');
  const target = parsed.positionals[0];
  if (target !== undefined && target.trim() === '') return usage('backup', BACKUP_HELP, 'PATH must not be empty');
  const outcome = await backup(target);
  if ('error' in outcome) return { code: 1, stdout: '', stderr: `repaybot backup: ${outcome.error}\n` };
  const rotated = outcome.rotated.length > 0 ? ` (${outcome.rotated.length} older deleted, BACKUP_KEEP)` : '';
  return { code: 0, stdout: `${outcome.path}\n`, stderr: `Backup written: ${outcome.bytes} bytes${rotated}\n` };
}

export async function runRestoreCommand(argv: string[], restore: (path: string) => Promise<RestoreOutcome>): Promise<CliResult> {
  const parsed = parse(argv);
  if ('help' in parsed) return { code: 0, stdout: `${RESTORE_HELP}\n`, stderr: '' };
  if ('error' in parsed) return usage('restore', RESTORE_HELP, parsed.error);
  const [path, ...extra] = parsed.positionals;
  if (path === undefined || path.trim() === '') return usage('restore', RESTORE_HELP, 'PATH is required: the backup to restore');
  if (extra.length > 0) return usage('restore', RESTORE_HELP, 'give one PATH');
  const outcome = await restore(path);
  if ('error' in outcome) return { code: 1, stdout: '', stderr: `repaybot restore: ${outcome.error}\n` };
  const c = outcome.restored.counts;
  const kept = outcome.kept ? `; the database it replaced is kept as ${outcome.kept}` : '';
  return {
    code: 0,
    stdout: '',
    stderr: `Restored ${path} (${c.users} users, ${c.loans} loans, ${c.installments} installments, ${c.payments} payments)${kept}\n`,
  };
}

export function runDoctorCommand(argv: string[], doctor: () => DoctorReport): CliResult {
  const parsed = parse(argv);
  if ('help' in parsed) return { code: 0, stdout: `${DOCTOR_HELP}\n`, stderr: '' };
  if ('error' in parsed) return usage('doctor', DOCTOR_HELP, parsed.error);
  if (parsed.positionals.length > 0) return usage('doctor', DOCTOR_HELP, 'takes no arguments');
  const report = doctor();
  return { code: report.code, stdout: report.text, stderr: '' };
}
