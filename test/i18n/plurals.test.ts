import { describe, expect, it } from 'vitest';
import { readLocaleSource, Translator } from '../../src/i18n/translator.ts';
import { createTestBot, texts } from '../support/bot.ts';
import { variablesByMessage } from '../support/fluent.ts';

/*
 * English plurals: every message where a number comes before a counted noun chooses its words
 * with a Fluent plural selector, so nobody reads "1 installments" or "after 1 days". Chinese has
 * no plural forms. The callers pass these variables as numbers (a string never matches [one]).
 */

const translator = new Translator({ strict: true });

/** Message → the numeric variable that counts, the words expected for 1 and for 2, and the other variables. */
const PLURAL_MESSAGES: [key: string, variable: string, one: string, two: string, args?: Record<string, string | number>][] = [
  ['error-message-too-long', 'max', 'more than 1 character)', 'more than 2 characters)'],
  ['days-left', 'days', 'in 1 day', 'in 2 days'],
  ['days-overdue', 'days', '1 day overdue', '2 days overdue'],
  ['addloan-card-assumed-paid', 'count', 'The first installment was due', '2 installments were due'],
  ['loans-header', 'count', 'Your loan:', 'Your 2 loans:'],
  ['loans-item-terms', 'periods', '· 1 installment', '· 2 installments', { principal: '1,000.00', method: 'm', rate: 'r' }],
  ['status-installment', 'days', '1 day late', '2 days late', { n: 3, date: 'd', amount: 'a', penalty: 'p', stage: 's' }],
  ['reminder-upcoming', 'days', 'due tomorrow', 'in 2 days', { name: 'x', amount: 'a', date: 'd', n: 1, periods: 12 }],
  ['reminder-overdue', 'days', 'yesterday', '2 days ago', { name: 'x', amount: 'a', date: 'd', penalty: 'p', stage: 's' }],
  ['settings-overdue', 'days', 'after 1 day,', 'after 2 days,', { weekly: 'no', stop: 0 }],
  ['settings-overdue', 'stop', 'for up to 1 day', 'for up to 2 days', { days: 3, weekly: 'no' }],
  ['addloan-card-policy-details', 'grace', 'grace 1 day ·', 'grace 2 days ·', { penalty: 'p', report: 30, lateFee: 'none' }],
  ['addloan-card-policy-details', 'report', 'after 1 day', 'after 2 days', { grace: 3, penalty: 'p', lateFee: 'none' }],
];

/** Counted nouns of en.ftl, in the singular. */
const NOUNS = ['day', 'installment', 'loan', 'character', 'payment', 'month', 'year', 'week', 'hour', 'minute', 'period', 'time'];

describe('English plurals', () => {
  it.each(PLURAL_MESSAGES)('%s: %s = 1 and 2', (key, variable, one, two, args = {}) => {
    const withOne = translator.translate('en', key, { ...args, [variable]: 1 });
    const withTwo = translator.translate('en', key, { ...args, [variable]: 2 });
    expect(withOne).toContain(one);
    expect(withTwo).toContain(two);
    expect(withOne).not.toContain(two);
  });

  it('no English message puts 1 before a plural noun, or 2 before a singular one', () => {
    const problems: string[] = [];
    for (const [key, variables] of variablesByMessage(readLocaleSource('en'))) {
      for (const n of [1, 2]) {
        const text = translator.translate('en', key, Object.fromEntries([...variables].map((name) => [name, n])));
        const wrong = n === 1 ? new RegExp(`\\b1[ -](?:${NOUNS.join('|')})s\\b`) : new RegExp(`\\b2 (?:${NOUNS.join('|')})\\b(?!-)`);
        const found = wrong.exec(text);
        if (found) problems.push(`${key} with ${n}: "${found[0]}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the commands pass numbers, so the bot itself says "after 1 day" and "1 installment"', async () => {
    const bot = createTestBot();
    await bot.say('/settings');
    await bot.pressLabel('When overdue');
    expect(texts(await bot.say('1'))).toContain('If overdue: after 1 day, then weekly');
    await bot.say('/addloan phone 1000 1 months 10% annuity first 2027-01-15');
    await bot.pressLabel('Save');
    const loans = texts(await bot.say('/loans'));
    expect(loans).toContain('· 1 installment');
    expect(loans).not.toContain('1 installments');
  });

  it('the other wording is as before: "3 days", "12 installments", "after 1, 3, 7 days"', () => {
    expect(translator.translate('en', 'days-overdue', { days: 3 })).toBe('3 days overdue');
    expect(translator.translate('en', 'loans-item-terms', { principal: 'p', method: 'm', rate: 'r', periods: 12 })).toBe(
      'p · m · r · 12 installments',
    );
    expect(translator.translate('en', 'settings-overdue', { days: '1, 3, 7', weekly: 'yes', stop: 90 })).toBe(
      'If overdue: after 1, 3, 7 days, then weekly, for up to 90 days',
    );
    expect(translator.translate('en', 'settings-overdue', { days: 1, weekly: 'no', stop: 0 })).toBe('If overdue: after 1 day, until paid');
  });
});
