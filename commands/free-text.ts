import type { FreeTextHandler } from '../src/core/app.ts';

/**
 * Free text outside any form. Today it says what the bot can do instead; answering questions
 * about overdue ("逾期会上征信吗") will plug in here.
 */
export const freeTextFallback: FreeTextHandler = (ctx) => [{ text: ctx.t('error-not-understood') }];
