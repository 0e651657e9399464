import { fork } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type AcceptedMessage, type MockBotApiOptions, startMockBotApi } from './mock-bot-api.ts';

/*
 * The mock Bot API (mock-bot-api.ts) in a child process of its own, as Telegram's servers are not
 * in the bot's process: at 1000 messages a second the mock's own HTTP work would otherwise take a
 * good part of the bot's one thread, and the benchmark would measure both. What it recorded comes
 * back over IPC when asked (report), in the shape of MockBotApi's fields.
 */

export interface MockBotApiProcess {
  url: string;
  /** Everything the mock recorded so far. */
  report(): Promise<{ messages: AcceptedMessage[]; tooManyRequests: { total: number; global: number; perChat: number } }>;
  stop(): Promise<void>;
}

type FromChild = { url: string } | { report: Awaited<ReturnType<MockBotApiProcess['report']>> };

export async function startMockBotApiProcess(options: MockBotApiOptions): Promise<MockBotApiProcess> {
  const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], { execArgv: ['--import', 'tsx'], cwd: ROOT });
  const next = () =>
    new Promise<FromChild>((resolvePromise, reject) => {
      child.once('message', (message) => resolvePromise(message as FromChild));
      child.once('exit', (code) => reject(new Error(`the mock Bot API process exited (${code})`)));
    });
  const started = await next();
  if (!('url' in started)) throw new Error('the mock Bot API process did not say its address');
  return {
    url: started.url,
    async report() {
      const answer = next();
      child.send('report');
      const got = await answer;
      if (!('report' in got)) throw new Error('the mock Bot API process did not report');
      return got.report;
    },
    stop: () =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.send('stop');
      }),
  };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// In the child: run the mock until told to stop.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.send) {
  const mock = await startMockBotApi(JSON.parse(process.argv[2] ?? '{}') as MockBotApiOptions);
  process.on('message', async (message) => {
    if (message === 'report') process.send?.({ report: { messages: mock.messages, tooManyRequests: mock.tooManyRequests } });
    if (message === 'stop') {
      await mock.stop();
      process.exit(0);
    }
  });
  process.send({ url: mock.url });
}
