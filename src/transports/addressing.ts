/*
 * Which Telegram updates the bot acts on, framework-free, for both transports (grammY, Telegraf).
 */

/** A message entity as both frameworks deliver it. */
export interface MessageEntityLike {
  type: string;
  offset: number;
  length: number;
}

/**
 * Whether a message is a command and whose: 'ours' for `/start` or `/start@ourbot`, 'other' for
 * `/start@OtherBot` (in a group several bots read the same commands, and Telegram delivers a
 * command addressed to another one to us too), undefined when the message does not start with a
 * command ("see /help" is chatter).
 */
export function commandAddressee(
  text: string | undefined,
  entities: readonly MessageEntityLike[] | undefined,
  botUsername: string | undefined,
): 'ours' | 'other' | undefined {
  const command = entities?.find((entity) => entity.type === 'bot_command' && entity.offset === 0);
  if (!command || text === undefined) return undefined;
  const mention = text.slice(0, command.length).split('@')[1];
  if (mention === undefined || mention === '') return 'ours';
  return botUsername !== undefined && mention.toLowerCase() === botUsername.toLowerCase() ? 'ours' : 'other';
}

/** What a message without text carries, for the log line ("sticker", "photo" …). */
const CONTENT_KINDS = [
  'sticker',
  'photo',
  'video',
  'animation',
  'voice',
  'audio',
  'video_note',
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
  'story',
  'game',
  'invoice',
] as const;

export function messageKind(message: object): string {
  return CONTENT_KINDS.find((kind) => kind in message) ?? 'other';
}

/** The kind of an update, for the log line of one the bot does not act on ("edited_message", "channel_post" …). */
export function updateKind(update: object): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}
