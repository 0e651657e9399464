import { HttpError } from 'grammy';
import type { Chat, Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { telegramSender } from '../../src/transports/grammy-sender.ts';
import { ALICE, countRows, createHarness, newClock, type Answer, type ApiCall } from './grammy-harness.ts';

/*
 * Issue 12, point 6: what the grammY transport does with Telegram's answers to its own calls.
 * Waits are injected (`sleep` records and returns at once), so nothing here sleeps.
 */

const refused = (code: number, description: string, parameters?: { retry_after?: number }) => ({
  ok: false,
  error_code: code,
  description,
  ...(parameters && { parameters }),
});

/** The first `times` sendMessage calls get `answer`, the rest succeed. */
function failingSends(times: number, answer: unknown): Answer {
  let left = times;
  return (call) => (call.method === 'sendMessage' && left-- > 0 ? answer : undefined);
}

function harness(answer: Answer, db: Db = openDatabase(':memory:')) {
  const slept: number[] = [];
  const h = createHarness({
    db,
    clock: newClock(),
    answer,
    grammy: { retry: { sleep: async (ms) => void slept.push(ms) }, rateLimit: false },
  });
  return { ...h, db, slept, sends: () => h.calls.filter((c: ApiCall) => c.method === 'sendMessage') };
}

function activeOf(db: Db, userId: number): number | undefined {
  return (db.$client.prepare('select active from users where id = ?').get(userId) as { active: number } | undefined)?.active;
}

describe('grammY replies meet 429 and 5xx', () => {
  it('a 429 is waited out for retry_after, then the reply goes', async () => {
    const h = harness(failingSends(1, refused(429, 'Too Many Requests: retry after 3', { retry_after: 3 })));
    await h.deliver(h.textUpdate('/start'));
    expect(h.sends()).toHaveLength(2);
    expect(h.slept).toEqual([3000]);
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('your repayment assistant')]);
  });

  it('a 5xx is retried after 1, then 2 seconds', async () => {
    const h = harness(failingSends(2, refused(502, 'Bad Gateway')));
    await h.deliver(h.textUpdate('/start'));
    expect(h.sends()).toHaveLength(3);
    expect(h.slept).toEqual([1000, 2000]);
    expect(h.take()).toHaveLength(1);
  });

  it('gives up after 3 retries: 4 calls in all, the failure logged', async () => {
    const h = harness(failingSends(99, refused(500, 'Internal Server Error')));
    await h.deliver(h.textUpdate('/start'));
    expect(h.sends()).toHaveLength(4);
    expect(h.slept).toEqual([1000, 2000, 4000]);
    expect(h.lines).toContainEqual(expect.objectContaining({ msg: 'telegram update failed', description: 'Internal Server Error' }));
  });

  it('a 429 asking for longer than 30 seconds is not waited for', async () => {
    const h = harness(failingSends(1, refused(429, 'Too Many Requests: retry after 600', { retry_after: 600 })));
    await h.deliver(h.textUpdate('/start'));
    expect(h.sends()).toHaveLength(1);
    expect(h.slept).toEqual([]);
  });

  it('a 400 is final, and a network failure is never resent (it may have reached Telegram)', async () => {
    const bad = harness(failingSends(1, refused(400, 'Bad Request: message is too long')));
    await bad.deliver(bad.textUpdate('/start'));
    expect(bad.sends()).toHaveLength(1);
    const network = harness(failingSends(1, new HttpError('Network request for sendMessage failed!', new Error('ECONNRESET'))));
    await network.deliver(network.textUpdate('/start'));
    expect(network.sends()).toHaveLength(1);
    expect(network.slept).toEqual([]);
  });

  it("the outbox sender, on the bot's own API, is not retried: the dispatcher sees the 429 itself", async () => {
    const h = harness(() => refused(429, 'Too Many Requests: retry after 5', { retry_after: 5 }));
    const result = await telegramSender(h.bot.api).send({ chatId: ALICE.id, text: 'A reminder' });
    expect(result).toEqual({ kind: 'retry-after', seconds: 5 });
    expect(h.sends()).toHaveLength(1);
    expect(h.slept).toEqual([]);
  });
});

