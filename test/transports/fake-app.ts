import type { App } from '../../src/core/app.ts';
import type { Command, IncomingUpdate, OutgoingMessage, ReplyFile } from '../../src/core/types.ts';
import { Translator } from '../../src/i18n/translator.ts';

/*
 * A stand-in for the core, for the transports' own tests: it answers a few fixed texts with
 * replies a real command may give (files, buttons, a message to another chat), so each test sees
 * exactly what a transport makes of them.
 */

/** A calendar file, with bytes that are not valid UTF-8 so any re-encoding would show. */
export const ICS: ReplyFile = {
  kind: 'document',
  filename: 'schedule.ics',
  mime: 'text/calendar',
  content: new Uint8Array([...new TextEncoder().encode('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), 0xff, 0x00, 0xfe]),
};

/** The first bytes of a PNG and a few more. */
export const PNG: ReplyFile = {
  kind: 'photo',
  filename: 'chart.png',
  mime: 'image/png',
  content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
};

export const BUTTONS = [[{ label: 'Export again', data: 'export:again' }], [{ label: 'Done', data: 'export:done' }]];

/** The operator chat the fake core's "/notify" writes to. */
export const OPERATOR_CHAT = -100555;

export const LONG_CAPTION = `${'Line of the schedule.\n'.repeat(60)}The end.`;

const noop = async () => [];

export const COMMANDS: Command[] = [
  { name: 'start', descriptionKey: 'command-start', run: noop },
  { name: 'export', descriptionKey: 'command-schedule', run: noop },
  { name: 'snooze', descriptionKey: 'command-next', buttonsOnly: true, run: noop },
  { name: 'review', descriptionKey: 'command-status', audience: 'operator', run: noop },
  { name: 'help', descriptionKey: 'command-help', audience: 'everyone', run: noop },
];

/** What the fake core answers: '/export' gives a document with buttons and a photo. */
export function replies(update: IncomingUpdate): OutgoingMessage[] {
  const chatId = update.chatId;
  switch (update.text ?? update.callbackData) {
    case '/export':
      return [
        { chatId, text: 'Your repayment calendar', file: ICS, buttons: BUTTONS },
        { chatId, text: 'Balance over time', file: PNG },
      ];
    case '/long':
      return [{ chatId, text: LONG_CAPTION, file: ICS, buttons: BUTTONS }];
    case '/bare':
      return [{ chatId, text: '', file: PNG }];
    case '/twice':
      return [
        { chatId, text: 'one', file: ICS },
        { chatId, text: 'two', file: ICS },
      ];
    case '/notify':
      return [
        { chatId, text: 'Sent to the team.' },
        { chatId: OPERATOR_CHAT, text: 'A request to review', file: ICS },
      ];
    default:
      return [{ chatId, text: `echo ${update.text ?? update.callbackData}` }];
  }
}

export function fakeApp(): App & { updates: IncomingUpdate[] } {
  const updates: IncomingUpdate[] = [];
  return {
    updates,
    commands: COMMANDS,
    translator: new Translator({ strict: true }),
    async handle(update) {
      updates.push(update);
      return replies(update);
    },
  };
}
