import { runScheduleBench } from './schedules.ts';

/*
 * `npm run bench`: every benchmark, one line each, with its target where the issues set one.
 * Figures depend on the machine; README records them with the machine they came from.
 */

const results = runScheduleBench();
results.push((await import('./planning.ts')).runPlanningBench());
let missed = 0;
for (const { label, perSecond, ms, target } of results) {
  const verdict = target === undefined ? '' : perSecond >= target ? `  ✓ target ≥ ${target.toLocaleString('en')}/s` : `  ✗ below target ${target.toLocaleString('en')}/s`;
  if (target !== undefined && perSecond < target) missed += 1;
  console.log(`${label}: ${perSecond.toLocaleString('en')}/s (${ms} ms)${verdict}`);
}
console.log(`heap used: ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MiB, rss: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`);
process.exitCode = missed > 0 ? 1 : 0;
