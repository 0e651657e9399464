import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Bot, InputFile } from 'grammy';
import type { Message, Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { TELEGRAM_MAX_CAPTION, createGrammyBot, publishCommands } from '../../src/transports/grammy.ts';
import { ICS, LONG_CAPTION, OPERATOR_CHAT, PNG, fakeApp } from './fake-app.ts';
import { BOT_INFO } from './bot-info.ts';

/*
 * The grammY transport with replies that carry files, and its command menus per audience.
 * Bot API calls are recorded by an API transformer, as in grammy.test.ts; one test lets grammY
 * upload for real to a stand-in Bot API on loopback to see the bytes arrive.
 */

const ALICE = { id: 4242, is_bot: false, first_name: 'Alice', language_code: 'en' } as const;

interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A bot whose Bot API calls are recorded and answered in process, or sent for real to `apiRoot`. */
function botWithFakeApi(apiRoot?: string): { bot: Bot; calls: ApiCall[]; app: ReturnType<typeof fakeApp> } {
  const app = fakeApp();
  const bot = createGrammyBot({
    token: '123456:TEST-token-not-real-000000',
    apiRoot: apiRoot ?? 'http://127.0.0.1:9',
    app,
    logger: silentLogger(),
    botInfo: BOT_INFO,
  });
  const calls: ApiCall[] = [];
  if (apiRoot === undefined) {
    bot.api.config.use(async (_prev, method, payload) => {
      const body = (payload ?? {}) as Record<string, unknown>;
      calls.push({ method, payload: body });
      const chat = { id: Number(body.chat_id), type: 'private', first_name: 'Alice' };
      const result = method.startsWith('send') ? ({ message_id: calls.length, date: 1795000000, chat } as Message) : true;
      return { ok: true, result } as never;
    });
  }
  return { bot, calls, app };
}

let updateId = 5000;
async function sendText(bot: Bot, text: string): Promise<void> {
  updateId += 1;
  const update: Update = {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1795000000,
      chat: { id: ALICE.id, type: 'private', first_name: ALICE.first_name },
      from: ALICE,
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]?.length ?? 0 }],
    },
  };
  await bot.handleUpdate(update);
}

const keyboardOf = (call: ApiCall | undefined) =>
  (call?.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard?.map(
    (row) => row.map((b) => b.callback_data),
  );

describe('grammY transport: replies with files', () => {
  it('sends a document and a photo with their captions, the buttons under the document', async () => {
    const { bot, calls } = botWithFakeApi();
    await sendText(bot, '/export');
    expect(calls.map((c) => c.method)).toEqual(['sendDocument', 'sendPhoto']);
    const [document, photo] = calls as [ApiCall, ApiCall];
    expect(document.payload.chat_id).toBe(ALICE.id);
    expect(document.payload.caption).toBe('Your repayment calendar');
    expect(document.payload.document).toBeInstanceOf(InputFile);
    expect((document.payload.document as InputFile).filename).toBe('schedule.ics');
    expect(keyboardOf(document)).toEqual([['export:again'], ['export:done']]);
    expect(photo.payload.caption).toBe('Balance over time');
    expect((photo.payload.photo as InputFile).filename).toBe('chart.png');
    expect(photo.payload.reply_markup).toBeUndefined();
  });

  it('a text too long for a caption goes first as messages, then the file without caption and with the buttons', async () => {
    expect(LONG_CAPTION.length).toBeGreaterThan(TELEGRAM_MAX_CAPTION);
    const { bot, calls } = botWithFakeApi();
    await sendText(bot, '/long');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendDocument']);
    const [text, document] = calls as [ApiCall, ApiCall];
    expect(text.payload.text).toBe(LONG_CAPTION);
    expect(text.payload.reply_markup).toBeUndefined();
    expect(document.payload.caption).toBeUndefined();
    expect(keyboardOf(document)).toEqual([['export:again'], ['export:done']]);
  });

  it('a caption of exactly 1024 characters stays a caption', async () => {
    const { bot, calls, app } = botWithFakeApi();
    const caption = 'x'.repeat(TELEGRAM_MAX_CAPTION);
    app.handle = async (update) => [{ chatId: update.chatId, text: caption, file: PNG }];
    await sendText(bot, '/export');
    expect(calls.map((c) => c.method)).toEqual(['sendPhoto']);
    expect(calls[0]?.payload.caption).toBe(caption);
  });

  it('a text longer than one Telegram message is split as any text, and the file follows', async () => {
    const { bot, calls, app } = botWithFakeApi();
    const text = `${'a'.repeat(4000)}\n${'b'.repeat(4000)}\n${'c'.repeat(100)}`;
    app.handle = async (update) => [{ chatId: update.chatId, text, file: ICS, buttons: [[{ label: 'OK', data: 'ok' }]] }];
    await sendText(bot, '/export');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage', 'sendMessage', 'sendDocument']);
    expect(calls.slice(0, 3).map((c) => String(c.payload.text).length)).toEqual([4000, 4000, 100]);
    expect(calls.slice(0, 3).every((c) => c.payload.reply_markup === undefined)).toBe(true);
    expect(keyboardOf(calls[3])).toEqual([['ok']]);
  });

  it('a file without text is sent without a caption', async () => {
    const { bot, calls } = botWithFakeApi();
    await sendText(bot, '/bare');
    expect(calls.map((c) => c.method)).toEqual(['sendPhoto']);
    expect(calls[0]?.payload.caption).toBeUndefined();
  });

  it('a reply to another chat is sent to that chat', async () => {
    const { bot, calls } = botWithFakeApi();
    await sendText(bot, '/notify');
    expect(calls.map((c) => [c.method, c.payload.chat_id])).toEqual([
      ['sendMessage', ALICE.id],
      ['sendDocument', OPERATOR_CHAT],
    ]);
  });
});

interface Part {
  name: string;
  filename?: string;
  body: Buffer;
}

/**
 * The parts of a multipart/form-data body. grammY writes terse headers (`name="x";filename=a.ics`,
 * which Telegram accepts but undici's strict parser does not), so this reads them loosely.
 */
function multipartParts(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1] ?? '';
  const parts: Part[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    const chunk = body.subarray(start + 2, next - 2); // after the CRLF, before the CRLF of the next delimiter
    const split = chunk.indexOf('\r\n\r\n');
    const headers = chunk.subarray(0, split).toString('utf8');
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    parts.push({ name: /name="([^"]+)"/i.exec(headers)?.[1] ?? '', ...(filename && { filename }), body: chunk.subarray(split + 4) });
    at = next;
  }
  return parts;
}

