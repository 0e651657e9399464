import { describe, expect, it } from 'vitest';
import { createTestBot } from '../support/bot.ts';

/* Issue 13: no reply cuts a character in half, button labels with a loan's name included. */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('a loan name cut for a button label', () => {
  it('keeps its emoji whole (the figures button of a free-text answer)', async () => {
    const bot = createTestBot();
    const name = `${'x'.repeat(19)}😀 loan`;
    await bot.say(`/addloan ${name} 10000 12 months 12% annuity first 2027-01-15`);
    await bot.pressLabel('Save');
    // Several loans and none named: the others' figures are buttons, labelled with their names.
    await bot.say('/addloan car 5000 6 months 12% annuity first 2026-12-01');
    await bot.pressLabel('Save');
    const labels: string[] = [];
    for (const question of ['What happens if I pay my loan late?', '逾期会上征信吗']) {
      for (const message of await bot.say(question)) labels.push(...(message.buttons?.flat().map((b) => b.label) ?? []));
    }
    const withName = labels.filter((label) => label.includes('xxxx'));
    expect(withName.length).toBeGreaterThan(0);
    for (const label of withName) expect(label).not.toMatch(LONE_SURROGATE);
  });
});
