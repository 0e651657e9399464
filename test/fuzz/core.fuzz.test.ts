import fc from 'fast-check';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { IncomingDocument, OutgoingMessage } from '../../src/core/types.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { readLocaleSource } from '../../src/i18n/translator.ts';
import { collectingSender } from '../../src/reminders/pass.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';

/*
 * Issue 13, point 9: the core driven as hostile users would drive it. Four borrowers (en, zh-CN,
 * zh-TW and one whose Telegram language changes from message to message) and an operator send
 * random commands from the real command list with random and edge arguments, answer forms with
 * edge values, press buttons — their own and ones taken from another user's replies, replayed or
 * forged —, send documents (their own export, broken ones) and move the clock, which runs the
 * reminder pass. After every step:
 * - nothing escapes: no handler error is logged, no "something went wrong" apology;
 * - every message (replies, reminders, messages to other chats) is a non-empty text with no
 *   unresolved Fluent placeholder and is not a bare message id; button labels too;
 * - no borrower's message, button or file holds another user's loan names (each user's names carry
 *   a marker of their own: "Ua1x" is user 1's, "Ub1x" user 2's …);
 * - every money column holds a plain decimal string (no exponent, no "NaN", no thousands separator);
 * and at the end of each run SQLite's integrity_check is ok and foreign_key_check is empty.
 *
 * A fixed seed: CI replays the same few thousand steps every time. FUZZ_SEED and FUZZ_RUNS explore
 * further by hand (e.g. FUZZ_SEED=7 FUZZ_RUNS=200 npx vitest run test/fuzz).
 */

