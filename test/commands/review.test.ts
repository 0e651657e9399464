import { describe, expect, it } from 'vitest';
import { texts } from '../support/bot.ts';
import {
  CAR,
  OPERATOR,
  OPERATOR_2,
  TEAM_CHAT,
  addLoan,
  auditRowsOf,
  decide,
  fileRequest,
  hardshipBot,
  installmentsOf,
  lateBorrower,
  notesIn,
  queued,
  requestsIn,
  speaker,
} from '../support/hardship.ts';

/*
 * Operators decide hardship requests from the buttons under the notice in their team's group
 * (chat -100) or in a private chat: Approve, Reject, Ask for more, each with a note (`/note …` in
 * the group). Only users in OPERATOR_IDS (900, 901) may act, whatever the chat; a decision
 * happens once. The car loan is 21 days late on 2027-02-05 (see test/support/hardship.ts).
 */

const stale = 'That button belongs to an older message and no longer works.';

describe('only operators may act', () => {
  it('a borrower pressing Approve gets the stale-button answer, and nothing changes', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const before = { requests: requestsIn(bot.db), audit: auditRowsOf(bot.db), outbox: queued(bot.db), rows: installmentsOf(bot.db, 1) };

    for (const data of ['review:approve:1', 'review:reject:1', 'review:ask:1']) {
      expect(texts(await bot.press(data)), data).toBe(stale);
      // Another user, in the team's group itself: the chat does not make anyone an operator.
      const inGroup = await bot.runtime.app.handle({ userId: 5, chatId: TEAM_CHAT, languageCode: 'en', callbackData: data });
      expect(texts(inGroup), data).not.toContain('Approving');
    }
    expect(requestsIn(bot.db)).toEqual(before.requests);
    expect(auditRowsOf(bot.db)).toEqual(before.audit);
    expect(queued(bot.db)).toEqual(before.outbox);
    expect(installmentsOf(bot.db, 1)).toEqual(before.rows);
  });

  it('a borrower typing /queue or /note gets the unknown-command answer', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    expect(texts(await bot.say('/queue'))).toBe("I don't know the command /queue. Send /help to see what I can do.");
    expect(texts(await bot.say('/note approve it'))).toBe("I don't know the command /note. Send /help to see what I can do.");
    expect(requestsIn(bot.db)[0]?.status).toBe('open');
  });

  it('an operator may act from a private chat too; the team group then hears of the decision', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const prompt = await bot.press('review:reject:1', { user: OPERATOR });
    expect(texts(prompt)).toBe('Rejecting request #1. Type the reason for the borrower (in a group: /note your text), or press No note.');
    // In a private chat the note is simply typed.
    expect(texts(await bot.say('Please send your termination letter first.', { user: OPERATOR }))).toBe(
      'Request #1 rejected; the borrower was told.',
    );
    const team = queued(bot.db).filter((message) => message.chatId === TEAM_CHAT);
    expect(team.at(-1)?.text).toBe('Request #1 rejected by operator 900: Please send your termination letter first.');
  });
});