describe('grammY: a 403 on a reply', () => {
  it('marks the user inactive, as reminders do, and tries no more replies; writing again reactivates', async () => {
    const db = openDatabase(':memory:');
    const h = harness(failingSends(1, refused(403, 'Forbidden: bot was blocked by the user')), db);
    await h.deliver(h.textUpdate('/start'));
    expect(activeOf(db, ALICE.id)).toBe(0);
    expect(h.lines).toContainEqual(expect.objectContaining({ msg: 'reply refused with 403', userId: ALICE.id }));
    expect(h.lines.some((line) => line.msg === 'telegram update failed')).toBe(false);
    await h.deliver(h.textUpdate('/next'));
    expect(activeOf(db, ALICE.id)).toBe(1);
  });

  it("in an operators' group marks nobody (the bot was removed from the group, not blocked by a user)", async () => {
    const db = openDatabase(':memory:');
    const group: Chat.GroupChat = { id: -100200300, type: 'group', title: 'Family' };
    const h = harness(
      (call) => (call.payload.chat_id === group.id ? refused(403, 'Forbidden: bot was kicked from the group chat') : undefined),
      db,
    );
    await h.deliver(h.textUpdate('/start'));
    await h.deliver(h.textUpdate('/next', { chat: group }));
    expect(h.calls.filter((c) => c.payload.chat_id === group.id)).toHaveLength(1);
    expect(activeOf(db, ALICE.id)).toBe(1);
    expect(h.lines.some((line) => line.msg === 'reply refused with 403')).toBe(false);
  });
});

describe('grammY: answering a button press is best effort', () => {
  async function cardAndSave(h: ReturnType<typeof harness>) {
    await h.deliver(h.textUpdate('/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15'));
    const card = h.take().find((m) => m.buttons.length > 0)!;
    return { message: card.message, data: card.buttons.flat().find((b) => b.text === 'Save')!.data };
  }

  it('a refused answerCallbackQuery (query too old) neither undoes nor blocks the action', async () => {
    const db = openDatabase(':memory:');
    const h = harness(
      (call) =>
        call.method === 'answerCallbackQuery' ? refused(400, 'Bad Request: query is too old and response timeout expired') : undefined,
      db,
    );
    const { message, data } = await cardAndSave(h);
    await h.deliver(h.pressUpdate(message, data));
    expect(countRows(db, 'loans')).toBe(1);
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('Saved "car loan"')]);
    expect(h.lines).toContainEqual(
      expect.objectContaining({ msg: 'answerCallbackQuery failed', description: expect.stringContaining('too old') }),
    );
    expect(h.lines.some((line) => line.msg === 'telegram update failed')).toBe(false);
    // Not retried: a late answer is refused anyway.
    expect(h.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
  });

  it('a network failure of answerCallbackQuery changes nothing either', async () => {
    const db = openDatabase(':memory:');
    const h = harness(
      (call) => (call.method === 'answerCallbackQuery' ? new HttpError('Network request failed', new Error('ECONNRESET')) : undefined),
      db,
    );
    const { message, data } = await cardAndSave(h);
    await h.deliver(h.pressUpdate(message, data));
    expect(countRows(db, 'loans')).toBe(1);
    expect(h.take()).toHaveLength(1);
  });

  it('an answer that hangs does not hold up the action: the reply is sent before it returns', async () => {
    const db = openDatabase(':memory:');
    let release: () => void = () => {};
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const h = harness(async (call) => {
      if (call.method === 'answerCallbackQuery') await hanging;
      return undefined;
    }, db);
    const { message, data } = await cardAndSave(h);
    const delivered = h.deliver(h.pressUpdate(message, data));
    await until(() => h.sends().length === 2);
    expect(countRows(db, 'loans')).toBe(1);
    release();
    await delivered;
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('Saved "car loan"')]);
  });

  it('in a group, a refused answer still points to a private chat', async () => {
    const group: Chat.GroupChat = { id: -100200300, type: 'group', title: 'Family' };
    const h = harness((call) => (call.method === 'answerCallbackQuery' ? refused(400, 'Bad Request: query is too old') : undefined));
    const message = { message_id: 1, date: 1795000000, chat: group, text: 'card' } as Message;
    await h.deliver(h.pressUpdate(message, 'language:zh-Hans'));
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('private chat')]);
  });
});

/** Lets the handler's calls run until `done` holds (microtasks and I/O callbacks, no wall-clock sleep of a fixed length). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}