const SEED = Number(process.env.FUZZ_SEED ?? process.env.FC_SEED ?? 20_261_203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const STEPS = Number(process.env.FUZZ_STEPS ?? 250);

const OPERATOR = 9;
const BORROWERS = [1, 2, 3, 4] as const;
const LANGS = ['en', 'zh-CN', 'zh-TW'] as const;
/** User 4's Telegram language changes from message to message (-1); the others keep theirs. */
const LANG_OF: Record<number, number> = { 1: 0, 2: 1, 3: 2, 4: -1, [OPERATOR]: 0 };
const LETTER: Record<number, string> = { 1: 'a', 2: 'b', 3: 'c', 4: 'd' };
const MARKER = /U([a-d])\d+x/g;

/** User u's loan names, §0 … §6 in the generated text; each carries u's marker. */
function namesOf(user: number): string[] {
  const l = LETTER[user] ?? 'z';
  return [
    `U${l}1x`,
    `车贷U${l}2x`,
    `🚗U${l}3x👨‍👩‍👧‍👦`,
    `U${l}4x${'长'.repeat(196)}`,
    `U${l}5x-bnpl`,
    `U${l}6x car loan`,
    `U${l}7x 信用卡`,
  ];
}

// ——— the vocabulary ———

const AMOUNTS = [
  '1e4',
  '10 000',
  '-5',
  '12.000',
  '0',
  '0.001',
  '0.01',
  '1',
  '500',
  '888.49',
  '10000',
  '12,000',
  '10,000.00',
  '¥600',
  '￥1,200.50',
  '3.5万',
  '一千',
  '１０００',
  '99999999999999999999',
  '1e12',
  '1e-8',
  '1e400',
  'NaN',
  'Infinity',
  '0x10',
  '.5',
  '5.',
  '1_000',
  '😀',
  '2 000,50',
  '100000000',
];
const DATES = [
  '2027-01-15',
  '2026-11-20',
  '2026-11-21',
  '2026-12-10',
  '2027-02-30',
  '2026-13-01',
  '9999-12-31',
  '0001-01-01',
  '2027年1月15日',
  '1月15日',
  '明天',
  '昨天',
  '后天',
  '下个月15号',
  '每月15号',
  '每月31号',
  'tomorrow',
  'yesterday',
  'today',
  '31/12/2026',
  '15/02/2027',
  'Feb 15',
  'the 31st',
  '2027-1-5',
];
const RATES = [
  '12%',
  '0.6%',
  '0%',
  '36%',
  '100%',
  '-1%',
  '1e-8%',
  '0.00000001%',
  '年利率12%',
  '月费率0.6%',
  '日利率0.05%',
  '年化18%',
  '月息1%',
  '总费率8.8%',
  '1000%',
];
const PERIODS = ['12 months', '12期', '3 months', '1 month', '0 months', '360 months', '-1 months', '1000期', '6期', '24 months'];
const METHODS = [
  'annuity',
  'equal principal',
  'monthly fee',
  'interest only',
  'bullet',
  '等额本息',
  '等额本金',
  '先息后本',
  '一次性还本付息',
];
const WORDS = [
  'yes',
  'no',
  'skip',
  '跳过',
  '是',
  'ok',
  'FORGET',
  '删除',
  '刪除',
  'forget',
  'car',
  'phone',
  'UTC+8',
  'Asia/Shanghai',
  'America/New_York',
  '北京时间',
  '伦敦',
  'Mars/Olympus',
  '09:00',
  '25:61',
  '21:00-08:00',
  '3, 1, 0',
  '1,3,7',
  '-1',
  'I lost my job',
  '我失业了，收入减少',
  'what if I pay late',
  '逾期会上征信吗',
  '还款日過了兩天還來得及嗎',
  'tell me a joke',
  'principal, interest, fees, penalty, late fee',
  '本金、利息、手续费、罚息、滞纳金',
  'avalanche',
  'snowball',
  'min 1000',
  'licensed',
  'loan shark',
  '',
  ' ',
  '\u200b',
  '\u202eevil',
  '👨‍👩‍👧‍👦'.repeat(30),
  '🏳️‍🌈'.repeat(100),
  'x'.repeat(1001),
  '长'.repeat(300),
  '/',
  '/ paid',
  '/PAID 500',
  '/paid@repaybot 500',
  '/frobnicate',
  'null',
  'undefined',
  '<b>bold</b>',
  '\\n',
  "'; DROP TABLE loans; --",
];

/** Random text that cannot look like another user's marker or a Fluent placeholder by itself. */
const noise = fc
  .string({
    unit: fc.constantFrom('a', 'Z', '1', '0', '.', ',', '-', ' ', '%', '¥', '年', '月', '日', '期', '😀', '\u0301', '\n', ':', '/'),
    maxLength: 40,
  })
  .filter((s) => !s.includes('{'));

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
/** §k: the acting user's kth loan name, filled in when the step runs. */
const name = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }).map((k) => `§${k}`) },
  { weight: 1, arbitrary: pick(['car', 'x', '1', '']) },
);
const amount = pick(AMOUNTS);
const date = pick(DATES);
const value = fc.oneof(amount, date, pick(RATES), pick(PERIODS), pick(METHODS), pick(WORDS), name, noise);
const loanLine = fc.oneof(
  fc
    .tuple(name, amount, pick(PERIODS), pick(RATES), pick(METHODS), date)
    .map(([n, a, p, r, m, d]) => `${n} ${a} ${p} ${r} ${m} first ${d}`),
  fc.tuple(name, amount, pick(PERIODS), pick(RATES), pick(METHODS), date).map(([n, a, p, r, m, d]) => `${n} ${a} ${p} ${r} ${m} 首期${d}`),
  fc.tuple(name, amount, pick(PERIODS), pick(RATES)).map(([n, a, p, r]) => `${n} ${a} ${p} ${r}`),
  fc.tuple(name, amount).map(([n, a]) => `我借了${n} ${a}，分12期，年化18%，每月15号还`),
);
/** A loan the bot takes, so that later steps find loans, schedules and payments to work on. */
const goodLoanLine = fc
  .tuple(
    name,
    pick(['10000', '3000', '12000', '500', '20000.50', '1e4', '10 000']),
    pick(['12 months', '6期', '3 months', '24 months']),
    pick(['12%', '0.6%', '0%', '年利率12%', '月费率0.6%', '1e-8%', '0.00000001%']),
    pick(['annuity', 'equal principal', 'monthly fee', '等额本息', 'interest only']),
    pick(['2026-12-10', '2027-01-15', '2026-11-25', '2026-10-15', '2027年1月15日', '每月15号']),
  )
  .map(([n, a, p, r, m, d]) => `${n} ${a} ${p} ${r} ${m} first ${d}`);
