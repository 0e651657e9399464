import type { Command, Reply } from '../src/core/types.ts';
import { calendarIcs } from './shared/calendar-ics.ts';

/*
 * /calendar (issue 14): the open installments as an ICS file, one all-day event per due date
 * with alarms at the user's reminder time. `/calendar feed` gives a private subscription URL
 * served by the webhook's HTTP server (GET /ics/<token>); `/calendar revoke` turns it off.
 */

function calendarFile(ctx: Parameters<Command['run']>[0]): Reply[] {
  const data = ctx.services.calendar.data();
  if (!data || data.installments.length === 0) return [{ text: ctx.t('calendar-nothing') }];
  const ics = calendarIcs(data, ctx.t, ctx.locale, ctx.now, ctx.services.calendar.uidDomain);
  const loans = new Set(data.installments.map((item) => item.loanId)).size;
  return [
    {
      text: ctx.t('calendar-caption', { count: data.installments.length, loans }),
      file: {
        kind: 'document',
        filename: `repayments-${ctx.today}.ics`,
        mime: 'text/calendar; charset=utf-8',
        content: new TextEncoder().encode(ics),
      },
    },
  ];
}

export const calendarCommand: Command = {
  name: 'calendar',
  descriptionKey: 'command-calendar',
  run: (ctx, args) => {
    const word = args.trim().toLowerCase();
    if (word === '') return calendarFile(ctx);
    if (word === 'feed') {
      const base = ctx.services.calendar.feedBase;
      if (base === undefined) return [{ text: ctx.t('calendar-feed-unavailable') }];
      const token = ctx.services.calendar.createFeed();
      return [{ text: ctx.t('calendar-feed-created', { url: `${base}${token}` }) }];
    }
    if (word === 'revoke') {
      return [{ text: ctx.t(ctx.services.calendar.revokeFeed() ? 'calendar-feed-revoked' : 'calendar-feed-none') }];
    }
    return [{ text: ctx.t('calendar-usage') }];
  },
};
