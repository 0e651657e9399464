import { asc, eq } from 'drizzle-orm';
import type { OutgoingMessage } from '../../src/core/types.ts';
import type { Db } from '../../src/db/client.ts';
import { auditLog, hardshipNotes, hardshipRequests, installments, reminderTimetable } from '../../src/db/schema.ts';
import { createTestBot, type TestBot } from './bot.ts';
import { outboxMessages } from './reminders.ts';

/*
 * Hardship requests under test: a borrower (user 1) and operators 900 and 901 (OPERATOR_IDS),
 * whose team's group is chat -100 (OPERATOR_CHAT_IDS). Messages to other chats (the operators'
 * notice, a decision for the borrower) wait in the delivery outbox; `queued` reads them.
 */

export const OPERATOR = 900;
export const OPERATOR_2 = 901;
export const TEAM_CHAT = -100;
export const HARDSHIP_ENV = { OPERATOR_IDS: `${OPERATOR},${OPERATOR_2}`, OPERATOR_CHAT_IDS: String(TEAM_CHAT) };

export interface HardshipBot extends TestBot {
  /** An operator acting in the team's group chat (-100). */
  inTeam(user: number, update: { text?: string; callbackData?: string }): Promise<OutgoingMessage[]>;
}

export function hardshipBot(options: { now: string; env?: Record<string, string>; db?: Db }): HardshipBot {
  const bot = createTestBot({
    now: new Date(options.now),
    env: { ...HARDSHIP_ENV, ...options.env },
    ...(options.db && { db: options.db }),
  });
  return Object.assign(bot, {
    inTeam: (user: number, update: { text?: string; callbackData?: string }) =>
      bot.runtime.app.handle({ userId: user, chatId: TEAM_CHAT, languageCode: 'en', ...update }),
  });
}

/** Adds a loan by its one-line card and saves it (labels in the language given). */
export async function addLoan(bot: TestBot, line: string, lang = 'en'): Promise<void> {
  await bot.say(`/addloan ${line}`, { lang });
  const save = { en: 'Save', 'zh-CN': '保存', 'zh-TW': '儲存' }[lang] ?? 'Save';
  await bot.pressLabel(save);
}

export interface Queued {
  chatId: number | null;
  key: string | null;
  text: string;
  buttons: { label: string; data: string }[][];
}

/** The message rows of the outbox (operator notices, decisions for borrowers), in queue order. */
export function queued(db: Db): Queued[] {
  return outboxMessages(db).map((row) => {
    const payload = JSON.parse(row.payload ?? '{}') as { text?: string; buttons?: Queued['buttons'] };
    return { chatId: row.chatId, key: row.dedupeKey, text: payload.text ?? '', buttons: payload.buttons ?? [] };
  });
}

export const labelsOf = (messages: { buttons?: { label: string }[][] }[]): string[] =>
  messages.flatMap((m) => m.buttons?.flat().map((b) => b.label) ?? []);

export const dataOf = (message: { buttons?: { label: string; data: string }[][] } | undefined, label: string): string => {
  const button = message?.buttons?.flat().find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}"`);
  return button.data;
};

export const auditRowsOf = (db: Db) => db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
export const requestsIn = (db: Db) => db.select().from(hardshipRequests).orderBy(asc(hardshipRequests.id)).all();
export const notesIn = (db: Db) => db.select().from(hardshipNotes).orderBy(asc(hardshipNotes.id)).all();
export const installmentsOf = (db: Db, loanId: number) =>
  db.select().from(installments).where(eq(installments.loanId, loanId)).orderBy(asc(installments.n)).all();
export const timetableOf = (db: Db) => db.select().from(reminderTimetable).all();

type Message = { text: string; buttons?: { label: string; data: string }[][]; file?: OutgoingMessage['file'] };

/** A user chatting in one language: `tap` presses a button by its label on the last message of theirs that had buttons. */
export interface Speaker {
  say(text: string): Promise<OutgoingMessage[]>;
  tap(label: string): Promise<OutgoingMessage[]>;
  labels(): string[];
}

export function speaker(bot: TestBot, options: { user?: number; lang?: string } = {}): Speaker {
  const user = options.user ?? 1;
  const lang = options.lang ?? 'en';
  let buttons: Message['buttons'] = [];
  const remember = (replies: OutgoingMessage[]) => {
    const withButtons = replies.filter((m) => m.buttons?.length).at(-1);
    if (withButtons) buttons = withButtons.buttons;
    return replies;
  };
  return {
    say: async (text) => remember(await bot.say(text, { user, lang })),
    async tap(label) {
      const button = (buttons ?? []).flat().find((b) => b.label === label);
      if (!button)
        throw new Error(
          `no button "${label}" among: ${(buttons ?? [])
            .flat()
            .map((b) => b.label)
            .join(' | ')}`,
        );
      return remember(await bot.press(button.data, { user, lang }));
    },
    labels: () => (buttons ?? []).flat().map((b) => b.label),
  };
}

export const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
/** Added 2027-01-10; on 2027-02-05 installment 1 (888.49, due 2027-01-15) is 21 days late with 9.33 of penalty. */
export const ADDED = '2027-01-10T08:00:00+08:00';
export const LATE = '2027-02-05T10:00:00+08:00';

/** A borrower with the car loan, 21 days late on its first installment. */
export async function lateBorrower(env: Record<string, string> = {}): Promise<HardshipBot> {
  const bot = hardshipBot({ now: ADDED, env });
  await addLoan(bot, CAR);
  bot.clock.set(new Date(LATE));
  return bot;
}

/**
 * Files a request in English from /hardship to Submit: the kind's button, "Lost my job", budget
 * questions skipped, then the proposal (a button label or typed text), no evidence.
 */
export async function fileRequest(
  bot: TestBot,
  kind: 'Deferral' | 'New repayment plan' | 'Penalty waiver' | 'Pause collection contact',
  proposal?: { tap: string } | { type: string },
  user = 1,
): Promise<OutgoingMessage[]> {
  const me = speaker(bot, { user });
  await me.say('/hardship');
  await me.tap(kind);
  await me.tap('Lost my job');
  for (let i = 0; i < 4; i++) await me.tap('Skip');
  if (proposal && 'tap' in proposal) await me.tap(proposal.tap);
  if (proposal && 'type' in proposal) await me.say(proposal.type);
  await me.tap('Continue');
  return me.tap('✅ Submit and share');
}

/** An operator's decision in the team's group: the button, then `/note …` (or No note). */
export async function decide(bot: HardshipBot, operator: number, decision: 'approve' | 'reject' | 'ask', requestId: number, note?: string) {
  const prompt = await bot.inTeam(operator, { callbackData: `review:${decision}:${requestId}` });
  if (note !== undefined) return bot.inTeam(operator, { text: `/note ${note}` });
  const noNote = prompt[0]?.buttons?.flat().find((b) => b.label === 'No note');
  if (!noNote) return prompt;
  return bot.inTeam(operator, { callbackData: noNote.data });
}
