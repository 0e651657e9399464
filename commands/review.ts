import { z } from 'zod';
import { oneOf, onPress } from '../src/core/buttons.ts';
import { beginForm, closeForm, defineForm, finishForm, formButton, formOfButton, readForm, type OpenForm } from '../src/core/forms.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { localeOf } from '../src/i18n/locales.ts';
import type { AppliedOutcome } from '../src/services/hardship-apply.ts';
import type { Decision, RequestView } from '../src/services/hardship-review.ts';
import type { Notice } from '../src/services/hardship.ts';
import { voiceOf, type HardshipSettings } from './shared/hardship-settings.ts';
import { dateOfInstant, decisionText, type Voice } from './shared/hardship-text.ts';
import { queueOpenButton, requestButton, reviewButton } from './shared/review-buttons.ts';
import { decisionButtons, requestDetailLines } from './shared/review-notice.ts';

/*
 * Operators decide requests from the buttons under a notice (or from /queue): Approve, Reject,
 * Ask for more. Each asks for a note first (typed in a private chat, or `/note …` in the team's
 * group, where the bot reads only commands), in a quick form of the operator's own, so two
 * operators can be writing notes at the same time. The decision itself is the services' and
 * happens once (src/services/hardship-review.ts): whoever comes second is told who decided.
 */

const REVIEW = defineForm({
  name: 'review',
  size: 'quick',
  takesText: true,
  schema: z.object({ requestId: z.number().int().positive(), decision: z.enum(['approve', 'reject', 'ask']) }),
});
type ReviewDraft = z.infer<typeof REVIEW.schema>;

const noteButton = formButton<{ answer: 'no-note' | 'cancel' }>(REVIEW, { answer: oneOf(['no-note', 'cancel'] as const) });

/** The longest note: a paragraph is what a borrower reads on a phone. */
const MAX_NOTE = 800;

function operatorVoice(ctx: CommandContext): Voice {
  return { locale: ctx.locale, t: ctx.t };
}

/** "Already decided: approved by 123 on 2026-12-02." for whoever comes second. */
function alreadyDecided(ctx: CommandContext, view: RequestView): Reply[] {
  const { request } = view;
  if (request.status === 'withdrawn') return [{ text: ctx.t('review-withdrawn', { id: request.id }) }];
  return [
    {
      text: ctx.t('review-already-decided', {
        id: request.id,
        status: ctx.t(`hardship-status-${request.status}`),
        operator: request.decidedBy ?? '—',
        date: request.decidedAt ? dateOfInstant(request.decidedAt, ctx.user.timeZone) : '—',
      }),
    },
  ];
}

