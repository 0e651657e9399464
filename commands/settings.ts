import type { Button, Command, CommandContext, Reply } from '../src/core/types.ts';
import { clearForm, findFormOf, startForm } from '../src/db/forms-repo.ts';
import { loansOfUser } from '../src/db/loans-repo.ts';
import { findUser, updateReminderSettings } from '../src/db/users-repo.ts';
import { isInQuietHours, validateReminderSettings } from '../src/domain/reminder-times.ts';
import {
  parseReminderSetting,
  REMINDER_SETTING_FIELDS,
  type ReminderSettingField,
  TIME_ZONE_CHOICES,
} from '../src/parse/reminder-settings.ts';
import type { ParseError } from '../src/parse/result.ts';
import { reminderSettingsOf } from '../src/services/reminder-settings.ts';
import { setLoanReminders } from '../src/services/loans.ts';
import { saveReminderSettings } from '../src/services/reminder-settings.ts';
import { pairs } from './shared/button-rows.ts';
import { safeDecode } from './shared/callback-data.ts';
import { formInTheWay } from './shared/form-in-the-way.ts';

/*
 * /settings: reminders in the borrower's own time zone, at their time, never at night. Buttons
 * first; every value can also be typed. A bad value is explained and the setting stays as it was.
 */

const FORM = 'settings';
const FIELDS = REMINDER_SETTING_FIELDS;
type Field = ReminderSettingField;

const ZONE_CHOICES = TIME_ZONE_CHOICES;
const TIME_CHOICES = ['08:00', '09:00', '12:00', '19:00'];
const BEFORE_CHOICES = ['3,1,0', '7,3,1,0', '1,0'];
const OVERDUE_CHOICES = ['1,3,7', '1,2,3,5,7', '1'];

function summary(ctx: CommandContext): Reply[] {
  const user = findUser(ctx.services.db, ctx.user.id);
  if (!user) return [];
  const days = (list: number[]) => list.join(ctx.t('list-separator'));
  const lines = [
    ctx.t('settings-title'),
    ctx.t('settings-timezone', { zone: user.timeZone }),
    ctx.t('settings-time', { time: user.reminderTime }),
    ctx.t('settings-before', { days: days(user.daysBefore) }),
    ctx.t('settings-overdue', {
      days: days(user.overdueDays),
      weekly: user.overdueWeekly ? 'yes' : 'no',
      stop: user.overdueStopAfterDays ?? 0,
    }),
    ctx.t('settings-quiet', { start: user.quietStart, end: user.quietEnd }),
    ctx.t(user.remindersPaused ? 'settings-paused' : 'settings-active'),
  ];
  const paused = loansOfUser(ctx.services.db, ctx.user.id).filter((loan) => loan.remindersPaused);
  if (paused.length > 0) lines.push(ctx.t('settings-paused-loans', { names: paused.map((l) => l.name).join(ctx.t('list-separator')) }));
  const b = (key: string, data: string): Button => ({ label: ctx.t(key), data: `${FORM}:${data}` });
  return [
    {
      text: lines.join('\n'),
      buttons: [
        [b('settings-button-timezone', 'field:timeZone'), b('settings-button-time', 'field:reminderTime')],
        [b('settings-button-before', 'field:daysBefore'), b('settings-button-overdue', 'field:overdueDays')],
        [
          b('settings-button-quiet', 'field:quietHours'),
          b(user.remindersPaused ? 'settings-button-resume' : 'settings-button-pause', 'pause'),
        ],
        [
          b('settings-button-loans', 'loans'),
          b(user.overdueStopAfterDays === null ? 'settings-button-stop-90' : 'settings-button-no-stop', 'stop'),
        ],
      ],
    },
  ];
}

function ask(ctx: CommandContext, field: Field): Reply[] {
  const busy = formInTheWay(ctx, FORM, true);
  if (busy) return busy;
  startForm(ctx.services.db, ctx.user.id, FORM, field, {}, ctx.now.toISOString());
  const choices: Record<Field, string[]> = {
    timeZone: ZONE_CHOICES,
    reminderTime: TIME_CHOICES,
    daysBefore: BEFORE_CHOICES,
    overdueDays: OVERDUE_CHOICES,
    quietHours: ['21:00-08:00', '22:00-07:00', '23:00-09:00'],
  };
  const buttons = choices[field].map((value) => ({ label: value, data: `${FORM}:set:${field}:${encodeURIComponent(value)}` }));
  return [{ text: ctx.t(`settings-ask-${field}`), buttons: pairs(buttons) }];
}