describe('one decision, whoever comes second', () => {
  it('two operators: the second is told who decided and nothing changes (one decide entry)', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    // Both open the note question.
    expect(texts(await bot.inTeam(OPERATOR, { callbackData: 'review:approve:1' }))).toContain('Approving request #1.');
    expect(texts(await bot.inTeam(OPERATOR_2, { callbackData: 'review:reject:1' }))).toContain('Rejecting request #1.');
    expect(texts(await bot.inTeam(OPERATOR, { text: '/note Approved for two months.' }))).toContain(
      'Request #1 approved and applied; the borrower was told.',
    );
    const rowsAfter = installmentsOf(bot.db, 1);
    const second = texts(await bot.inTeam(OPERATOR_2, { text: '/note Not enough evidence.' }));
    expect(second).toBe('Request #1 was already decided: approved by operator 900 on 2027-02-05. Nothing changed.');
    // A later press of any button under the notice: the same answer.
    expect(texts(await bot.inTeam(OPERATOR_2, { callbackData: 'review:reject:1' }))).toBe(
      'Request #1 was already decided: approved by operator 900 on 2027-02-05. Nothing changed.',
    );
    expect(requestsIn(bot.db)[0]).toMatchObject({ status: 'approved', decidedBy: OPERATOR, decisionNote: 'Approved for two months.' });
    expect(auditRowsOf(bot.db).filter((row) => row.action === 'decide')).toHaveLength(1);
    expect(auditRowsOf(bot.db).filter((row) => row.action === 'apply')).toHaveLength(1);
    expect(installmentsOf(bot.db, 1)).toEqual(rowsAfter);
    // The borrower is told once.
    expect(queued(bot.db).filter((message) => message.chatId === 1)).toHaveLength(1);
  });

  it('the same operator pressing No note twice: one decision, the second press is stale', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const prompt = await bot.inTeam(OPERATOR, { callbackData: 'review:approve:1' });
    const noNote = prompt[0]?.buttons?.flat().find((b) => b.label === 'No note')?.data ?? '';
    expect(texts(await bot.inTeam(OPERATOR, { callbackData: noNote }))).toContain('Request #1 approved and applied');
    const dates = installmentsOf(bot.db, 1).map((row) => row.dueDate);
    expect(texts(await bot.inTeam(OPERATOR, { callbackData: noNote }))).toBe(stale);
    expect(auditRowsOf(bot.db).filter((row) => row.action === 'decide')).toHaveLength(1);
    // Moved two months once, not four.
    expect(installmentsOf(bot.db, 1).map((row) => row.dueDate)).toEqual(dates);
    expect(dates[0]).toBe('2027-03-15');
  });

  it('Cancel on the note question decides nothing', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const prompt = await bot.inTeam(OPERATOR, { callbackData: 'review:approve:1' });
    const cancel = prompt[0]?.buttons?.flat().find((b) => b.label === 'Cancel')?.data ?? '';
    expect(texts(await bot.inTeam(OPERATOR, { callbackData: cancel }))).toBe('No decision made.');
    expect(requestsIn(bot.db)[0]?.status).toBe('open');
    expect(texts(await bot.inTeam(OPERATOR, { text: '/note approve' }))).toBe(
      'There is no decision waiting for a note. Use the buttons under a request first.',
    );
    expect(auditRowsOf(bot.db).map((row) => row.action)).toEqual(['submit']);
  });
});