/** The arguments a command might get: its own shapes mostly, anything sometimes. */
function argsFor(command: string): fc.Arbitrary<string> {
  const joined = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((values) => values.filter(Boolean).join(' '));
  const optional = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { nil: '' });
  const own: Record<string, fc.Arbitrary<string>> = {
    addloan: fc.oneof(
      { weight: 3, arbitrary: goodLoanLine },
      { weight: 2, arbitrary: loanLine },
      { weight: 1, arbitrary: fc.constant('') },
    ),
    paid: joined(optional(name), optional(amount), optional(date)),
    promise: joined(optional(name), optional(date), optional(amount)),
    plan: fc.oneof(optional(amount), joined(pick(['avalanche', 'snowball']), amount)),
    cardbill: joined(amount, date, date, optional(fc.tuple(fc.constant('min'), amount).map((p) => p.join(' '))), optional(pick(RATES))),
    language: pick(['', 'en', 'zh-Hans', 'zh-Hant', 'zh-CN', 'zh-TW', 'klingon', '🏳️‍🌈'.repeat(100), 'English', '繁體中文']),
    calendar: pick(['', 'feed', 'revoke', 'x']),
    payoff: optional(name),
    schedule: optional(name),
    editloan: optional(name),
    deleteloan: optional(name),
    penalty: joined(optional(name), optional(pick(['charge', 'waive', 'carry'])), optional(amount)),
    review: optional(fc.nat(20).map(String)),
    note: joined(fc.nat(20).map(String), pick(WORDS)),
  };
  return fc.oneof(
    { weight: 4, arbitrary: own[command] ?? fc.constant('') },
    { weight: 1, arbitrary: joined(value, optional(value), optional(value)) },
  );
}

// ——— the steps ———

type Step =
  | { kind: 'say'; user: number; lang: number; text: string }
  | { kind: 'press'; user: number; lang: number; from: 'own' | 'anyone' | 'forged'; index: number; forge: number }
  | { kind: 'document'; user: number; lang: number; variant: 'own' | 'truncated' | 'newer' | 'garbage' | 'huge' }
  | { kind: 'clock'; minutes: number };

/** The real command list: what /help offers and what an operator may run. */
const COMMAND_NAMES = createTestBot().runtime.app.commands.map((command) => command.name);

const actor = fc.oneof({ weight: 10, arbitrary: pick(BORROWERS) }, { weight: 1, arbitrary: fc.constant(OPERATOR) });
const lang = fc.nat(LANGS.length - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(actor, lang, pick(COMMAND_NAMES))
      .chain(([user, l, command]) =>
        argsFor(command).map((args) => ({ kind: 'say' as const, user, lang: l, text: `/${command}${args ? ` ${args}` : ''}` })),
      ),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('say' as const), user: actor, lang, text: fc.oneof(value, loanLine) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('say' as const), user: actor, lang, text: goodLoanLine.map((line) => `/addloan ${line}`) }),
  },
  {
    weight: 7,
    arbitrary: fc.record({
      kind: fc.constant('press' as const),
      user: actor,
      lang,
      from: fc.constantFrom<'own' | 'anyone' | 'forged'>('own', 'own', 'own', 'anyone', 'forged'),
      index: fc.nat(),
      forge: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('document' as const),
      user: pick(BORROWERS),
      lang,
      variant: fc.constantFrom<'own' | 'truncated' | 'newer' | 'garbage' | 'huge'>('own', 'truncated', 'newer', 'garbage', 'huge'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('clock' as const),
      minutes: pick([1, 7, 59, 60, 9 * 60, 24 * 60, 3 * 24 * 60, 17 * 24 * 60, 31 * 24 * 60, 45 * 24 * 60]),
    }),
  },
);

// ——— the properties ———

/** Every message id of every locale: a reply equal to one is a key echoed instead of its text. */
const MESSAGE_IDS = new Set(
  LOCALES.flatMap((locale) => [...readLocaleSource(locale).matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1] as string)),
);

/** The decimal-string columns: money, and the rates stored beside it. */
const MONEY_COLUMNS: [table: string, columns: string[]][] = [
  ['loans', ['principal', 'rate_percent', 'upfront_fee', 'one_time_fee']],
  ['installments', ['principal', 'interest', 'fee', 'payment', 'paid', 'penalty_open']],
  ['payments', ['amount']],
  ['payment_allocations', ['amount', 'penalty', 'late_fee']],
  ['penalty_entries', ['amount']],
  ['payment_promises', ['amount']],
];
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

