import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { BUDGET_GROUPS, BUDGET_ITEMS, type BudgetGroup, type BudgetItem, groupOf, summarizeBudget } from '../../src/domain/budget.ts';
import { BUDGET_WORDS, type BudgetLineResult, parseBudgetLine, TOTAL_WORDS } from '../../src/parse/budget-line.ts';
import { PARSE_ERRORS, type ParseResult } from '../../src/parse/result.ts';
import type { Budget } from '../../src/domain/budget.ts';
import '../support/fast-check-seed.ts';

/** The figures read, as plain strings: { 'rent-mortgage': '3000' }. */
function read(text: string, group: BudgetGroup): Record<string, string> {
  const result = parseBudgetLine(text, group);
  if (!result.ok) throw new Error(`${text} → ${JSON.stringify(result)}`);
  return Object.fromEntries(Object.entries(result.value).map(([item, value]) => [item, value.toString()]));
}

/** A refusal without its Decimal fields, for toEqual. */
function refusal(text: string, group: BudgetGroup): Record<string, string> {
  const result = parseBudgetLine(text, group);
  if (result.ok) throw new Error(`${text} was read as ${JSON.stringify(result.value)}`);
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, String(value)]));
}

describe('a bare figure is the whole group', () => {
  it.each([
    ['8000', 'income', '8000'],
    ['8,000', 'income', '8000'],
    ['¥8,000', 'income', '8000'],
    ['８０００', 'income', '8000'],
    ['8000元', 'income', '8000'],
    ['8000 yuan', 'income', '8000'],
    ['1.2万', 'income', '12000'],
    ['1.2萬', 'income', '12000'],
    ['八千', 'income', '8000'],
    ['一万二', 'income', '12000'],
    ['三千五', 'flexible', '3500'],
    ['8k', 'income', '8000'],
    ['about 8000 a month', 'income', '8000'],
    ['每月大概八千左右', 'income', '8000'],
    ['每個月大約八千塊錢', 'income', '8000'],
    ['3500.50', 'fixed', '3500.5'],
    ['0', 'income', '0'],
    ['零', 'income', '0'],
  ] as const)('%s (%s) → %s', (text, group, total) => {
    expect(read(text, group)).toEqual({ [`${group}-total`]: total });
  });

  it('a total word reads the same: "total 8000", "合计8000", "一共 8000", "收入：八千", "生活費 3000"', () => {
    expect(read('total 8000', 'income')).toEqual({ 'income-total': '8000' });
    expect(read('合计8000', 'fixed')).toEqual({ 'fixed-total': '8000' });
    expect(read('一共 8000', 'flexible')).toEqual({ 'flexible-total': '8000' });
    expect(read('收入：八千', 'income')).toEqual({ 'income-total': '8000' });
    expect(read('生活費 3000', 'flexible')).toEqual({ 'flexible-total': '3000' });
  });
});

