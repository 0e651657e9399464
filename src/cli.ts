import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runJsonlChat, runTerminalChat } from './app/run-chat.ts';
import { readAuditTrail } from './app/run-audit.ts';
import { runBackup } from './app/run-backup.ts';
import { runDoctor } from './app/run-doctor.ts';
import { writeUserExport } from './app/run-export.ts';
import { runMigrate } from './app/run-migrate.ts';
import { runEncrypt } from './app/run-encrypt.ts';
import { runRestore } from './app/run-restore.ts';
import { runTelegram, runTick } from './app/run-telegram.ts';
import { AUDIT_HELP, runAudit } from './cli/audit.ts';
import { BACKUP_HELP, DOCTOR_HELP, RESTORE_HELP, runBackupCommand, runDoctorCommand, runRestoreCommand } from './cli/backup.ts';
import { CALC_HELP, runCalc } from './cli/calc.ts';
import { EXPORT_HELP, runExport } from './cli/export.ts';
import { FAQ_HELP, runFaq } from './cli/faq.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { todayIn } from './domain/calendar.ts';

const USAGE = `repaybot — a repayment assistant chat bot

Usage: repaybot <command> [options]

Commands:
  start     run the bot: Telegram when BOT_TOKEN is set, else a chat in this terminal
  chat      chat in the terminal (--jsonl: the JSON-lines machine interface)
  calc      the loan engine from the shell: schedule, APR, overdue (--json for scripts)
  faq       answer a free-text question from the knowledge base (--json; stdin: one a line)
  tick      run one reminder pass now (catch-up by hand)
  migrate   create or update the database schema, then exit
  audit     print the audit trail of hardship requests and promises to pay (--csv)
  export    write everything stored about one user into files (JSON and CSV)
  backup    write a consistent copy of the database, safe while the bot runs
  restore   replace the database with a checked backup (the bot must be stopped)
  doctor    check the database: integrity, migrations, dead letters, backups (exit 1: attention)
  encrypt   encrypt an existing plain database with DATABASE_KEY (the bot must be stopped)

Run "repaybot <command> --help" for a command's options.`;

const HELP: Record<string, string> = {
  start: `Usage: repaybot start

Runs the bot with the configuration from the environment (and .env). With BOT_TOKEN set it
long-polls Telegram (TELEGRAM_API_ROOT may point at a local Bot API server); without it, it
opens the terminal chat, as "repaybot chat" does.`,
  chat: `Usage: repaybot chat [--jsonl] [--user ID] [--lang L] [--now ISO]

  --jsonl      read JSON lines on stdin, write JSON lines on stdout (see README)
  --user ID    the local user's id in the terminal chat (default 1)
  --lang L     language code as Telegram would send it: en, zh-CN, zh-TW, zh-Hant… (default: from $LANG)
  --now ISO    fix the clock at this instant, e.g. 2027-01-10T09:00:00+08:00`,
  calc: CALC_HELP,
  faq: FAQ_HELP,
  tick: `Usage: repaybot tick [--now ISO]

Runs one reminder pass: queues every reminder that has come due (catching up after downtime) and
sends it by Telegram (BOT_TOKEN required). A summary goes to stderr. --now runs the pass as if it
were that instant. Without Telegram, send {"tick": ISO} lines to "repaybot chat --jsonl".`,
  audit: AUDIT_HELP,
  export: EXPORT_HELP,
  backup: BACKUP_HELP,
  restore: RESTORE_HELP,
  doctor: DOCTOR_HELP,
  encrypt: `Usage: repaybot encrypt

Encrypts the plain database at DATABASE_PATH in place with DATABASE_KEY (README, "Encryption at
rest"). A new database does not need this: with DATABASE_KEY set it is encrypted from the start. Stop
the bot first; backups taken before stay plain (delete them, or keep them somewhere safe).

Exit codes: 0 encrypted, 1 refused (no key, already encrypted, a bot running; nothing changed).`,
  migrate: `Usage: repaybot migrate

Creates the database at DATABASE_PATH if needed and applies every migration in drizzle/.`,
};

