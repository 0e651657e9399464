import { it } from 'vitest';
import { createTestBot, texts } from '../support/bot.ts';
import { installments, payments, paymentAllocations } from '../../src/db/schema.ts';

const show = (label: string, m: any) => console.log(`--- ${label}\n${texts(m)}\n${JSON.stringify(m.map((x: any) => x.buttons))}`);
const at = (d: string) => new Date(`${d}T02:00:00Z`);
it('explore', async () => {
  const bot = createTestBot();
  await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
  await bot.pressLabel('Save');
  for (const d of ['2027-01-15', '2027-02-15', '2027-03-15']) {
    bot.clock.set(at(d));
    await bot.say('/paid');
    show('p', await bot.pressLabel('Confirm'));
  }
  bot.clock.set(at('2027-04-25'));
  show('payoff', await bot.say('/payoff'));
  show('status', await bot.say('/status'));
  show('schedule', await bot.say('/schedule'));
  await bot.say('/paid 2027-04-15');
  show('p', await bot.pressLabel('Confirm'));
  show('payoff', await bot.say('/payoff'));
  const b = createTestBot();
  await b.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
  await b.pressLabel('Save');
  b.clock.set(at('2027-01-17'));
  show('status', await b.say('/status'));
  b.clock.set(at('2027-01-15'));
  show('status', await b.say('/status'));
  b.clock.set(at('2027-02-14'));
  show('status', await b.say('/status', {lang: 'zh-CN'}));
  const c = createTestBot();
  await c.say('/addloan phone 12000 12 months 0.6% monthly fee first 2026-12-10');
  await c.pressLabel('Save');
  c.clock.set(at('2026-12-20'));
  show('status', await c.say('/status'));
  c.clock.set(at('2026-12-25'));
  await c.say('/paid 2026-12-20');
  await c.pressLabel('Confirm');
  await c.say('/paid');
  await c.pressLabel('Confirm');
  show('payoff', await c.say('/payoff'));
});
