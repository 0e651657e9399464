import { describe, expect, it } from 'vitest';
import { texts } from '../support/bot.ts';
import {
  OPERATOR,
  TEAM_CHAT,
  auditRowsOf,
  decide,
  fileRequest,
  installmentsOf,
  lateBorrower,
  queued,
  requestsIn,
  speaker,
} from '../support/hardship.ts';

/*
 * /requests: the borrower's hardship requests with their status, newest first; Withdraw while
 * nobody has decided, Answer when an operator asked for more. The car loan is 21 days late on
 * 2027-02-05 (test/support/hardship.ts).
 */

const stale = 'That button belongs to an older message and no longer works.';

describe('/requests', () => {
  it('without requests points to /hardship', async () => {
    const bot = await lateBorrower();
    expect(texts(await bot.say('/requests'))).toBe('You have no requests. /hardship starts one.');
  });

  it('lists each request with its status, newest first, with Withdraw only on the undecided one', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'reject', 1, 'Not possible.');
    bot.clock.set(new Date('2027-02-06T10:00:00+08:00'));
    await fileRequest(bot, 'Penalty waiver', { tap: '50%' });
    const me = speaker(bot);
    const list = await me.say('/requests');
    expect(texts(list)).toBe(
      [
        'Your requests:',
        '#2 a waiver of 50% of the penalty — waiting for a decision (submitted 2027-02-06 (Sat))',
        '#1 a deferral of 2 months — not approved (submitted 2027-02-05 (Fri))',
      ].join('\n'),
    );
    expect(me.labels()).toEqual(['Withdraw #2']);
  });

  it('a second request on a loan with one undecided is refused, pointing to /requests; nothing is written', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const again = texts(await fileRequest(bot, 'Penalty waiver', { tap: '100%' }));
    expect(again).toBe('Request #1 for one of these loans is still waiting for a decision. See /requests (you can withdraw it there).');
    expect(requestsIn(bot.db)).toHaveLength(1);
    expect(queued(bot.db)).toHaveLength(1);
    expect(auditRowsOf(bot.db).map((row) => row.action)).toEqual(['submit']);
  });
});

describe('withdraw', () => {
  it('while open: withdrawn, the operators told (without decision buttons), audited; an operator pressing Approve later changes nothing', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const me = speaker(bot);
    await me.say('/requests');
    expect(texts(await me.tap('Withdraw #1'))).toBe('Request #1 withdrawn. Reminders continue as before.');
    expect(requestsIn(bot.db)[0]?.status).toBe('withdrawn');
    const team = queued(bot.db).filter((message) => message.chatId === TEAM_CHAT);
    expect(team).toHaveLength(2);
    expect(team[1]?.text).toContain('The borrower withdrew request #1.');
    expect(team[1]?.buttons).toEqual([]);
    expect(auditRowsOf(bot.db).map((row) => [row.action, row.actorId, row.actorRole])).toEqual([
      ['submit', 1, 'borrower'],
      ['withdraw', 1, 'borrower'],
    ]);
    const rows = installmentsOf(bot.db, 1);
    expect(texts(await bot.inTeam(OPERATOR, { callbackData: 'review:approve:1' }))).toBe(
      'Request #1 was withdrawn by the borrower. Nothing changed.',
    );
    expect(installmentsOf(bot.db, 1)).toEqual(rows);
    expect(requestsIn(bot.db)[0]?.status).toBe('withdrawn');
    // Withdrawing again is refused, saying why.
    expect(texts(await bot.press('requests:withdraw:1'))).toBe('Request #1 can no longer be withdrawn: it is withdrawn.');
    // The loan is free for a new request.
    expect(texts(await fileRequest(bot, 'Deferral', { tap: '1 month' }))).toContain('Request #2 submitted');
  });

  it('while the operator waits for an answer: allowed', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'ask', 1, 'Which employer?');
    const me = speaker(bot);
    await me.say('/requests');
    expect(me.labels()).toEqual(['Answer #1', 'Withdraw #1']);
    expect(texts(await me.tap('Withdraw #1'))).toBe('Request #1 withdrawn. Reminders continue as before.');
  });

  it('after a decision: refused, and nothing changes', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const me = speaker(bot);
    await me.say('/requests');
    await decide(bot, OPERATOR, 'approve', 1);
    const rows = installmentsOf(bot.db, 1);
    // The old Withdraw button under the list.
    expect(texts(await me.tap('Withdraw #1'))).toBe('Request #1 can no longer be withdrawn: it is approved.');
    expect(requestsIn(bot.db)[0]?.status).toBe('approved');
    expect(installmentsOf(bot.db, 1)).toEqual(rows);
    expect(auditRowsOf(bot.db).filter((row) => row.action === 'withdraw')).toEqual([]);
    expect(texts(await me.say('/requests'))).toContain('#1 a deferral of 2 months — approved');
    expect(me.labels()).toEqual(['Withdraw #1']);
  });

  it('someone else’s request, from a forged button: the stale-button answer', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    expect(texts(await bot.press('requests:withdraw:1', { user: 2 }))).toBe(stale);
    expect(texts(await bot.press('requests:answer:1', { user: 2 }))).toBe(stale);
    expect(requestsIn(bot.db)[0]?.status).toBe('open');
  });
});

describe('answer', () => {
  it('from the list: the question is shown, the next message is the answer, the operators get it', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'ask', 1, 'Since when are you out of work?');
    const me = speaker(bot);
    const list = texts(await me.say('/requests'));
    expect(list).toContain('#1 a deferral of 2 months — the operator asked you something');
    expect(list).toContain('The operator asks: “Since when are you out of work?”');
    expect(texts(await me.tap('Answer #1'))).toBe(
      'Type your answer for request #1 (one message; /cancel to stop).\nThe operator asks: “Since when are you out of work?”',
    );
    expect(texts(await me.say('Since 1 December.'))).toBe('Thank you: your answer is attached to request #1 and sent to the operator.');
    expect(requestsIn(bot.db)[0]?.status).toBe('open');
    expect(queued(bot.db).at(-1)?.text).toContain('Borrower answered: “Since 1 December.”');
    expect(texts(await me.say('/requests'))).toContain('#1 a deferral of 2 months — waiting for a decision');
  });

  it('too long: refused with the limit; /cancel: nothing attached', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'ask', 1, 'Which employer?');
    await bot.press('requests:answer:1');
    const tooLong = texts(await bot.say('z'.repeat(1001)));
    expect(tooLong).toContain('too long');
    // The question stands.
    expect(tooLong).toContain('Type your answer for request #1');
    expect(requestsIn(bot.db)[0]?.status).toBe('info-requested');
    await bot.say('/cancel');
    expect(requestsIn(bot.db)[0]?.status).toBe('info-requested');
    expect(auditRowsOf(bot.db).map((row) => row.action)).toEqual(['submit', 'ask']);
  });
});

describe('a loan with nothing left to pay', () => {
  it('cannot be the subject of a request', async () => {
    const bot = await lateBorrower();
    await bot.say('/payoff');
    await bot.pressLabel('I paid this today');
    expect(texts(await bot.say('/hardship'))).toBe('You have no loan with anything left to pay. Add one with /addloan first.');
  });
});
