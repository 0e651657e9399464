import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * Who has the database open: every process that runs a bot on it (start, chat, tick) leaves a
 * small file in `<db>.holders/` while it does, so `repaybot restore` can refuse to pull the file
 * from under it. A process killed with -9 cannot remove its file, so a file counts only while
 * its process lives: the pid answers a signal 0 and, where /proc is, still has the start time
 * recorded (a pid the system gave to another process since is not mistaken for the bot).
 */

export interface Holder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux /proc), when known. */
  started?: string;
  command: string;
  since: string;
  file: string;
}

export const holdersFolder = (databasePath: string): string => `${resolve(databasePath)}.holders`;

/** Field 22 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces). */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let held = 0;

/**
 * Marks the database as held by this process until the returned function is called. Best
 * effort: a folder that cannot be written only costs restore's check, so it never stops a bot.
 */
export function holdDatabase(databasePath: string, command: string, now: Date): () => void {
  if (databasePath === ':memory:') return () => {};
  held += 1;
  const file = join(holdersFolder(databasePath), `${process.pid}-${held}.json`);
  try {
    mkdirSync(holdersFolder(databasePath), { recursive: true });
    const started = startTimeOf(process.pid);
    writeFileSync(file, `${JSON.stringify({ pid: process.pid, ...(started && { started }), command, since: now.toISOString() })}\n`);
  } catch {
    return () => {};
  }
  return () => rmSync(file, { force: true });
}

/** The processes holding the database now; files of processes that are gone are removed on the way. */
export function liveHolders(databasePath: string): Holder[] {
  const folder = holdersFolder(databasePath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const live: Holder[] = [];
  for (const name of names) {
    const file = join(folder, name);
    let holder: Holder | undefined;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
      if (typeof data.pid === 'number' && Number.isSafeInteger(data.pid) && data.pid > 0)
        holder = {
          pid: data.pid,
          command: String(data.command ?? '?'),
          since: String(data.since ?? '?'),
          file,
          ...(data.started && { started: String(data.started) }),
        };
    } catch {
      // Half-written by a process killed while writing it: nobody's.
    }
    const alive =
      holder !== undefined &&
      isAlive(holder.pid) &&
      (holder.started === undefined || startTimeOf(holder.pid) === undefined || startTimeOf(holder.pid) === holder.started);
    if (holder && alive) live.push(holder);
    else rmSync(file, { force: true });
  }
  return live;
}
