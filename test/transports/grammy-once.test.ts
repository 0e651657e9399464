import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { ALICE, countRows, createHarness, newClock, nextId, START, type Harness } from './grammy-harness.ts';

/*
 * Issue 12, point 5: exactly one effect per Telegram update. After a crash Telegram delivers
 * again every update whose offset was not confirmed (the same update_id), and a client that resends
 * a message sends the same message_id in the same chat under a new update_id: neither gets a
 * second answer, and a repeated form answer never lands on the next question.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'repaybot-once-'));
  dirs.push(dir);
  return join(dir, 'bot.sqlite');
}

/** /addloan up to its installments question: name, amount, the annuity button, a 12% rate. */
async function upToInstallments(h: Harness): Promise<Update> {
  for (const text of ['/addloan', 'car', '10000']) await h.deliver(h.textUpdate(text));
  const method = h.take().find((m) => m.buttons.length > 0);
  await h.deliver(h.pressUpdate(method!.message, 'addloan:1:method:annuity'));
  expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('What is the interest rate?')]);
  const rate = h.textUpdate('12');
  await h.deliver(rate);
  expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('How many monthly installments?')]);
  return rate;
}

function openForm(db: Db): { step: string; data: string } {
  return db.$client.prepare("select step, data from form_states where form = 'addloan'").get() as { step: string; data: string };
}

describe('grammY: each update has one effect', () => {
  it('an update delivered again after a restart is not answered again and changes nothing', async () => {
    const path = fileDatabase();
    const db = openDatabase(path);
    const before = createHarness({ db, clock: newClock() });
    const rate = await upToInstallments(before);
    const form = openForm(db);
    db.$client.close();

    // kill -9 before the offset was confirmed, restart: Telegram sends the same update again.
    const reopened = openDatabase(path);
    const after = createHarness({ db: reopened, clock: newClock() });
    await after.deliver(rate);
    expect(after.calls).toEqual([]);
    expect(openForm(reopened)).toEqual(form);
    expect(after.lines.some((line) => line.msg === 'update already handled: ignored' && line.updateId === rate.update_id)).toBe(true);

    // The next real answer goes to the question that was asked.
    await after.deliver(after.textUpdate('24'));
    expect(after.take().map((m) => m.text)).toEqual([expect.stringContaining('When is the first payment due?')]);
    expect(JSON.parse(openForm(reopened).data)).toMatchObject({ periods: 24 });
    reopened.$client.close();
  });

  it('a resent message (new update_id, same chat and message_id) never answers the next form question', async () => {
    const db = openDatabase(':memory:');
    const h = createHarness({ db, clock: newClock() });
    const rate = await upToInstallments(h);
    const form = openForm(db);

    // The client sends "12" again: a new update, the same message. Without the check it would
    // quietly become 12 installments.
    await h.deliver(h.textUpdate('12', { messageId: rate.message?.message_id as number }));
    expect(h.take()).toEqual([]);
    expect(openForm(db)).toEqual(form);

    await h.deliver(h.textUpdate('36'));
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('When is the first payment due?')]);
    expect(JSON.parse(openForm(db).data)).toMatchObject({ name: 'car', periods: 36 });
  });

  it('the same text sent twice as two messages is two messages: both are answered', async () => {
    const h = createHarness({ db: openDatabase(':memory:'), clock: newClock() });
    await h.deliver(h.textUpdate('/next'));
    await h.deliver(h.textUpdate('/next'));
    expect(h.take()).toHaveLength(2);
  });

  it('the same message_id in another chat is another message', async () => {
    const h = createHarness({ db: openDatabase(':memory:'), clock: newClock() });
    const messageId = nextId();
    await h.deliver(h.textUpdate('/start', { messageId }));
    await h.deliver(h.textUpdate('/start', { messageId, from: { id: ALICE.id + 1 } }));
    expect(h.take().map((m) => m.chatId)).toEqual([ALICE.id, ALICE.id + 1]);
  });

  it('a button press delivered twice acts once; a second press of the button is its own update', async () => {
    const db = openDatabase(':memory:');
    const h = createHarness({ db, clock: newClock() });
    await h.deliver(h.textUpdate('/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15'));
    const card = h.take().find((m) => m.buttons.length > 0)!;
    const save = card.buttons.flat().find((b) => b.text === 'Save')!;
    const press = h.pressUpdate(card.message, save.data);
    await h.deliver(press);
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('Saved "car loan"')]);
    const answers = h.calls.filter((c) => c.method === 'answerCallbackQuery').length;
    await h.deliver(press);
    expect(h.take()).toEqual([]);
    expect(h.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(answers + 1);
    expect(countRows(db, 'loans')).toBe(1);
    // Pressing it again is a new update: the form's own rule answers it (the card is used up).
    await h.deliver(h.pressUpdate(card.message, save.data));
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('older message')]);
  });

  it('two deliveries of one update arriving together are handled once', async () => {
    const db = openDatabase(':memory:');
    const h = createHarness({ db, clock: newClock() });
    const update = h.textUpdate('/start');
    await Promise.all([h.deliver(update), h.deliver(update)]);
    expect(h.take()).toHaveLength(1);
  });

  it('remembers a day of updates: each new one forgets those older than 24 hours', async () => {
    const db = openDatabase(':memory:');
    const clock = newClock();
    const h = createHarness({ db, clock });
    const first = h.textUpdate('/start');
    await h.deliver(first);
    clock.set(new Date(START.getTime() + 23 * 3600_000));
    await h.deliver(h.textUpdate('/next'));
    expect(countRows(db, 'processed_updates')).toBe(2);
    clock.set(new Date(START.getTime() + 25 * 3600_000));
    await h.deliver(h.textUpdate('/next'));
    const kept = db.$client.prepare('select update_id from processed_updates order by update_id').all() as { update_id: number }[];
    expect(kept.map((row) => row.update_id)).not.toContain(first.update_id);
    expect(kept).toHaveLength(2);
  });
});

describe('grammY: in a group chat too', () => {
  it('a command delivered again gets no second "talk to me in private" note', async () => {
    const h = createHarness({ db: openDatabase(':memory:'), clock: newClock() });
    const group = { id: -100200300, type: 'group' as const, title: 'Family' };
    const update = h.textUpdate('/next', { chat: group });
    await h.deliver(update);
    await h.deliver(update);
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('private chat')]);
  });
});
