import { PassThrough } from 'node:stream';
import { serveJsonl } from '../../src/app/run-chat.ts';
import { testRuntime } from './bot.ts';

export type JsonlOutput = { chat?: number; text?: string; buttons?: { label: string; data: string }[][]; done?: boolean; error?: string };

/**
 * Writes `lines` to a JSON-lines server (one line each), ends the input, waits for the server to
 * finish, and parses every line it wrote.
 */
export async function serveLines(
  lines: (object | string)[],
  serve: (input: PassThrough, output: PassThrough) => Promise<void>,
): Promise<JsonlOutput[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = serve(input, output);
  for (const line of lines) input.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  input.end();
  await done;
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonlOutput);
}

/** Runs a whole JSON-lines script through the real interface (as `chat --jsonl` wires it), in process, and parses what comes out. */
export function runJsonlScript(lines: (object | string)[], now = '2026-11-21T10:00:00+08:00'): Promise<JsonlOutput[]> {
  return serveLines(lines, (input, output) => serveJsonl(testRuntime({ now: new Date(now) }), { input, output }));
}

/** Splits the output into one group of messages per input line (each group ends at {"done":true}). */
export function byInput(output: JsonlOutput[]): JsonlOutput[][] {
  const groups: JsonlOutput[][] = [[]];
  for (const line of output) {
    if (line.done) groups.push([]);
    else groups.at(-1)?.push(line);
  }
  groups.pop();
  return groups;
}