describe('items with amounts', () => {
  it.each([
    // English
    ['salary 8000, benefits 500', 'income', { earnings: '8000', benefits: '500' }],
    ['Salary 8,000.50 and child benefit 1.2k', 'income', { earnings: '8000.5', benefits: '1200' }],
    ['pension 1200; other 300', 'income', { pensions: '1200', 'other-income': '300' }],
    ['rent 3000, electricity 200, water 50', 'fixed', { 'rent-mortgage': '3000', electricity: '200', water: '50' }],
    ['Rent: 3000 Council Tax: 150 Car Loan = 250', 'fixed', { 'rent-mortgage': '3000', 'property-taxes': '150', 'secured-loans': '250' }],
    ['3000 rent, 200 gas', 'fixed', { 'rent-mortgage': '3000', gas: '200' }],
    ['mortgage 2,500 per month, car-loan 300', 'fixed', { 'rent-mortgage': '2500', 'secured-loans': '300' }],
    ['food 1,500 phone 80 clothes 200', 'flexible', { 'food-housekeeping': '1500', 'communications-leisure': '80', personal: '200' }],
    ['groceries ¥1200 / gym 100', 'flexible', { 'food-housekeeping': '1200', 'communications-leisure': '100' }],
    // Simplified Chinese
    ['工资8000 补贴500', 'income', { earnings: '8000', benefits: '500' }],
    ['我的工资是8000元，低保500', 'income', { earnings: '8000', benefits: '500' }],
    ['房租3000 电费200 水费50', 'fixed', { 'rent-mortgage': '3000', electricity: '200', water: '50' }],
    ['房租三千，水电二百', 'fixed', { 'rent-mortgage': '3000', 'other-utilities': '200' }],
    ['房贷月供3000、车贷月供2000、物业费300', 'fixed', { 'rent-mortgage': '3000', 'secured-loans': '2000', 'other-essentials': '300' }],
    ['交通费300；学费1500；医药费200', 'fixed', { transport: '300', school: '1500', 'care-health': '200' }],
    ['燃气100 社保800', 'fixed', { gas: '100', 'pensions-insurance': '800' }],
    ['伙食一千五 话费80 衣服200', 'flexible', { 'food-housekeeping': '1500', 'communications-leisure': '80', personal: '200' }],
    ['吃饭1500、买菜500', 'flexible', { 'food-housekeeping': '2000' }],
    ['一日三餐1500 娱乐200', 'flexible', { 'food-housekeeping': '1500', 'communications-leisure': '200' }],
    // Traditional Chinese
    ['薪資 8000、補貼 500', 'income', { earnings: '8000', benefits: '500' }],
    ['薪水8000 退休金1200', 'income', { earnings: '8000', pensions: '1200' }],
    ['房租 3000，水電 200', 'fixed', { 'rent-mortgage': '3000', 'other-utilities': '200' }],
    ['房貸 3000 電費 500 瓦斯 300', 'fixed', { 'rent-mortgage': '3000', electricity: '500', gas: '300' }],
    ['交通費 300，學費 1500，醫藥費 200', 'fixed', { transport: '300', school: '1500', 'care-health': '200' }],
    ['差餉 150 強積金 500', 'fixed', { 'property-taxes': '150', 'pensions-insurance': '500' }],
    ['伙食費 2000，電話費 80，衣服 200', 'flexible', { 'food-housekeeping': '2000', 'communications-leisure': '80', personal: '200' }],
    ['喫飯1500、網費100、寬頻 50', 'flexible', { 'food-housekeeping': '1500', 'communications-leisure': '150' }],
    // Scripts mixed
    ['rent 3000 电费200 水費50', 'fixed', { 'rent-mortgage': '3000', electricity: '200', water: '50' }],
  ] as const)('%s (%s)', (text, group, figures) => {
    expect(read(text, group)).toEqual(figures);
  });

  it('phone and internet are communications among flexible costs, a fixed bill among fixed costs', () => {
    expect(read('phone 50', 'flexible')).toEqual({ 'communications-leisure': '50' });
    expect(read('phone 50', 'fixed')).toEqual({ 'other-utilities': '50' });
    expect(read('网费100', 'fixed')).toEqual({ 'other-utilities': '100' });
  });

  it('a word means what it means in the group asked: pension is income received, or a contribution paid', () => {
    expect(read('pension 500', 'income')).toEqual({ pensions: '500' });
    expect(read('pension 500', 'fixed')).toEqual({ 'pensions-insurance': '500' });
    expect(read('其他 300', 'flexible')).toEqual({ personal: '300' });
  });

  it('two words for one item add up: 房租 3000 + 房贷 2000 is 5000 of rent or mortgage', () => {
    expect(read('房租3000 房贷2000', 'fixed')).toEqual({ 'rent-mortgage': '5000' });
  });

  it('0 is an answer: no salary after losing the job, benefits 2,400', () => {
    expect(read('salary 0, benefits 2400', 'income')).toEqual({ earnings: '0', benefits: '2400' });
    expect(read('工资0 救济金2400', 'income')).toEqual({ earnings: '0', benefits: '2400' });
  });

  it('a total beside items: the items are inside it, and the summary counts the total once', () => {
    const result = parseBudgetLine('rent 3000, total 5000', 'fixed');
    expect(read('rent 3000, total 5000', 'fixed')).toEqual({ 'rent-mortgage': '3000', 'fixed-total': '5000' });
    if (result.ok) expect(summarizeBudget(result.value).fixed.toString()).toBe('5000');
  });
});

