import { describe, expect, it } from 'vitest';
import { NaiveBayes } from '../../src/knowledge/classifier.ts';
import { normalizeQuestion } from '../../src/knowledge/text.ts';

describe('the naive Bayes classifier over whole example questions', () => {
  const classifier = NaiveBayes.train(
    [
      { topic: 'cannot_pay', text: 'my salary got cut and I cannot keep up' },
      { topic: 'cannot_pay', text: 'lost my job, no income, what now' },
      { topic: 'cannot_pay', text: '公司裁员了 没收入了' },
      { topic: 'lawsuit', text: 'they say they will take me to court' },
      { topic: 'lawsuit', text: 'got a court summons about my card' },
      { topic: 'lawsuit', text: '收到法院传票怎么办' },
    ],
    normalizeQuestion,
  );

  it('learns the words people use around a topic, in either language', () => {
    expect(classifier.rank(normalizeQuestion('my income dropped after the job cut'))[0]?.id).toBe('cannot_pay');
    expect(classifier.rank(normalizeQuestion('法院寄来传票'))[0]?.id).toBe('lawsuit');
  });

  it('gives posteriors that sum to one, best first', () => {
    const ranked = classifier.rank(normalizeQuestion('court summons'));
    expect(ranked.map((guess) => guess.id)).toEqual(['lawsuit', 'cannot_pay']);
    expect(ranked.reduce((sum, guess) => sum + guess.p, 0)).toBeCloseTo(1, 10);
    expect(ranked[0]?.p).toBeGreaterThan(0.5);
  });

  it('has no guess for a question with no word it has seen', () => {
    expect(classifier.rank(normalizeQuestion('zebra'))).toEqual([]);
    expect(classifier.size).toBe(2);
  });
});

describe('a balanced classifier (the scope gate: few out-of-scope lines beside many topic questions)', () => {
  // Many topic questions bring a large vocabulary; the out-of-scope label has two lines.
  const words = ['rent', 'salary', 'collector', 'court', 'penalty', 'family', 'bonus', 'job', 'illness', 'fee'];
  const many = words.flatMap((word, at) =>
    words.map((other) => ({ topic: 'in' as const, text: `my loan ${word} ${other} payment ${at} late` })),
  );
  const few = [
    { topic: 'out' as const, text: 'which credit card has the best cashback' },
    { topic: 'out' as const, text: 'cashback card sign up gift' },
  ];
  const balanced = NaiveBayes.train([...many, ...few], normalizeQuestion, { balanced: true });

  it('the errand wins on its own words beside one debt word', () => {
    expect(balanced.rank(normalizeQuestion('best cashback card to get with my loan'))[0]?.id).toBe('out');
  });

  it('a debt question stays a debt question', () => {
    expect(balanced.rank(normalizeQuestion('my loan payment is late, the collector called my family'))[0]?.id).toBe('in');
  });
});
