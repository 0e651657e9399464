import { describe, expect, it } from 'vitest';
import { DebtEvidence } from '../../src/knowledge/domain.ts';
import { normalizeQuestion } from '../../src/knowledge/text.ts';

describe('trouble with a debt (DebtEvidence.inTrouble): never declined by the out-of-scope classifier', () => {
  const debt = new DebtEvidence(['call my family']);
  const inTrouble = (text: string) => debt.inTrouble(normalizeQuestion(text));

  it.each([
    'got a summons about my old card',
    'two collection agencies keep calling me',
    'the courts sent me a letter about my loan',
    '收到法院传票了',
    '逾期三天了',
    '催收天天打电话',
  ])('names trouble: %s', (text) => {
    expect(inTrouble(text)).toBe(true);
  });

  it.each(['which card has the best cashback', 'how do i open a savings account', '今天天气怎么样', '我想申请一张信用卡'])(
    'names none: %s',
    (text) => {
      expect(inTrouble(text)).toBe(false);
    },
  );
});
