import { z } from 'zod';
import { buttonType, id, literal, oneOf, onPress, replacingPressed, text } from '../src/core/buttons.ts';
import { beginForm, closeForm, defineForm, readForm } from '../src/core/forms.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import {
  parseReminderSetting,
  REMINDER_SETTING_FIELDS,
  TIME_ZONE_CHOICES,
  type ReminderSettingField,
} from '../src/parse/reminder-settings.ts';
import type { ParseError } from '../src/parse/result.ts';
import { timeZoneLabel } from '../src/parse/time-zone.ts';
import type { ReminderSettingsUpdate } from '../src/services/reminder-settings.ts';
import { pairs } from './shared/button-rows.ts';

/*
 * /settings: reminders in the borrower's own time zone, at their time, never at night. Buttons
 * first; every value can also be typed (a quick form, so it never disturbs a loan being entered).
 * A bad value is explained and the setting stays as it was.
 */

const SETTINGS = defineForm({ name: 'settings', size: 'quick', takesText: true, schema: z.object({}) });
type Field = ReminderSettingField;

const CHOICES: Record<Field, string[]> = {
  timeZone: TIME_ZONE_CHOICES,
  reminderTime: ['08:00', '09:00', '12:00', '19:00'],
  daysBefore: ['3,1,0', '7,3,1,0', '1,0'],
  overdueDays: ['1,3,7', '1,2,3,5,7', '1'],
  quietHours: ['21:00-08:00', '22:00-07:00', '23:00-09:00'],
};

const fieldButton = buttonType<{ action: 'field'; field: Field }>('settings', {
  action: literal('field'),
  field: oneOf(REMINDER_SETTING_FIELDS),
});
const setButton = buttonType<{ action: 'set'; field: Field; value: string }>('settings', {
  action: literal('set'),
  field: oneOf(REMINDER_SETTING_FIELDS),
  value: text,
});
const toggleButton = buttonType<{ action: 'pause' | 'stop' | 'loans' }>('settings', { action: oneOf(['pause', 'stop', 'loans'] as const) });
const loanButton = buttonType<{ action: 'loan'; loanId: number }>('settings', { action: literal('loan'), loanId: id });

function summary(ctx: CommandContext): Reply[] {
  const settings = ctx.services.settings.get();
  if (!settings) return [];
  const days = (list: number[]) => list.join(ctx.t('list-separator'));
  const lines = [
    ctx.t('settings-title'),
    ctx.t('settings-timezone', { zone: timeZoneLabel(settings.timeZone) }),
    ctx.t('settings-time', { time: settings.reminderTime }),
    ctx.t('settings-before', { days: days(settings.daysBefore) }),
    ctx.t('settings-overdue', {
      // One day is passed as a number so the English plural can choose "after 1 day".
      days: settings.overdueDays.length === 1 ? (settings.overdueDays[0] as number) : days(settings.overdueDays),
      weekly: settings.overdueWeekly ? 'yes' : 'no',
      stop: settings.overdueStopAfterDays ?? 0,
    }),
    ctx.t('settings-quiet', { start: settings.quietStart, end: settings.quietEnd }),
    ctx.t(settings.remindersPaused ? 'settings-paused' : 'settings-active'),
  ];
  const paused = ctx.services.loans.list().filter(({ loan }) => loan.remindersPaused);
  if (paused.length > 0) {
    lines.push(ctx.t('settings-paused-loans', { names: paused.map(({ loan }) => loan.name).join(ctx.t('list-separator')) }));
  }
  const field = (key: string, name: Field) => fieldButton.make(ctx.t(key), { action: 'field', field: name });
  const toggle = (key: string, action: 'pause' | 'stop' | 'loans') => toggleButton.make(ctx.t(key), { action });
  return [
    {
      text: lines.join('\n'),
      buttons: [
        [field('settings-button-timezone', 'timeZone'), field('settings-button-time', 'reminderTime')],
        [field('settings-button-before', 'daysBefore'), field('settings-button-overdue', 'overdueDays')],
        [
          field('settings-button-quiet', 'quietHours'),
          toggle(settings.remindersPaused ? 'settings-button-resume' : 'settings-button-pause', 'pause'),
        ],
        [
          toggle('settings-button-loans', 'loans'),
          toggle(settings.overdueStopAfterDays === null ? 'settings-button-stop-90' : 'settings-button-no-stop', 'stop'),
        ],
      ],
    },
  ];
}

