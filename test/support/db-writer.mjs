// A second process writing to a repaybot database, as `repaybot tick` does beside a running bot:
// `node test/support/db-writer.mjs DB_PATH DURATION_MS`. Each transaction takes the write lock
// at BEGIN IMMEDIATE (waiting on the bot's lock with the busy timeout), holds it a couple of
// milliseconds, as a reminder pass writing its outbox rows does, and commits; a short pause
// lets the bot in. Prints "ready" after its first commit and `{"commits": N}` when done.
// Plain JavaScript, so a test starts it with node alone (no TypeScript loader to wait for).
import Database from 'better-sqlite3';

const [path, durationText] = process.argv.slice(2);
if (!path || !durationText) {
  console.error('usage: node db-writer.mjs DB_PATH DURATION_MS');
  process.exit(2);
}
const HOLD_MS = 2;
const PAUSE_MS = 1;

const db = new Database(path, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.exec('CREATE TABLE IF NOT EXISTS concurrency_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL, pid INTEGER NOT NULL)');
const insert = db.prepare('INSERT INTO concurrency_probe (at, pid) VALUES (?, ?)');
const prune = db.prepare('DELETE FROM concurrency_probe WHERE id < ?');
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms) => Atomics.wait(sleeper, 0, 0, ms);

const end = Date.now() + Number(durationText);
let commits = 0;
while (Date.now() < end) {
  db.exec('BEGIN IMMEDIATE');
  try {
    const { lastInsertRowid } = insert.run(new Date().toISOString(), process.pid);
    prune.run(Number(lastInsertRowid) - 100);
    sleep(HOLD_MS);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  commits += 1;
  if (commits === 1) process.stdout.write('ready\n');
  sleep(PAUSE_MS);
}
db.close();
process.stdout.write(`${JSON.stringify({ commits })}\n`);