/** Saves only a complete, valid set of settings, then moves every reminder to the new rules. */
function save(ctx: CommandContext, field: Field, text: string): Reply[] {
  const user = findUser(ctx.services.db, ctx.user.id);
  if (!user) return [];
  const parsed = parseReminderSetting(field, text);
  if (!parsed.ok) return [{ text: ctx.t(`error-${parsed.error}`) }, ...ask(ctx, field)];
  const update = parsed.value;
  const settings = { ...reminderSettingsOf(user), ...update } as ReturnType<typeof reminderSettingsOf>;
  // A reminder time inside quiet hours would always wait for the morning after: say so instead.
  if (
    (field === 'reminderTime' || field === 'quietHours') &&
    isInQuietHours(settings.reminderTime, settings.quietStart, settings.quietEnd)
  ) {
    return [{ text: ctx.t('settings-error-time-in-quiet', { start: settings.quietStart, end: settings.quietEnd }) }, ...ask(ctx, field)];
  }
  const problems = validateReminderSettings(settings);
  if (problems.length > 0) {
    const error: ParseError =
      field === 'quietHours' ? 'quiet-hours-not-understood' : field === 'timeZone' ? 'timezone-unknown' : 'days-not-understood';
    return [{ text: ctx.t(`error-${error}`) }, ...ask(ctx, field)];
  }
  saveReminderSettings(ctx.services.db, ctx.user.id, update, ctx.now);
  clearForm(ctx.services.db, ctx.user.id);
  return [{ text: ctx.t('settings-saved') }, ...summary(ctx)];
}

function loanButtons(ctx: CommandContext): Reply[] {
  const loans = loansOfUser(ctx.services.db, ctx.user.id);
  if (loans.length === 0) return [{ text: ctx.t('loans-empty') }];
  return [
    {
      text: ctx.t('settings-ask-loans'),
      buttons: loans.map((loan) => [{ label: `${loan.remindersPaused ? '🔕' : '🔔'} ${loan.name}`, data: `${FORM}:loan:${loan.id}` }]),
    },
  ];
}

function openForm(ctx: CommandContext) {
  return findFormOf(ctx.services.db, ctx.user.id, FORM);
}

export const settingsCommand: Command = {
  name: FORM,
  descriptionKey: 'command-settings',
  run: summary,
  onFormInput(ctx, text) {
    const form = openForm(ctx);
    if (!form || !(FIELDS as readonly string[]).includes(form.step)) return [{ text: ctx.t('error-not-understood') }];
    return save(ctx, form.step as Field, text);
  },
  onCallback(ctx, [action = '', first = '', second = '']) {
    const user = findUser(ctx.services.db, ctx.user.id);
    if (!user) return [];
    switch (action) {
      case 'field':
        return (FIELDS as readonly string[]).includes(first) ? ask(ctx, first as Field) : [{ text: ctx.t('error-stale-button') }];
      case 'set': {
        const value = safeDecode(second);
        return (FIELDS as readonly string[]).includes(first) && value !== undefined
          ? save(ctx, first as Field, value)
          : [{ text: ctx.t('error-stale-button') }];
      }
      case 'pause':
        updateReminderSettings(ctx.services.db, ctx.user.id, { remindersPaused: !user.remindersPaused });
        return summary(ctx);
      case 'stop':
        // Follow-ups stop 90 days after the due date unless the borrower asks for them until paid.
        saveReminderSettings(
          ctx.services.db,
          ctx.user.id,
          { overdueStopAfterDays: user.overdueStopAfterDays === null ? 90 : null },
          ctx.now,
        );
        return summary(ctx);
      case 'loans':
        return loanButtons(ctx);
      case 'loan': {
        const loan = loansOfUser(ctx.services.db, ctx.user.id).find((l) => l.id === Number(first));
        if (!loan) return [{ text: ctx.t('error-stale-button') }];
        setLoanReminders(ctx.services.db, ctx.user.id, loan.id, !loan.remindersPaused, ctx.now);
        return loanButtons(ctx);
      }
      default:
        return [{ text: ctx.t('error-stale-button') }];
    }
  },
  currentQuestion(ctx) {
    const form = openForm(ctx);
    return form && (FIELDS as readonly string[]).includes(form.step) ? [{ text: ctx.t(`settings-ask-${form.step}`) }] : [];
  },
};
