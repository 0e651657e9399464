import { z } from 'zod';
import { onPress } from '../src/core/buttons.ts';
import { beginForm, closeForm, defineForm, finishForm, readForm } from '../src/core/forms.ts';
import type { Button, Command, CommandContext, Reply } from '../src/core/types.ts';
import type { HardshipRequestRow } from '../src/services/hardship.ts';
import { readProposal } from '../src/services/hardship-shapes.ts';
import { voiceOf, type HardshipSettings } from './shared/hardship-settings.ts';
import { dateOfInstant, day, proposalText, statusText, type Voice } from './shared/hardship-text.ts';
import { requestButton } from './shared/review-buttons.ts';
import { operatorNotice } from './shared/review-notice.ts';

/*
 * /requests: the borrower's hardship requests with their status, newest first. An undecided one
 * can be withdrawn; one where the operator asked for more has an Answer button, and the next
 * message the borrower types is their answer, attached to the request and sent to the operators.
 */

const ANSWER = defineForm({
  name: 'requests',
  size: 'quick',
  takesText: true,
  schema: z.object({ requestId: z.number().int().positive() }),
});

const MAX_ANSWER = 1000;
const UNDECIDED = ['open', 'info-requested'];

export function requestsCommand(settings: HardshipSettings): Command {
  const voice = (ctx: CommandContext): Voice => ({ locale: ctx.locale, t: ctx.t });

  function line(ctx: CommandContext, request: HardshipRequestRow): string {
    return ctx.t('requests-item', {
      id: request.id,
      request: proposalText(voice(ctx), readProposal(request.proposal)),
      status: statusText(voice(ctx), request),
      date: day(voice(ctx), dateOfInstant(request.submittedAt, ctx.user.timeZone)),
    });
  }

  function list(ctx: CommandContext): Reply[] {
    const requests = ctx.services.hardship.list();
    if (requests.length === 0) return [{ text: ctx.t('requests-empty') }];
    const lines = [ctx.t('requests-title')];
    const buttons: Button[][] = [];
    for (const request of requests) {
      lines.push(line(ctx, request));
      if (request.status === 'info-requested') {
        const question = ctx.services.hardship
          .get(request.id)
          ?.notes.filter((note) => note.role === 'operator')
          .at(-1);
        if (question) lines.push(ctx.t('requests-question', { text: question.text }));
        buttons.push([
          requestButton.make(ctx.t('requests-button-answer', { id: request.id }), { action: 'answer', requestId: request.id }),
        ]);
      }
      if (UNDECIDED.includes(request.status)) {
        buttons.push([
          requestButton.make(ctx.t('requests-button-withdraw', { id: request.id }), { action: 'withdraw', requestId: request.id }),
        ]);
      }
    }
    return [{ text: lines.join('\n'), ...(buttons.length > 0 && { buttons }) }];
  }

  /** Operators hear of a withdrawal or an answer with the request's details. */
  const toOperators = (ctx: CommandContext, step: string) => (view: Parameters<typeof operatorNotice>[1]) =>
    settings.noticeChats.map((chatId) => {
      const notice = operatorNotice(voiceOf(settings, settings.operatorLocale), view, settings, ctx.now);
      const lead = voiceOf(settings, settings.operatorLocale).t(`review-borrower-${step}`, { id: view.request.id });
      return {
        chatId,
        message: { ...notice, text: `${lead}\n\n${notice.text}`, ...(step === 'withdrew' && { buttons: [] }) },
        key: `hardship:${view.request.id}:${step}-${view.notes.length}:${chatId}`,
      };
    });

  function answer(ctx: CommandContext, text: string): Reply[] {
    const form = readForm(ctx, ANSWER);
    if (!form) return [];
    const typed = text.trim();
    if (typed === '') return [{ text: ctx.t('requests-ask-answer', { id: form.data.requestId }) }];
    if (typed.length > MAX_ANSWER) return [{ text: ctx.t('requests-answer-too-long', { max: MAX_ANSWER }) }];
    const result = finishForm(ctx, form, () => ctx.services.hardship.answer(form.data.requestId, typed, toOperators(ctx, 'answered')));
    if (!result) return [];
    if (!result.ok) {
      closeForm(ctx, form);
      return [{ text: ctx.t('requests-not-asked', { id: form.data.requestId }) }];
    }
    return [{ text: ctx.t('requests-answer-sent', { id: form.data.requestId }) }];
  }

  return {
    name: ANSWER.name,
    descriptionKey: 'command-requests',
    form: ANSWER,
    run: list,
    buttons: [
      onPress(requestButton, (ctx, { action, requestId }) => {
        const found = ctx.services.hardship.get(requestId);
        if (!found) return undefined;
        if (action === 'withdraw') {
          const result = ctx.services.hardship.withdraw(requestId, toOperators(ctx, 'withdrew'));
          if (!result.ok)
            return [{ text: ctx.t('requests-not-undecided', { id: requestId, status: statusText(voice(ctx), found.request) }) }];
          return [{ text: ctx.t('requests-withdrawn', { id: requestId }) }];
        }
        if (found.request.status !== 'info-requested') {
          return [{ text: ctx.t('requests-not-asked', { id: requestId }) }];
        }
        beginForm(ctx, ANSWER, 'answer', { requestId });
        const question = found.notes.filter((note) => note.role === 'operator').at(-1);
        return [
          {
            text: [
              ctx.t('requests-ask-answer', { id: requestId }),
              ...(question ? [ctx.t('requests-question', { text: question.text })] : []),
            ].join('\n'),
          },
        ];
      }),
    ],
    onFormInput: answer,
    currentQuestion(ctx) {
      const form = readForm(ctx, ANSWER);
      return form ? [{ text: ctx.t('requests-ask-answer', { id: form.data.requestId }) }] : [];
    },
  };
}
