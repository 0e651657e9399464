import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../../src/log.ts';

/** A logger that keeps its JSON lines, for tests that check what was logged. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[]; messages(): string[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug', base: undefined }, stream), lines, messages: () => lines.map((line) => String(line.msg)) };
}
