import type { z } from 'zod';
import { buttonType, id, type ButtonType, type FieldCodec } from './buttons.ts';
import type { CommandContext, FormSize } from './types.ts';

/*
 * The form toolkit. A form is a small state machine whose state is a database row, so a restart
 * between two answers loses nothing. Every form here is read back through its zod schema: a row
 * that no longer fits (an older release, a hand edit) is dropped rather than trusted.
 *
 * A user has at most two forms open: one long form (a loan being entered, a hardship request)
 * and one quick form in front of it (a payment to confirm, a setting to type, a deletion to
 * confirm). Quick commands work while a long form is open; typed text goes to the form in front.
 * A new quick form replaces the old one, so the old one's buttons stop working.
 */

/** A form's state: a JSON object, as stored in form_states.data. */
export type FormData = Record<string, unknown>;

export interface FormSpec<D extends FormData> {
  /** The form's name: the command that owns it, and the first segment of its buttons' data. */
  name: string;
  size: FormSize;
  schema: z.ZodType<D>;
  /** Whether typed text goes to this form while it is open; a confirmation waits for its buttons. */
  takesText: boolean;
}

export function defineForm<D extends FormData>(spec: FormSpec<D>): FormSpec<D> {
  return spec;
}

export interface OpenForm<D extends FormData> {
  id: number;
  name: string;
  step: string;
  data: D;
  /** The steps before this one, oldest first: what Back returns to. */
  history: string[];
}

/** The user's form of this kind, if it is open and still reads as this form's state. */
export function readForm<D extends FormData>(ctx: CommandContext, spec: FormSpec<D>): OpenForm<D> | undefined {
  const row = ctx.services.forms.find(spec.size);
  if (!row || row.form !== spec.name) return undefined;
  const data = spec.schema.safeParse(row.data);
  if (!data.success) {
    // Not something this form could have written: start over rather than act on it.
    ctx.services.forms.close(row.id);
    return undefined;
  }
  return { id: row.id, name: row.form, step: row.step, data: data.data, history: row.history };
}

/** Opens the form at its first step, replacing whatever form of its size was open. */
export function beginForm<D extends FormData>(ctx: CommandContext, spec: FormSpec<D>, step: string, data: D): OpenForm<D> {
  const row = ctx.services.forms.start(spec.size, spec.name, step, data, ctx.now);
  return { id: row.id, name: spec.name, step, data, history: [] };
}

/** Moves to `step` with `data`; the step left behind is remembered for Back. */
export function advanceForm<D extends FormData>(ctx: CommandContext, form: OpenForm<D>, step: string, data: D): OpenForm<D> {
  const history = step === form.step ? form.history : [...form.history, form.step];
  ctx.services.forms.update(form.id, step, data, history, ctx.now);
  return { ...form, step, data, history };
}

/**
 * The form in front (the quick one, else the long one) one step back, whatever form it is; the
 * name of that form, or undefined when it is at its first step (or none is open). /back uses it.
 */
export function backInFront(ctx: CommandContext): string | undefined {
  const row = ctx.services.forms.find('quick') ?? ctx.services.forms.find('long');
  return row && stepBack(ctx, row.id, row.data, row.history) !== undefined ? row.form : undefined;
}

function stepBack(ctx: CommandContext, formId: number, data: Record<string, unknown>, history: string[]): string | undefined {
  const previous = history.at(-1);
  if (previous !== undefined) ctx.services.forms.update(formId, previous, data, history.slice(0, -1), ctx.now);
  return previous;
}

/** Ends the form without writing anything. */
export function closeForm(ctx: CommandContext, form: OpenForm<FormData>): void {
  ctx.services.forms.close(form.id);
}

/**
 * The form's final write and its end in one transaction: a second press of the same button finds
 * the form gone and writes nothing (undefined); a refused write ({ ok: false }) keeps the form open.
 */
export function finishForm<T extends { ok: boolean }>(ctx: CommandContext, form: OpenForm<FormData>, write: () => T): T | undefined {
  return ctx.services.forms.finish(form.id, write);
}

/**
 * A button of this form: `<form>:<form id>:<fields…>`. The form id goes stale with the form, so a
 * button from an earlier form (or another user's) is recognised as such.
 */
export function formButton<V extends object>(
  spec: FormSpec<FormData>,
  fields: { [K in keyof V]-?: FieldCodec<V[K]> },
): ButtonType<{ formId: number } & V> {
  // TypeScript cannot see that spreading the two codec maps gives the codec map of the intersection.
  return buttonType<{ formId: number } & V>(spec.name, { formId: id, ...fields } as {
    [K in keyof ({ formId: number } & V)]-?: FieldCodec<({ formId: number } & V)[K]>;
  });
}

/** The form a form button belongs to, if it is the user's open form with that id. */
export function formOfButton<D extends FormData>(ctx: CommandContext, spec: FormSpec<D>, formId: number): OpenForm<D> | undefined {
  const form = readForm(ctx, spec);
  return form?.id === formId ? form : undefined;
}
