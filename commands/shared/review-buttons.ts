import { buttonType, id, oneOf } from '../../src/core/buttons.ts';

/** The buttons under an operator notice: `review:<decision>:<request id>` (commands/review.ts handles them). */
export const reviewButton = buttonType<{ decision: 'approve' | 'reject' | 'ask'; requestId: number }>('review', {
  decision: oneOf(['approve', 'reject', 'ask'] as const),
  requestId: id,
});

/** Open one request's details from /queue. */
export const queueOpenButton = buttonType<{ requestId: number }>('queue', { requestId: id });

/** The borrower's buttons on their requests: answer an operator's question, withdraw. */
export const requestButton = buttonType<{ action: 'answer' | 'withdraw'; requestId: number }>('requests', {
  action: oneOf(['answer', 'withdraw'] as const),
  requestId: id,
});