type Env = Record<string, string | undefined>;

/** .env is optional; real environment variables win over it. */
function loadEnv(): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

function terminalLocale(flag: string | undefined, env: Env): string | undefined {
  if (flag) return flag;
  // LANG=zh_CN.UTF-8 → zh-CN
  return env.LANG?.split('.')[0]?.replace('_', '-');
}

/** `repaybot tick`: one reminder pass now (or at --now), sent by Telegram. */
async function tick(config: Config, now: Date | undefined): Promise<number> {
  if (!config.BOT_TOKEN) {
    // Without a token nothing could be delivered, and marking reminders sent would lose them.
    console.error(
      'BOT_TOKEN is not set: reminders could not be delivered. To see them without Telegram, send {"tick": ISO} lines to `repaybot chat --jsonl`.',
    );
    return 2;
  }
  console.error(await runTick({ ...config, BOT_TOKEN: config.BOT_TOKEN }, now));
  return 0;
}

/** calc reads no database; only DEFAULT_TIMEZONE (for "today") comes from the configuration. */
function calcCommand(argv: string[]): number {
  let config: Config;
  try {
    config = loadConfig(loadEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const { code, stdout, stderr } = runCalc(argv, todayIn(config.DEFAULT_TIMEZONE, new Date()));
  if (stdout) console.log(stdout);
  if (stderr) console.error(stderr);
  return code;
}

/** `repaybot audit`: the trail from DATABASE_PATH; its flags are checked before the configuration is read. */
function auditCommand(argv: string[]): number {
  let result: ReturnType<typeof runAudit>;
  try {
    result = runAudit(argv, (filter) => {
      const config = loadConfig(loadEnv());
      return readAuditTrail(config.DATABASE_PATH, filter, { key: config.DATABASE_KEY });
    });
  } catch (error) {
    if (!(error instanceof ConfigError) && !isDatabasePathError(error)) throw error;
    console.error(error.message);
    return 2;
  }
  const { code, stdout, stderr } = result;
  if (stdout) process.stdout.write(stdout.endsWith('\n') ? stdout : `${stdout}\n`);
  if (stderr) console.error(stderr);
  return code;
}

/** `repaybot export`: one user's files from DATABASE_PATH; its flags are checked before the configuration is read. */
function exportCommand(argv: string[]): number {
  let result: ReturnType<typeof runExport>;
  try {
    result = runExport(argv, (request) => {
      const config = loadConfig(loadEnv());
      return writeUserExport(config.DATABASE_PATH, request, new Date(), { key: config.DATABASE_KEY });
    });
  } catch (error) {
    if (!(error instanceof ConfigError) && !isDatabasePathError(error)) throw error;
    console.error(error.message);
    return 2;
  }
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.code;
}

/**
 * `repaybot backup`, `restore` and `doctor`: their arguments are checked before the configuration
 * is read; the real clock names the files.
 */
async function backupCommands(command: 'backup' | 'restore' | 'doctor', argv: string[]): Promise<number> {
  const config = () => loadConfig(loadEnv());
  let result: { code: number; stdout: string; stderr: string };
  try {
    if (command === 'backup') result = await runBackupCommand(argv, (target) => runBackup(config(), target, new Date()));
    else if (command === 'restore') result = await runRestoreCommand(argv, (path) => runRestore(config(), path, new Date()));
    else result = runDoctorCommand(argv, () => runDoctor(config(), new Date()));
  } catch (error) {
    if (!(error instanceof ConfigError) && !isDatabasePathError(error)) throw error;
    console.error(error.message);
    return 2;
  }
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.code;
}

/** `repaybot encrypt`: no arguments; one line saying what was done or why not. */
function encryptCommand(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP.encrypt);
    return 0;
  }
  if (argv.length > 0) {
    console.error(`repaybot encrypt takes no arguments (got ${argv.join(' ')})\n\n${HELP.encrypt}`);
    return 2;
  }
  let outcome: ReturnType<typeof runEncrypt>;
  try {
    outcome = runEncrypt(loadConfig(loadEnv()));
  } catch (error) {
    if (!(error instanceof ConfigError) && !isDatabasePathError(error)) throw error;
    console.error(error.message);
    return 2;
  }
  if ('error' in outcome) {
    console.error(`repaybot encrypt: ${outcome.error}`);
    return 1;
  }
  console.error(`Encrypted: ${outcome.encrypted} (start the bot with the same DATABASE_KEY)`);
  return 0;
}

