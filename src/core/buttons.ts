import type { Button, ButtonHandler, CommandContext, Reply } from './types.ts';

/*
 * Buttons, typed. A button's data is `<command>:<field>:<field>…`: the command that handles it,
 * then its fields in the order they are declared. One definition (a ButtonType) both makes the
 * button and reads it back, so the two cannot drift; reading validates every field, so a forged,
 * stale or malformed button is recognised here and gets one shared answer from the core.
 */

/** Telegram's limit for callback data. */
export const MAX_BUTTON_DATA_BYTES = 64;

/** How one field is written into button data and read back; `undefined` when it is not valid. */
export interface FieldCodec<T> {
  encode(value: T): string;
  decode(text: string): T | undefined;
  /** Only trailing fields may be optional: absent from the data, `undefined` in the values. */
  optional?: boolean;
}

/** A row id: a positive whole number (ids come from the database, never 0). */
export const id: FieldCodec<number> = {
  encode: (value) => String(value),
  decode: (text) => (/^[1-9]\d{0,11}$/.test(text) ? Number(text) : undefined),
};

/** A count or page number: 0 or more. */
export const count: FieldCodec<number> = {
  encode: (value) => String(value),
  decode: (text) => (/^(0|[1-9]\d{0,8})$/.test(text) ? Number(text) : undefined),
};

/** An amount of money as shown, with two decimals ("1299.00"): kept as text, never a float. */
export const moneyText: FieldCodec<string> = {
  encode: (value) => value,
  decode: (text) => (/^\d{1,12}\.\d{2}$/.test(text) ? text : undefined),
};

/** A fixed word (an action): the button matches only when it is there. */
export function literal<L extends string>(word: L): FieldCodec<L> {
  return { encode: () => word, decode: (text) => (text === word ? word : undefined) };
}

/** One of a closed set of values. */
export function oneOf<T extends string>(values: readonly T[]): FieldCodec<T> {
  return { encode: (value) => value, decode: (text) => (values as readonly string[]).find((v) => v === text) as T | undefined };
}

/** Free text (e.g. the amount typed after /paid), percent-encoded so ':' cannot split it. */
export const text: FieldCodec<string> = {
  encode: (value) => encodeURIComponent(value),
  decode: (raw) => {
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  },
};

export function optional<T>(codec: FieldCodec<T>): FieldCodec<T | undefined> {
  return {
    optional: true,
    encode: (value) => (value === undefined ? '' : codec.encode(value)),
    decode: (raw) => codec.decode(raw),
  };
}

type Codecs<V> = { [K in keyof V]-?: FieldCodec<V[K]> };

export interface ButtonType<V> {
  /** The command whose handler reads it: the data's first segment. */
  command: string;
  /** The data for these values; throws when it would not fit Telegram's 64 bytes (a programming error). */
  data(values: V): string;
  /** Whether the data for these values fits (e.g. with a typed amount carried along). */
  fits(values: V): boolean;
  make(label: string, values: V): Button;
  /** The values, or undefined when the data is not this button's (or is malformed). */
  read(data: string): V | undefined;
}

export function buttonType<V extends object>(command: string, fields: Codecs<V>): ButtonType<V> {
  const entries = Object.entries(fields) as [keyof V & string, FieldCodec<unknown>][];
  const required = entries.filter(([, codec]) => !codec.optional).length;
  const encode = (values: V): string => {
    const parts = entries.map(([key, codec]) => codec.encode(values[key]));
    // Trailing optional fields that are absent are left out, so old short data stays valid.
    while (parts.length > required && parts.at(-1) === '') parts.pop();
    return [command, ...parts].join(':');
  };
  const fits = (values: V) => Buffer.byteLength(encode(values)) <= MAX_BUTTON_DATA_BYTES;
  return {
    command,
    fits,
    data(values) {
      const data = encode(values);
      if (Buffer.byteLength(data) > MAX_BUTTON_DATA_BYTES) throw new Error(`button data over 64 bytes: ${command}`);
      return data;
    },
    make(label, values) {
      return { label, data: this.data(values) };
    },
    read(data) {
      const [head, ...parts] = data.split(':');
      if (head !== command || parts.length < required || parts.length > entries.length) return undefined;
      const values: Record<string, unknown> = {};
      for (const [index, [key, codec]] of entries.entries()) {
        const raw = parts[index];
        if (raw === undefined) {
          values[key] = undefined;
          continue;
        }
        const value = codec.decode(raw);
        if (value === undefined) return undefined;
        values[key] = value;
      }
      return values as V;
    },
  };
}

/**
 * What a button does. `undefined` means the button no longer applies (its loan, payment or form
 * is gone, or belongs to someone else): the core gives the one shared answer.
 */
export type ButtonRun<V> = (ctx: CommandContext, values: V) => Reply[] | undefined | Promise<Reply[] | undefined>;

/** Pairs a button type with what pressing it does, keeping the two typed together. */
export function onPress<V>(type: ButtonType<V>, run: ButtonRun<V>): ButtonHandler {
  return {
    command: type.command,
    match(data) {
      const values = type.read(data);
      return values === undefined ? undefined : (ctx) => run(ctx, values);
    },
  };
}

/** What pressing this data does among a command's buttons, if one of them is this button. */
export function matchButton(handlers: readonly ButtonHandler[], data: string): ReturnType<ButtonHandler['match']> {
  for (const handler of handlers) {
    const run = handler.match(data);
    if (run) return run;
  }
  return undefined;
}

/** The answer to a press that replaces the pressed message: its first reply edits it (Reply.edit). */
export function replacingPressed(replies: Reply[]): Reply[];
export function replacingPressed(replies: Reply[] | undefined): Reply[] | undefined;
export function replacingPressed(replies: Reply[] | undefined): Reply[] | undefined {
  return replies?.map((reply, index) => (index === 0 && reply.to === undefined && !reply.file ? { ...reply, edit: true } : reply));
}
