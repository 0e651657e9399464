import type { IsoDate } from '../domain/calendar.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translate } from '../i18n/translator.ts';
import type { OperatorServices, UserServices } from '../services/index.ts';

/** What a transport hands the core: one chat message or one button press, framework-free. */
export interface IncomingUpdate {
  userId: number;
  chatId: number;
  /** Telegram's language_code, used until the user picks a language with /language. */
  languageCode?: string;
  text?: string;
  callbackData?: string;
  /**
   * Telegram's update_id, and a message's message_id: an update already taken in (delivered again
   * after a crash, or the same message resent under a new update_id) has no second effect and no
   * second answer. Unset (the terminal, JSON lines): every update is new.
   */
  updateId?: number;
  messageId?: number;
  /** A file the user sent (Telegram's document; a path in JSON lines or the terminal): see IncomingDocument. */
  document?: IncomingDocument;
}

/**
 * A document the user sent, as the transport knows it before downloading: its name and size, and
 * a way to fetch its bytes only when a command wants them (so a 50 MB file is refused by its size
 * alone). `size` is undefined when the transport was not told it.
 */
export interface IncomingDocument {
  fileName: string;
  size?: number;
  mime?: string;
  fetch(): Promise<Uint8Array>;
}

export interface Button {
  label: string;
  /** At most 64 bytes: Telegram's limit for callback data. */
  data: string;
}

/**
 * A file carried by a reply: a document (CSV, JSON, ICS, PDF …) or a photo (a PNG chart).
 * The bytes travel with the reply; each transport decides how to show them (a saved file and its
 * path in the terminal, a path in JSON lines, sendDocument / sendPhoto on Telegram).
 */
export interface ReplyFile {
  kind: 'document' | 'photo';
  /** The name the recipient sees, e.g. 'schedule.ics'. */
  filename: string;
  /** MIME type, e.g. 'text/calendar' or 'image/png'. */
  mime: string;
  content: Uint8Array;
}

export interface Reply {
  /** The message text; with a file, its caption. */
  text: string;
  buttons?: Button[][];
  file?: ReplyFile;
  /**
   * Another chat to send this to (an operator chat, a borrower a decision is about). Unset: the
   * chat the update came from. A reply to another chat goes through the delivery outbox.
   */
  to?: number;
  /**
   * A button's answer that replaces the message whose button was pressed (a schedule's next page,
   * a settings card after a toggle) instead of coming as a new one. Where a message cannot be
   * edited (a file, a text over one message, the terminal, JSON lines, Telegram refusing) it is sent.
   */
  edit?: boolean;
  /**
   * A table whose columns line up only in a fixed-width font (a schedule's rows): Telegram shows
   * it as a preformatted block. The text stays plain; the terminal and JSON lines print it as is.
   */
  monospace?: boolean;
}

/** A rendered message for one chat; transports only display it. */
export interface OutgoingMessage extends Omit<Reply, 'to'> {
  chatId: number;
}

export type Audience = 'everyone' | 'operator';

/** 'long': a form filled in over many messages; 'quick': a confirmation or one value in front of it. */
export type FormSize = 'long' | 'quick';

/** One of a command's buttons and what pressing it does (made with onPress, src/core/buttons.ts). */
export interface ButtonHandler {
  command: string;
  /** What pressing this data does, if the data is this handler's button; undefined replies mean "stale". */
  match(data: string): ((ctx: CommandContext) => Reply[] | undefined | Promise<Reply[] | undefined>) | undefined;
}

export interface UserProfile {
  id: number;
  locale: Locale;
  timeZone: string;
}

/** Everything a command handler may use. Handlers import no chat framework. */
export interface CommandContext {
  user: UserProfile;
  chatId: number;
  locale: Locale;
  t: Translate;
  now: Date;
  /** The calendar date in the user's time zone at `now`. */
  today: IsoDate;
  /** Whether the user is one of the configured operators (OPERATOR_IDS). */
  isOperator: boolean;
  /** The use cases, bound to this user. */
  services: UserServices;
  /** Reviewing every borrower's requests: only for an operator (OPERATOR_IDS), checked on the acting user. */
  operator?: OperatorServices;
}

export interface Command {
  /** Without the slash, lower case: 'addloan'. */
  name: string;
  /** Locale key of the one-line description used by /help and Telegram's command menu. */
  descriptionKey: string;
  /** Only reached by its buttons (e.g. a reminder's Snooze): not typed, not listed. */
  buttonsOnly?: boolean;
  /**
   * Who may run it: everyone (the default) or only the operators (OPERATOR_IDS). /help and
   * Telegram's command menus show each audience its own commands; an operator command from
   * anyone else is answered like an unknown command.
   */
  audience?: Audience;
  run(ctx: CommandContext, args: string): Reply[] | Promise<Reply[]>;
  /** What its buttons do: button data starts with the command's name. */
  buttons?: ButtonHandler[];
  /** The form this command keeps open between messages, if any (src/core/forms.ts). */
  form?: { size: FormSize; takesText: boolean };
  /**
   * A document the user sent (at most one command takes documents: /import). Without one, a
   * document gets a short "not expected" answer.
   */
  onDocument?(ctx: CommandContext, document: IncomingDocument): Reply[] | Promise<Reply[]>;
  /** Free text while this command's form is the one in front. */
  onFormInput?(ctx: CommandContext, text: string): Reply[] | Promise<Reply[]>;
  /** How the open form of this command is named in "Back to …" ("editing car"); default: its form-name-<name> message. */
  openFormName?(ctx: CommandContext): string;
  /** The current question again, after an error outside the form or when it comes back to the front. */
  currentQuestion?(ctx: CommandContext): Reply[] | Promise<Reply[]>;
}