interface World {
  bot: TestBot;
  errors: string[];
  /** Button data seen in anyone's messages, with whose message it was on. */
  pool: { user: number; data: string }[];
  lastButtons: Map<number, string[]>;
  lastExport: Map<number, Uint8Array>;
  log: string[];
}

function langOf(user: number, step: { lang: number }): string {
  const fixed = LANG_OF[user] ?? 0;
  return LANGS[fixed < 0 ? step.lang : fixed] as string;
}

function fill(text: string, user: number): string {
  const names = namesOf(user);
  return text.replace(/§(\d)/g, (_, k: string) => names[Number(k)] ?? '');
}

function fail(world: World, problem: string, detail: unknown): never {
  throw new Error(`${problem}\n${JSON.stringify(detail, null, 1)}\nlast steps:\n${world.log.slice(-12).join('\n')}`);
}

function checkMessage(
  world: World,
  chatId: number,
  message: OutgoingMessage | { text: string; buttons?: OutgoingMessage['buttons'] },
): void {
  const text = message.text;
  if (typeof text !== 'string' || text.trim() === '') fail(world, 'an empty message', message);
  const strings = [text, ...(message.buttons ?? []).flat().flatMap((b) => [b.label])];
  for (const s of strings) {
    if (s.trim() === '') fail(world, 'an empty text or button label', message);
    if (s.includes('{$') || s.includes('{ $')) fail(world, 'an unresolved Fluent placeholder', message);
    if (MESSAGE_IDS.has(s.trim())) fail(world, 'a message id instead of its text', message);
  }
  for (const b of (message.buttons ?? []).flat()) {
    if (Buffer.byteLength(b.data) > 64) fail(world, 'callback data over Telegram’s 64 bytes', b);
  }
  if (/something went wrong|出了点问题|出了點問題/i.test(text))
    fail(world, 'an internal error answered', { message, logged: world.errors.map((e) => JSON.parse(e)) });
  const owner = LETTER[chatId];
  if (owner) {
    const file =
      'file' in message && message.file && message.file.kind === 'document' ? new TextDecoder().decode(message.file.content) : '';
    for (const s of [...strings, file]) {
      for (const m of s.matchAll(MARKER)) if (m[1] !== owner) fail(world, `user ${chatId} sees another user’s loan (${m[0]})`, message);
    }
  }
}

function checkErrors(world: World): void {
  if (world.errors.length > 0)
    fail(
      world,
      'an error was logged',
      world.errors.map((e) => JSON.parse(e)),
    );
}