describe('Ask for more', () => {
  it('the borrower gets the question in their own language with an Answer button; the answer is attached and the request is open again', async () => {
    const bot = hardshipBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, '车贷 10000 12期 年利率12% 等额本息 首期2027-01-15', 'zh-CN');
    bot.clock.set(new Date('2027-02-05T10:00:00+08:00'));
    const me = speaker(bot, { lang: 'zh-TW' });
    await me.say('/hardship');
    await me.tap('延期');
    await me.tap('失業');
    for (let i = 0; i < 4; i++) await me.tap('跳過');
    await me.tap('2 個月');
    await me.tap('繼續');
    await me.tap(me.labels().find((label) => label.startsWith('✅')) ?? '');

    const asked = texts(await decide(bot, OPERATOR, 'ask', 1, 'Since when are you out of work?'));
    expect(asked).toBe('Question sent to the borrower of request #1.');
    expect(requestsIn(bot.db)[0]?.status).toBe('info-requested');
    const toBorrower = queued(bot.db).filter((message) => message.chatId === 1);
    expect(toBorrower).toHaveLength(1);
    expect(toBorrower[0]?.text).toContain('「Since when are you out of work?」');
    // In the borrower's language (traditional Chinese), not the operator's.
    expect(toBorrower[0]?.text).toMatch(/申請 #1/);
    expect(toBorrower[0]?.text).not.toContain('the operator asks');
    const answer = toBorrower[0]?.buttons.flat()[0];
    expect(answer?.data).toBe('requests:answer:1');
    expect(answer?.label).toMatch(/#1/);
    expect(answer?.label).not.toContain('Answer');

    const prompt = texts(await bot.press('requests:answer:1', { lang: 'zh-TW' }));
    expect(prompt).toContain('Since when are you out of work?');
    expect(prompt).toContain('申請 #1');
    const thanks = texts(await bot.say('從去年十二月一日起。', { lang: 'zh-TW' }));
    expect(thanks).toContain('#1');
    expect(requestsIn(bot.db)[0]?.status).toBe('open');
    expect(notesIn(bot.db).map((note) => [note.role, note.authorId, note.text])).toEqual([
      ['operator', OPERATOR, 'Since when are you out of work?'],
      ['borrower', 1, '從去年十二月一日起。'],
    ]);
    // The operators get the answer, with the request's facts and its buttons again.
    const team = queued(bot.db).filter((message) => message.chatId === TEAM_CHAT);
    const last = team.at(-1);
    expect(last?.text).toContain('The borrower answered on request #1:');
    expect(last?.text).toContain('Operator asked: “Since when are you out of work?”');
    expect(last?.text).toContain('Borrower answered: “從去年十二月一日起。”');
    expect(last?.buttons.flat().map((b) => b.data)).toEqual(['review:approve:1', 'review:reject:1', 'review:ask:1']);
    // And it can be decided now.
    expect(texts(await decide(bot, OPERATOR, 'approve', 1))).toContain('Request #1 approved and applied');
  });

  it('an answer can be given only once per question', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'ask', 1, 'Which employer?');
    await bot.press('requests:answer:1');
    await bot.say('ACME Ltd.');
    expect(texts(await bot.press('requests:answer:1'))).toBe('Request #1 is not waiting for an answer from you.');
    expect(notesIn(bot.db)).toHaveLength(2);
  });

  it('an empty question is not sent: Ask for more needs a note', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const prompt = await bot.inTeam(OPERATOR, { callbackData: 'review:ask:1' });
    expect(prompt[0]?.buttons?.flat().map((b) => b.label)).toEqual(['Cancel']);
    expect(texts(await bot.inTeam(OPERATOR, { text: '/note' }))).toContain('What should the borrower tell you about request #1?');
    expect(requestsIn(bot.db)[0]?.status).toBe('open');
  });
});

describe('Reject', () => {
  it('the borrower is told with the note; the loan is unchanged', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const rows = installmentsOf(bot.db, 1);
    expect(texts(await decide(bot, OPERATOR, 'reject', 1, 'Your lender does not offer deferrals.'))).toBe(
      'Request #1 rejected; the borrower was told.',
    );
    const told = queued(bot.db).filter((message) => message.chatId === 1);
    expect(told.map((message) => message.text)).toEqual([
      'Your request #1 (a deferral of 2 months) was not approved. You can still talk to your lender directly, or ask for another kind of help with /hardship.\n“Your lender does not offer deferrals.”',
    ]);
    expect(installmentsOf(bot.db, 1)).toEqual(rows);
    expect(requestsIn(bot.db)[0]).toMatchObject({ status: 'rejected', decidedBy: OPERATOR });
    expect(texts(await bot.say('/status'))).toContain('installment 1 due 2027-01-15 (Fri): 888.49, 21 days late, penalty 9.33');
    // Rejected, the loans are free for a new request.
    expect(texts(await fileRequest(bot, 'Penalty waiver', { tap: '100%' }))).toContain('Request #2 submitted');
  });
});