/** The fields of one upload, with each attach:// reference resolved to its file part. */
function fieldsOf(parts: Part[]): Record<string, string | Part> {
  const fields: Record<string, string | Part> = {};
  for (const part of parts) {
    if (part.filename !== undefined) continue;
    const value = part.body.toString('utf8');
    const attached = value.startsWith('attach://') ? parts.find((p) => p.name === value.slice('attach://'.length)) : undefined;
    fields[part.name] = attached ?? value;
  }
  return fields;
}

describe('grammY transport: the upload Telegram receives', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('uploads the exact bytes under the file’s name, with caption and keyboard', async () => {
    const received: { method: string; fields: Record<string, string | Part> }[] = [];
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const method = request.url?.split('/').at(-1) ?? '';
        const fields = fieldsOf(multipartParts(Buffer.concat(chunks), String(request.headers['content-type'])));
        received.push({ method, fields });
        const chat = { id: Number(fields.chat_id), type: 'private', first_name: 'Alice' };
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ ok: true, result: { message_id: received.length, date: 1795000000, chat } }));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { bot } = botWithFakeApi(`http://127.0.0.1:${port}`);
    await sendText(bot, '/export');

    expect(received.map((r) => r.method)).toEqual(['sendDocument', 'sendPhoto']);
    const [document, photo] = received.map((r) => r.fields) as [Record<string, string | Part>, Record<string, string | Part>];
    expect(document.chat_id).toBe(String(ALICE.id));
    const documentFile = document.document as Part;
    expect(documentFile.filename).toBe('schedule.ics');
    expect(new Uint8Array(documentFile.body)).toEqual(ICS.content);
    expect(document.caption).toBe('Your repayment calendar');
    expect(JSON.parse(String(document.reply_markup))).toEqual({
      inline_keyboard: [[{ text: 'Export again', callback_data: 'export:again' }], [{ text: 'Done', callback_data: 'export:done' }]],
    });
    const photoFile = photo.photo as Part;
    expect(photoFile.filename).toBe('chart.png');
    expect(new Uint8Array(photoFile.body)).toEqual(PNG.content);
    expect(photo.caption).toBe('Balance over time');
  });
});

describe('publishCommands: a menu per audience', () => {
  const menus = (calls: ApiCall[]) =>
    calls
      .filter((c) => c.method === 'setMyCommands')
      .map((c) => ({
        scope: c.payload.scope,
        language: c.payload.language_code,
        commands: (c.payload.commands as { command: string; description: string }[]).map((x) => x.command),
        descriptions: (c.payload.commands as { command: string; description: string }[]).map((x) => x.description),
      }));

  it('without operator chats, everyone’s menu in English and Chinese, operator commands nowhere', async () => {
    const { bot, calls, app } = botWithFakeApi();
    await publishCommands(bot, app);
    const published = menus(calls);
    expect(published.map((m) => [m.scope, m.language])).toEqual([
      [undefined, undefined],
      [undefined, 'zh'],
    ]);
    for (const menu of published) expect(menu.commands).toEqual(['start', 'export', 'help']);
    expect(published[0]?.descriptions[1]).toBe('The whole repayment table of a loan');
    expect(published[1]?.descriptions[1]).toBe('一笔借款的完整还款计划');
  });

  it('each operator chat gets a chat-scoped menu with the operator commands, in English and Chinese', async () => {
    const { bot, calls, app } = botWithFakeApi();
    // An operator's private chat (their user id) listed twice, as OPERATOR_IDS and OPERATOR_CHAT_IDS would.
    await publishCommands(bot, app, [OPERATOR_CHAT, 777, 777]);
    const published = menus(calls);
    expect(published.map((m) => [m.scope, m.language])).toEqual([
      [undefined, undefined],
      [undefined, 'zh'],
      [{ type: 'chat', chat_id: OPERATOR_CHAT }, undefined],
      [{ type: 'chat', chat_id: OPERATOR_CHAT }, 'zh'],
      [{ type: 'chat', chat_id: 777 }, undefined],
      [{ type: 'chat', chat_id: 777 }, 'zh'],
    ]);
    const [english, chinese, ...operators] = published;
    expect(english?.commands).not.toContain('review');
    expect(chinese?.commands).not.toContain('review');
    for (const menu of operators) expect(menu.commands).toEqual(['start', 'export', 'review', 'help']);
    expect(operators[0]?.descriptions[2]).toBe('What is overdue, the penalty so far, and what happens next');
    expect(operators[1]?.descriptions[2]).toBe('逾期情况、已产生的罚息和接下来会发生什么');
    // The buttons-only command is in no menu.
    for (const menu of published) expect(menu.commands).not.toContain('snooze');
  });
});