export function reviewCommands(settings: HardshipSettings): Command[] {
  /** What a decision sends: the borrower, in their language; the other operator chats, in the operators'. */
  const noticesFor =
    (ctx: CommandContext, decision: Decision, note: string) =>
    (view: RequestView, outcome: AppliedOutcome | undefined): Notice[] => {
      const { request, borrower } = view;
      const borrowerVoice = voiceOf(settings, localeOf(borrower?.language, borrower?.telegramLanguage, settings.operatorLocale));
      const step = decision === 'ask' ? `ask-${view.notes.length}` : request.status;
      const toBorrower: Notice = {
        chatId: request.userId,
        userId: request.userId,
        message: {
          text: decisionText(borrowerVoice, request, outcome, note, borrower?.timeZone ?? settings.operatorTimeZone),
          ...(decision === 'ask' && {
            buttons: [
              [
                requestButton.make(borrowerVoice.t('requests-button-answer', { id: request.id }), {
                  action: 'answer',
                  requestId: request.id,
                }),
              ],
            ],
          }),
        },
        key: `hardship:${request.id}:${step}`,
      };
      const teamVoice = voiceOf(settings, settings.operatorLocale);
      const team = settings.noticeChats
        .filter((chatId) => chatId !== ctx.chatId)
        .map((chatId) => ({
          chatId,
          message: {
            text: teamVoice.t(`review-team-${decision}`, { id: request.id, operator: ctx.user.id, note: note === '' ? '—' : note }),
          },
          key: `hardship:${request.id}:${step}:team:${chatId}`,
        }));
      return [toBorrower, ...team];
    };

  function decide(ctx: CommandContext, form: OpenForm<ReviewDraft>, note: string): Reply[] | undefined {
    const operator = ctx.operator;
    if (!operator) return undefined;
    const { requestId, decision } = form.data;
    const result = finishForm(ctx, form, () => operator.decide(requestId, decision, note, noticesFor(ctx, decision, note)));
    if (!result) return undefined;
    if (!result.ok) {
      closeForm(ctx, form);
      const view = operator.view(requestId);
      return view ? alreadyDecided(ctx, view) : [{ text: ctx.t('review-no-such-request', { id: requestId }) }];
    }
    const lines = [ctx.t(`review-done-${decision}`, { id: requestId })];
    if (result.outcome) lines.push('', decisionText(operatorVoice(ctx), result.request, result.outcome, '', ctx.user.timeZone));
    return [{ text: lines.join('\n') }];
  }

  function notePrompt(ctx: CommandContext, form: OpenForm<ReviewDraft>): Reply[] {
    const { decision, requestId } = form.data;
    const buttons = [
      ...(decision === 'ask' ? [] : [noteButton.make(ctx.t('review-button-no-note'), { formId: form.id, answer: 'no-note' })]),
      noteButton.make(ctx.t('button-cancel'), { formId: form.id, answer: 'cancel' }),
    ];
    return [{ text: ctx.t(`review-ask-note-${decision}`, { id: requestId }), buttons: [buttons] }];
  }

  function takeNote(ctx: CommandContext, typed: string): Reply[] {
    const form = readForm(ctx, REVIEW);
    if (!form) return [{ text: ctx.t('review-no-note-expected') }];
    const note = typed.trim();
    if (note === '') return notePrompt(ctx, form);
    if (note.length > MAX_NOTE) return [{ text: ctx.t('review-note-too-long', { max: MAX_NOTE }) }, ...notePrompt(ctx, form)];
    return decide(ctx, form, note) ?? [];
  }

  const review: Command = {
    name: REVIEW.name,
    descriptionKey: 'command-review',
    buttonsOnly: true,
    audience: 'operator',
    form: REVIEW,
    run: () => [],
    buttons: [
      onPress(reviewButton, (ctx, { decision, requestId }) => {
        const view = ctx.operator?.view(requestId);
        if (!view) return undefined;
        if (!['open', 'info-requested'].includes(view.request.status)) return alreadyDecided(ctx, view);
        return notePrompt(ctx, beginForm(ctx, REVIEW, 'note', { requestId, decision }));
      }),
      onPress(noteButton, (ctx, { formId, answer }) => {
        const form = formOfButton(ctx, REVIEW, formId);
        if (!form) return undefined;
        if (answer === 'cancel') {
          closeForm(ctx, form);
          return [{ text: ctx.t('review-cancelled') }];
        }
        return form.data.decision === 'ask' ? notePrompt(ctx, form) : decide(ctx, form, '');
      }),
    ],
    onFormInput: takeNote,
    currentQuestion(ctx) {
      const form = readForm(ctx, REVIEW);
      return form ? notePrompt(ctx, form) : [];
    },
  };

  const note: Command = {
    name: 'note',
    descriptionKey: 'command-note',
    audience: 'operator',
    run: (ctx, args) => takeNote(ctx, args),
  };

  const queue: Command = {
    name: 'queue',
    descriptionKey: 'command-queue',
    audience: 'operator',
    run(ctx) {
      const operator = ctx.operator;
      if (!operator) return [];
      const views = operator.queue();
      const voice = operatorVoice(ctx);
      const promises = operator.promises();
      const lines: string[] = [];
      if (views.length === 0) lines.push(ctx.t('queue-empty'));
      else lines.push(ctx.t('queue-title', { count: views.length, days: settings.slaDays }));
      for (const view of views) lines.push('', requestDetailLines(voice, view, settings, ctx.now).slice(0, 3).join('\n'));
      if (promises.length > 0) {
        lines.push('', ctx.t('queue-promises-title'));
        for (const promise of promises) {
          lines.push(
            ctx.t('queue-promise', {
              user: promise.userId,
              name: promise.loanName,
              amount: promise.amount.toFixed(2),
              date: promise.dueOn,
              status: ctx.t(`promise-status-${promise.status}`),
            }),
          );
        }
      }
      return [
        {
          text: lines.join('\n'),
          buttons: views.map((view) => [
            queueOpenButton.make(ctx.t('queue-button-open', { id: view.request.id }), { requestId: view.request.id }),
          ]),
        },
      ];
    },
    buttons: [
      onPress(queueOpenButton, (ctx, { requestId }) => {
        const view = ctx.operator?.view(requestId);
        if (!view) return undefined;
        const voice = operatorVoice(ctx);
        const undecided = ['open', 'info-requested'].includes(view.request.status);
        return [
          {
            text: requestDetailLines(voice, view, settings, ctx.now).join('\n'),
            ...(undecided && { buttons: decisionButtons(voice, requestId) }),
          },
        ];
      }),
    ],
  };

  return [review, note, queue];
}