function checkMoney(world: World): void {
  const sqlite = world.bot.db.$client;
  for (const [table, columns] of MONEY_COLUMNS) {
    for (const column of columns) {
      const bad = sqlite.prepare(`SELECT id, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as {
        id: number;
        v: unknown;
      }[];
      for (const row of bad) {
        if (typeof row.v !== 'string' || !PLAIN_DECIMAL.test(row.v)) fail(world, `${table}.${column} is not a plain decimal string`, row);
      }
    }
  }
}

function checkDatabase(world: World): void {
  const sqlite = world.bot.db.$client;
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
}

function remember(world: World, user: number, messages: OutgoingMessage[]): void {
  const withButtons = messages.filter((m) => m.buttons?.length).at(-1);
  if (withButtons)
    world.lastButtons.set(
      user,
      (withButtons.buttons ?? []).flat().map((b) => b.data),
    );
  for (const m of messages) {
    for (const b of (m.buttons ?? []).flat()) if (!world.pool.some((p) => p.data === b.data)) world.pool.push({ user, data: b.data });
    if (m.file?.filename.endsWith('.json')) world.lastExport.set(user, m.file.content);
  }
  if (world.pool.length > 400) world.pool.splice(0, world.pool.length - 400);
}

/** A button's data with one of its numbers changed, or something that only looks like a button. */
function forged(data: string | undefined, n: number): string {
  if (!data || n % 5 === 0)
    return ['paid:999999:confirm', 'x'.repeat(64), ':', '', 'deleteloan:1:delete', 'undo:1:undo', 'faq:🙂', 'language:xx'][n % 8] as string;
  let k = 0;
  return data.replace(/\d+/g, (digits) => (k++ === n % 3 ? String(Number(digits) + 1 + (n % 7)) : digits));
}

function documentFor(world: World, user: number, variant: Extract<Step, { kind: 'document' }>['variant']): IncomingDocument {
  const own = world.lastExport.get(user) ?? new TextEncoder().encode('{}');
  const text = new TextDecoder().decode(own);
  const bytes =
    variant === 'own'
      ? own
      : variant === 'truncated'
        ? own.slice(0, Math.floor(own.byteLength / 2))
        : variant === 'newer'
          ? new TextEncoder().encode(text.replace(/"(format|schema)?[vV]ersion":\s*\d+/, '"version": 999'))
          : variant === 'garbage'
            ? new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3])
            : own;
  return {
    fileName: variant === 'garbage' ? 'x.bin' : 'repaybot-export.json',
    size: variant === 'huge' ? 50 * 1024 * 1024 : bytes.byteLength,
    mime: 'application/json',
    fetch: async () => bytes,
  };
}

async function runStep(world: World, step: Step): Promise<void> {
  const { bot } = world;
  if (step.kind === 'clock') {
    bot.clock.set(new Date(bot.clock.now().getTime() + step.minutes * 60_000));
    world.log.push(`clock +${step.minutes} min → ${bot.clock.now().toISOString()}`);
    const sent: OutgoingMessage[] = [];
    await bot.runtime.reminderPass(collectingSender((m) => sent.push(m)))();
    for (const m of sent) checkMessage(world, m.chatId, m);
    return;
  }
  const { user } = step;
  const languageCode = langOf(user, step);
  let messages: OutgoingMessage[];
  if (step.kind === 'say') {
    const text = fill(step.text, user);
    world.log.push(`${user} (${languageCode}) says ${JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text)}`);
    messages = await bot.say(text, { user, lang: languageCode });
  } else if (step.kind === 'press') {
    const own = world.lastButtons.get(user) ?? [];
    const data =
      step.from === 'own'
        ? own[step.index % Math.max(own.length, 1)]
        : step.from === 'anyone'
          ? world.pool[step.index % Math.max(world.pool.length, 1)]?.data
          : forged(world.pool[step.index % Math.max(world.pool.length, 1)]?.data, step.forge);
    if (data === undefined) return;
    const owner = world.pool.find((p) => p.data === data)?.user;
    world.log.push(
      `${user} (${languageCode}) presses ${JSON.stringify(data)}${owner !== undefined && owner !== user ? ` (from user ${owner}’s message)` : ''}`,
    );
    messages = await bot.press(data, { user, lang: languageCode });
  } else {
    world.log.push(`${user} (${languageCode}) sends a document (${step.variant})`);
    messages = await bot.runtime.app.handle({ userId: user, chatId: user, languageCode, document: documentFor(world, user, step.variant) });
  }
  if (messages.length === 0) fail(world, 'no answer at all', step);
  for (const m of messages) {
    if (m.chatId !== user) fail(world, 'a reply to another chat', m);
    checkMessage(world, user, m);
  }
  remember(world, user, messages);
}

describe('the core under random use by several users (issue 13, point 9)', () => {
  it(`holds every property for ${RUNS} runs of ${STEPS} steps (seed ${SEED})`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: STEPS, maxLength: STEPS }), async (steps) => {
        const errors: string[] = [];
        const logger = pino({ level: 'error' }, { write: (line: string) => errors.push(line) });
        const bot = createTestBot({ logger, env: { OPERATOR_IDS: String(OPERATOR) } });
        const world: World = { bot, errors, pool: [], lastButtons: new Map(), lastExport: new Map(), log: [] };
        try {
          for (const step of steps) {
            await runStep(world, step);
            checkErrors(world);
            checkMoney(world);
          }
          checkDatabase(world);
          if (process.env.FUZZ_TRACE === '1') console.log(world.log.join('\n'));
          if (process.env.FUZZ_STATS === '1') {
            const count = (table: string) => (bot.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
            const tables = [
              'loans',
              'payments',
              'penalty_entries',
              'payment_promises',
              'hardship_requests',
              'hardship_notes',
              'reminder_outbox',
              'form_states',
              'calendar_feeds',
            ];
            console.log(tables.map((table) => `${table} ${count(table)}`).join(', '));
          }
        } finally {
          bot.runtime.close();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.FUZZ_SHRINK !== '1' },
    );
  });
});