describe('what it cannot read, it names', () => {
  it.each([
    ['猫粮 200', 'flexible', { error: 'budget-item-unknown', word: '猫粮' }],
    ['貓糧每月200', 'flexible', { error: 'budget-item-unknown', word: '貓糧' }],
    ['dog walking 200', 'flexible', { error: 'budget-item-unknown', word: 'dog walking' }],
    ['rent 3000, lottery 50', 'fixed', { error: 'budget-item-unknown', word: 'lottery' }],
    ['rent 3000, food 1500', 'fixed', { error: 'budget-item-other-group', word: 'food', group: 'flexible' }],
    ['房租3000 电费200 伙食1500', 'flexible', { error: 'budget-item-other-group', word: '房租', group: 'fixed' }],
    ['交通費 300', 'flexible', { error: 'budget-item-other-group', word: '交通費', group: 'fixed' }],
    ['salary 8000 rent 3000', 'income', { error: 'budget-item-other-group', word: 'rent', group: 'fixed' }],
    ['rent', 'fixed', { error: 'budget-item-without-amount', word: 'rent' }],
    ['rent 3000 electricity', 'fixed', { error: 'budget-item-without-amount', word: 'electricity' }],
    ['房租 水费 50', 'fixed', { error: 'budget-item-without-amount', word: '房租' }],
    ['rent 3000 200', 'fixed', { error: 'budget-amount-without-item', amount: '200' }],
    ['rent 3000, 200', 'fixed', { error: 'budget-amount-without-item', amount: '200' }],
    ['3000 200', 'fixed', { error: 'budget-amount-without-item', amount: '3000' }],
    ['', 'fixed', { error: 'budget-not-understood' }],
    ['每月', 'fixed', { error: 'budget-not-understood' }],
    ['rent -3000', 'fixed', { error: 'amount-not-positive', amount: '-3000' }],
    ['-500', 'income', { error: 'amount-not-positive', amount: '-500' }],
    ['salary 1000000000000', 'income', { error: 'amount-too-large', amount: '1000000000000' }],
    ['rent 12.000', 'fixed', { error: 'amount-dot-three-digits', amount: '12.000' }],
    ['rent 3000.555', 'fixed', { error: 'amount-too-many-decimals', amount: '3000.555' }],
    ['rent 3000, total 2000', 'fixed', { error: 'budget-total-below-items', total: '2000', items: '3000' }],
  ] as const)('%j (%s)', (text, group, expected) => {
    expect(refusal(text, group)).toEqual({ ok: 'false', ...expected });
  });

  it('refuses text too long to be a budget line', () => {
    expect(parseBudgetLine(`rent ${'1'.repeat(300)}`, 'fixed')).toEqual({ ok: false, error: 'text-too-long' });
  });
});

describe('every word', () => {
  const entries = BUDGET_GROUPS.flatMap((group) => [
    ...BUDGET_WORDS[group].flatMap(([item, words]) => words.map((word) => ({ group, item, word }))),
    ...TOTAL_WORDS.map((word) => ({ group, item: `${group}-total` as BudgetItem, word })),
  ]);

  it('every item of every group has words, and every word names an item of its own group', () => {
    for (const group of BUDGET_GROUPS) {
      const named = new Set(BUDGET_WORDS[group].map(([item]) => item));
      expect([...named].sort()).toEqual([...BUDGET_ITEMS[group]].sort());
      for (const item of named) expect(groupOf(item)).toBe(group);
    }
  });

  it('reads as its item, before or after the amount, with any separator and currency', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...entries),
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom('{w} {a}', '{w}{a}', '{w}: {a}', '{w} ¥{a}', '{w} {a}元', '{a} {w}', '{w} {a} a month', '每月{w}{a}块'),
        ({ group, item, word }, amount, layout) => {
          const text = layout.replace('{w}', word).replace('{a}', String(amount));
          expect(read(text, group)).toEqual({ [item]: String(amount) });
        },
      ),
      { numRuns: 2000 },
    );
  });

  const converters = [
    OpenCC.Converter({ from: 'cn', to: 'tw' }),
    OpenCC.Converter({ from: 'cn', to: 'hk' }),
    OpenCC.Converter({ from: 'cn', to: 'twp' }),
  ];

  it('written in traditional characters (Taiwan, Hong Kong, and Taiwan phrases), reads as the same item', () => {
    const chinese = entries.filter(({ word }) => /\p{Script=Han}/u.test(word));
    expect(chinese.length).toBeGreaterThan(250);
    for (const { group, item, word } of chinese) {
      for (const convert of converters) {
        const traditional = convert(word);
        expect(read(`${traditional} 123`, group), `${word} → ${traditional}`).toEqual({ [item]: '123' });
      }
    }
  });
});

describe('a list of items', () => {
  const itemsWithWords = (group: BudgetGroup) =>
    BUDGET_WORDS[group]
      .filter(([item]) => !item.endsWith('-total'))
      .map(([item, words]) => fc.record({ item: fc.constant(item), word: fc.constantFrom(...words) }));

  it.each(BUDGET_GROUPS)('%s: any items, any order, any separators, add up as typed', (group) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(...itemsWithWords(group)), { minLength: 1, maxLength: 6, selector: (entry) => entry.item }),
        fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 6, maxLength: 6 }),
        fc.constantFrom(', ', '，', '、', ' ', '；', ' and ', '\n'),
        fc.boolean(),
        (entries, amounts, separator, amountFirst) => {
          const text = entries.map(({ word }, k) => (amountFirst ? `${amounts[k]} ${word}` : `${word} ${amounts[k]}`)).join(separator);
          const want = Object.fromEntries(entries.map(({ item }, k) => [item, String(amounts[k])]));
          expect(read(text, group)).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('never throws', () => {
  it('any text gets a budget or a code the chat has a message for', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[房租电费水伙食一二三千万0-9 ,.、，-]{0,20}$/)),
        fc.constantFrom(...BUDGET_GROUPS),
        (text, group) => {
          const result: BudgetLineResult = parseBudgetLine(text, group);
          const asParseResult: ParseResult<Budget> = result;
          if (!asParseResult.ok) expect(PARSE_ERRORS).toContain(asParseResult.error);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