describe('/queue', () => {
  it('lists undecided requests oldest first with the days waited, and flags one waiting past HARDSHIP_SLA_DAYS', async () => {
    const bot = hardshipBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    await bot.say('/addloan phone 6000 6 months 12% annuity first 2027-01-15', { user: 2 });
    await bot.pressLabel('Save', { user: 2 });
    await bot.say('/addloan tv 3000 3 months 12% annuity first 2027-01-15', { user: 3 });
    await bot.pressLabel('Save', { user: 3 });

    bot.clock.set(new Date('2027-02-01T10:00:00+08:00'));
    await fileRequest(bot, 'Deferral', { tap: '1 month' }, 1);
    bot.clock.set(new Date('2027-02-03T10:00:00+08:00'));
    await fileRequest(bot, 'Penalty waiver', { tap: '100%' }, 2);
    await fileRequest(bot, 'Deferral', { tap: '2 months' }, 3);
    await decide(bot, OPERATOR, 'reject', 3, 'no');

    bot.clock.set(new Date('2027-02-05T10:00:00+08:00'));
    const queue = texts(await bot.inTeam(OPERATOR, { text: '/queue' }));
    expect(queue).toContain('2 requests waiting, oldest first');
    expect(queue).not.toContain('#3');
    const first = queue.indexOf('Hardship request #1');
    const second = queue.indexOf('Hardship request #2');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    // 4 days is past the 3-day target; 2 days is not.
    expect(queue).toContain('Submitted 2027-02-01 (Mon), waiting 4 days ⚠️ past the 3-day target');
    expect(queue).toMatch(/Submitted 2027-02-03 \(Wed\), waiting 2 days(?! ⚠️)/);
    expect(queue.match(/⚠️ past the/g)).toHaveLength(1);

    // Three days is still within the target.
    bot.clock.set(new Date('2027-02-04T10:00:00+08:00'));
    expect(texts(await bot.inTeam(OPERATOR, { text: '/queue' }))).not.toContain('past the');
  });

  it('follows HARDSHIP_SLA_DAYS', async () => {
    const bot = await lateBorrower({ HARDSHIP_SLA_DAYS: '1' });
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    bot.clock.set(new Date('2027-02-07T10:00:00+08:00'));
    const queue = texts(await bot.inTeam(OPERATOR, { text: '/queue' }));
    expect(queue).toContain('waiting 2 days ⚠️ past the 1-day target');
  });

  it('Open shows the request with its decision buttons; with none waiting it says so', async () => {
    const bot = await lateBorrower();
    expect(texts(await bot.inTeam(OPERATOR, { text: '/queue' }))).toContain('No requests are waiting.');
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const queue = await bot.inTeam(OPERATOR, { text: '/queue' });
    expect(queue[0]?.buttons?.flat()).toEqual([{ label: 'Open #1', data: 'queue:1' }]);
    const open = await bot.inTeam(OPERATOR, { callbackData: 'queue:1' });
    expect(texts(open)).toContain('• car: owed 10,671.19; overdue 888.49 for 21 days, penalty so far 9.33');
    expect(open[0]?.buttons?.flat().map((b) => b.data)).toEqual(['review:approve:1', 'review:reject:1', 'review:ask:1']);
    // Not for borrowers.
    expect(texts(await bot.press('queue:1'))).toBe(stale);
  });
});

describe('waiver guidance beside a waiver request (HARDSHIP_WAIVER_GUIDANCE 30:100/50, 90:50/25, *:30/0)', () => {
  it('a first overdue: 100% up to 30 days late, 50% up to 90; a repeated one: 50% up to 30 days', async () => {
    const first = hardshipBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(first, CAR);
    first.clock.set(new Date('2027-03-01T10:00:00+08:00'));
    await fileRequest(first, 'Penalty waiver', { tap: '100%' });
    const notice = queued(first.db)[0]?.text ?? '';
    expect(notice).toContain(
      'Waiver on car, installment 1: penalty 19.99, 45 days overdue, first overdue — suggested 50% (a suggestion only)',
    );
    expect(notice).toContain(
      'Waiver on car, installment 2: penalty 6.21, 14 days overdue, first overdue — suggested 100% (a suggestion only)',
    );

    // Installment 1 paid 10 days late (892.93 with its penalty): installment 2 is a repeated overdue.
    const repeated = hardshipBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(repeated, CAR);
    repeated.clock.set(new Date('2027-01-25T10:00:00+08:00'));
    await repeated.say('/paid');
    expect(texts(await repeated.pressLabel('Confirm'))).toContain('Recorded 892.93 for car.');
    repeated.clock.set(new Date('2027-03-01T10:00:00+08:00'));
    await fileRequest(repeated, 'Penalty waiver', { tap: '100%' });
    expect(queued(repeated.db)[0]?.text).toContain(
      'Waiver on car, installment 2: penalty 6.21, 14 days overdue, overdue before — suggested 50% (a suggestion only)',
    );
  });
});