/**
 * A DATABASE_PATH that cannot be used, or a DATABASE_KEY that does not open it (src/db/client.ts
 * and src/db/encryption.ts throw them with one line naming the variable and why). Known by their
 * names: the command line imports nothing of the database layer.
 */
function isDatabasePathError(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'DatabasePathError' || error.name === 'DatabaseKeyError');
}

/** `--now`: an instant to fix the clock at, or 'invalid' after saying what is expected. */
function readNow(value: string | boolean | undefined): Date | undefined | 'invalid' {
  if (value === undefined) return undefined;
  const now = new Date(String(value));
  if (!Number.isNaN(now.getTime())) return now;
  console.error('--now must be an ISO date-time, e.g. 2027-01-12T09:00:00+08:00');
  return 'invalid';
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!(command in HELP)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (command === 'calc') return calcCommand(rest);
  if (command === 'audit') return auditCommand(rest);
  if (command === 'export') return exportCommand(rest);
  if (command === 'backup' || command === 'restore' || command === 'doctor') return backupCommands(command, rest);
  if (command === 'encrypt') return encryptCommand(rest);
  if (command === 'faq') {
    // The knowledge base needs no configuration and no database.
    const { code, stdout, stderr } = runFaq(rest, () => readFileSync(0, 'utf8'));
    if (stdout) console.log(stdout);
    if (stderr) console.error(stderr);
    return code;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...(command === 'tick' && { now: { type: 'string' } }),
        ...(command === 'chat' && {
          jsonl: { type: 'boolean' },
          user: { type: 'string' },
          lang: { type: 'string' },
          now: { type: 'string' },
        }),
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP[command]}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP[command]);
    return 0;
  }

  let config: Config;
  try {
    config = loadConfig(loadEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }

  try {
    return await runCommand(command, values, config);
  } catch (error) {
    // A DATABASE_PATH that cannot be used, a DATABASE_KEY that does not fit: one line naming it and why, exit 2 (a bad configuration).
    if (isDatabasePathError(error)) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

async function runCommand(command: string, values: Record<string, string | boolean | undefined>, config: Config): Promise<number> {
  switch (command) {
    case 'migrate':
      runMigrate(config.DATABASE_PATH, { key: config.DATABASE_KEY });
      console.log(`Database ready: ${config.DATABASE_PATH}`);
      return 0;
    case 'start':
      if (config.BOT_TOKEN) {
        try {
          await runTelegram({ ...config, BOT_TOKEN: config.BOT_TOKEN });
        } catch (error) {
          if (isDatabasePathError(error)) throw error;
          // A wrong token or an unreachable API root: one clear line, not a stack trace.
          console.error(`Could not run the Telegram bot: ${(error as Error).message}`);
          return 1;
        }
      } else {
        const lang = terminalLocale(undefined, process.env);
        await runTerminalChat(config, { user: 1, ...(lang && { lang }) });
      }
      return 0;
    case 'tick': {
      const now = readNow(values.now);
      return now === 'invalid' ? 2 : tick(config, now);
    }
    case 'chat': {
      const user = values.user === undefined ? 1 : Number(values.user);
      if (!Number.isSafeInteger(user) || user <= 0) {
        console.error('--user must be a positive whole number');
        return 2;
      }
      const now = readNow(values.now);
      if (now === 'invalid') return 2;
      const lang = terminalLocale(values.lang as string | undefined, process.env);
      if (values.jsonl === true) await runJsonlChat(config, { ...(now && { now }) });
      else await runTerminalChat(config, { user, ...(lang && { lang }), ...(now && { now }) });
      return 0;
    }
  }
  return 2;
}
