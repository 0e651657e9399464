import { describe, expect, it } from 'vitest';
import { freeTextFallback } from '../../commands/free-text.ts';
import { allCommands } from '../../commands/index.ts';
import { serveJsonl } from '../../src/app/run-chat.ts';
import { createApp } from '../../src/core/app.ts';
import type { SettableClock } from '../../src/core/clock.ts';
import type { Command, OutgoingMessage } from '../../src/core/types.ts';
import { collectingSender } from '../../src/reminders/pass.ts';
import { runJsonl } from '../../src/transports/jsonl.ts';
import { testRuntime } from '../support/bot.ts';
import { byInput, serveLines } from '../support/jsonl.ts';
import { outboxMessages } from '../support/reminders.ts';

/*
 * A reply addressed to another chat (an operator notice) is not part of the update's answer: the
 * core puts it into the delivery outbox and nudges delivery, and a delivery pass sends it once,
 * with the outbox's limits and retries. In the JSON-lines interface it comes out, with its own
 * chat, before the {"done":true} of the input that caused it.
 */

const OPERATOR_CHAT = -100123;
const notify: Command = {
  name: 'notify',
  descriptionKey: 'command-help',
  run: () => [{ text: 'for you' }, { text: 'notice', to: OPERATOR_CHAT }],
};
const echo: Command = {
  name: 'echo',
  descriptionKey: 'command-help',
  // A reply "to" the chat it came from is a direct reply.
  run: (ctx) => [{ text: 'to myself', to: ctx.chatId }],
};

/** The composition root's runtime, its core rebuilt with the test commands and an onQueued counter. */
function notifyingBot() {
  const runtime = testRuntime();
  let queuedCalls = 0;
  const app = createApp({
    services: runtime.services,
    translator: runtime.translator,
    clock: runtime.clock,
    logger: runtime.logger,
    commands: [...allCommands(runtime.translator), notify, echo],
    defaultLocale: 'en',
    freeText: freeTextFallback,
    onQueued: () => {
      queuedCalls += 1;
    },
  });
  return { runtime, app, queuedCalls: () => queuedCalls };
}

describe('a reply to another chat', () => {
  it('is left out of the direct replies and waits in the outbox; onQueued is called', async () => {
    const { runtime, app, queuedCalls } = notifyingBot();
    const direct = await app.handle({ userId: 5, chatId: 5, languageCode: 'en', text: '/notify' });
    expect(direct).toEqual([{ chatId: 5, text: 'for you' }]);
    expect(queuedCalls()).toBe(1);
    const rows = outboxMessages(runtime.db);
    expect(rows).toEqual([expect.objectContaining({ chatId: OPERATOR_CHAT, status: 'pending', installmentId: null })]);
    expect(JSON.parse(rows[0]?.payload ?? '')).toEqual({ text: 'notice' });
  });

  it('a delivery pass sends it to that chat once; a second pass sends nothing', async () => {
    const { runtime, app } = notifyingBot();
    await app.handle({ userId: 5, chatId: 5, languageCode: 'en', text: '/notify' });
    const sent: OutgoingMessage[] = [];
    const pass = runtime.deliveryPass(collectingSender((message) => sent.push(message)));
    await pass();
    expect(sent).toEqual([expect.objectContaining({ chatId: OPERATOR_CHAT, text: 'notice' })]);
    expect(outboxMessages(runtime.db)).toEqual([expect.objectContaining({ chatId: OPERATOR_CHAT, status: 'sent' })]);
    await pass();
    await runtime.deliveryPass(collectingSender((message) => sent.push(message)))();
    expect(sent).toHaveLength(1);
  });

  it('each update queues its own: two /notify, two notices, in order', async () => {
    const { runtime, app, queuedCalls } = notifyingBot();
    await app.handle({ userId: 5, chatId: 5, text: '/notify' });
    await app.handle({ userId: 6, chatId: 6, text: '/notify' });
    expect(queuedCalls()).toBe(2);
    const sent: OutgoingMessage[] = [];
    await runtime.deliveryPass(collectingSender((message) => sent.push(message)))();
    expect(sent.map((m) => [m.chatId, m.text])).toEqual([
      [OPERATOR_CHAT, 'notice'],
      [OPERATOR_CHAT, 'notice'],
    ]);
  });

  it('addressed to the chat it came from is a direct reply: nothing queued, onQueued not called', async () => {
    const { runtime, app, queuedCalls } = notifyingBot();
    expect(await app.handle({ userId: 5, chatId: 5, text: '/echo' })).toEqual([{ chatId: 5, text: 'to myself' }]);
    expect(await app.handle({ userId: 5, chatId: 5, text: '/help' })).toHaveLength(1);
    expect(queuedCalls()).toBe(0);
    expect(outboxMessages(runtime.db)).toEqual([]);
  });
});

describe('in the JSON-lines interface', () => {
  const lines = [JSON.stringify({ user: 5, text: '/notify' }), '', '   ', JSON.stringify({ user: 5, text: '/echo' })];

  it('runJsonl with afterInput writes the other chat’s message before the {"done":true} of its line; a blank line gets {"done":true}', async () => {
    const { runtime, app } = notifyingBot();
    let collected: OutgoingMessage[] = [];
    const deliver = runtime.deliveryPass(collectingSender((message) => collected.push(message)));
    const afterInput = async () => {
      collected = [];
      await deliver();
      return collected;
    };
    const clock = runtime.clock as SettableClock;
    const out = await serveLines(lines, (input, output) => runJsonl({ app, clock, input, output, afterInput }));
    expect(out).toEqual([
      { chat: 5, text: 'for you', buttons: [] },
      { chat: OPERATOR_CHAT, text: 'notice', buttons: [] },
      { done: true },
      { done: true },
      { done: true },
      { chat: 5, text: 'to myself', buttons: [] },
      { done: true },
    ]);
  });

  it('as `chat --jsonl` serves it (serveJsonl): the same, and the notice is sent once', async () => {
    const { runtime, app } = notifyingBot();
    const out = await serveLines([...lines, JSON.stringify({ user: 6, text: '/help' })], (input, output) =>
      serveJsonl({ ...runtime, app }, { input, output }),
    );
    const groups = byInput(out);
    expect(groups).toHaveLength(5);
    expect(groups[0]).toEqual([
      { chat: 5, text: 'for you', buttons: [] },
      { chat: OPERATOR_CHAT, text: 'notice', buttons: [] },
    ]);
    expect(groups[1]).toEqual([]);
    expect(groups[2]).toEqual([]);
    expect(groups[3]).toEqual([{ chat: 5, text: 'to myself', buttons: [] }]);
    expect(groups[4]?.map((m) => m.chat)).toEqual([6]);
    expect(out.filter((line) => line.chat === OPERATOR_CHAT)).toHaveLength(1);
  });
});
