import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../../src/log.ts';

/** A logger that keeps its JSON lines, for tests that check what was logged. */
export function capturingLogger(): {
  logger: Logger;
  lines: Record<string, unknown>[];
  messages(): string[];
  waitFor(msg: string): Promise<void>;
} {
  const lines: Record<string, unknown>[] = [];
  let waiters: { msg: string; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      for (const waiter of waiters.filter((w) => lines.some((line) => line.msg === w.msg))) waiter.resolve();
      waiters = waiters.filter((w) => !lines.some((line) => line.msg === w.msg));
      done();
    },
  });
  return {
    logger: pino({ level: 'debug', base: undefined }, stream),
    lines,
    messages: () => lines.map((line) => String(line.msg)),
    /** Resolves once a line with this message has been logged. */
    waitFor: (msg) =>
      lines.some((line) => line.msg === msg) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ msg, resolve })),
  };
}