function question(ctx: CommandContext, field: Field): Reply[] {
  const buttons = CHOICES[field].map((value) => setButton.make(value, { action: 'set', field, value }));
  return [{ text: ctx.t(`settings-ask-${field}`), buttons: pairs(buttons) }];
}

/**
 * Asks for a value in a quick form, unless another quick form is open in front (a payment or a
 * deletion being confirmed): a settings button, maybe from an old message, must not silently
 * discard it, so the borrower is told to finish or /cancel it first. A settings form asking for
 * another field is simply replaced.
 */
function ask(ctx: CommandContext, field: Field): Reply[] {
  const open = ctx.services.forms.find('quick');
  if (open && open.form !== SETTINGS.name) {
    const form = ctx.t(`form-name-${open.form}`);
    return [{ text: ctx.t('form-in-the-way', { form }) }];
  }
  beginForm(ctx, SETTINGS, field, {});
  return question(ctx, field);
}

/** Which message explains a value the rules refuse, per field. */
const NOT_ALLOWED: Record<Field, ParseError> = {
  timeZone: 'timezone-unknown',
  reminderTime: 'time-not-understood',
  daysBefore: 'days-not-understood',
  overdueDays: 'days-not-understood',
  quietHours: 'quiet-hours-not-understood',
};

/** Saves only a complete, valid set of settings, then moves every reminder to the new rules. */
function save(ctx: CommandContext, field: Field, value: string): Reply[] {
  const parsed = parseReminderSetting(field, value);
  if (!parsed.ok) return [{ text: ctx.t(`error-${parsed.error}`) }, ...ask(ctx, field)];
  const result = ctx.services.settings.change(parsed.value, ctx.now);
  if (!result.ok) {
    const text =
      result.reason === 'time-in-quiet-hours'
        ? ctx.t('settings-error-time-in-quiet', { start: result.quietStart, end: result.quietEnd })
        : ctx.t(`error-${NOT_ALLOWED[field]}`);
    return [{ text }, ...ask(ctx, field)];
  }
  const form = readForm(ctx, SETTINGS);
  if (form) closeForm(ctx, form);
  return [{ text: ctx.t('settings-saved') }, ...summary(ctx)];
}

function change(ctx: CommandContext, update: ReminderSettingsUpdate): Reply[] {
  ctx.services.settings.change(update, ctx.now);
  return summary(ctx);
}

function loanButtons(ctx: CommandContext): Reply[] {
  const loans = ctx.services.loans.list();
  if (loans.length === 0) return [{ text: ctx.t('loans-empty') }];
  return [
    {
      text: ctx.t('settings-ask-loans'),
      buttons: loans.map(({ loan }) => [
        loanButton.make(`${loan.remindersPaused ? '🔕' : '🔔'} ${loan.name}`, { action: 'loan', loanId: loan.id }),
      ]),
    },
  ];
}

export const settingsCommand: Command = {
  name: SETTINGS.name,
  descriptionKey: 'command-settings',
  form: SETTINGS,
  run: summary,
  onFormInput(ctx, typed) {
    const form = readForm(ctx, SETTINGS);
    const field = REMINDER_SETTING_FIELDS.find((name) => name === form?.step);
    if (!field) return [{ text: ctx.t('error-not-understood') }];
    return save(ctx, field, typed);
  },
  buttons: [
    onPress(fieldButton, (ctx, { field }) => ask(ctx, field)),
    onPress(setButton, (ctx, { field, value }) => save(ctx, field, value)),
    onPress(toggleButton, (ctx, { action }) => {
      const settings = ctx.services.settings.get();
      if (!settings) return undefined;
      // A toggle's answer (the card again, or the loans' list) replaces the card pressed.
      if (action === 'pause') return replacingPressed(change(ctx, { remindersPaused: !settings.remindersPaused }));
      // Follow-ups stop 90 days after the due date unless the borrower asks for them until paid.
      if (action === 'stop')
        return replacingPressed(change(ctx, { overdueStopAfterDays: settings.overdueStopAfterDays === null ? 90 : null }));
      return replacingPressed(loanButtons(ctx));
    }),
    onPress(loanButton, (ctx, { loanId }) => {
      const loan = ctx.services.loans.overview(loanId)?.loan;
      if (!loan) return undefined;
      ctx.services.loans.setReminders(loan.id, !loan.remindersPaused, ctx.now);
      return replacingPressed(loanButtons(ctx));
    }),
  ],
  currentQuestion(ctx) {
    const field = REMINDER_SETTING_FIELDS.find((name) => name === readForm(ctx, SETTINGS)?.step);
    return field ? [{ text: ctx.t(`settings-ask-${field}`) }] : [];
  },
};
