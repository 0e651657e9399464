import { runScheduleBench } from './schedules.ts';

/*
 * `npm run bench`: every benchmark, one line each, with its target where the issues set one.
 * Figures depend on the machine; README records them with the machine they came from.
 */

const results = runScheduleBench();
results.push((await import('./planning.ts')).runPlanningBench());
let missed = 0;
for (const { label, perSecond, ms, target } of results) {
  const verdict =
    target === undefined
      ? ''
      : perSecond >= target
        ? `  ✓ target ≥ ${target.toLocaleString('en')}/s`
        : `  ✗ below target ${target.toLocaleString('en')}/s`;
  if (target !== undefined && perSecond < target) missed += 1;
  console.log(`${label}: ${perSecond.toLocaleString('en')}/s (${ms} ms)${verdict}`);
}
{
  const { line, ok } = (await import('./faq.ts')).runFaqBench();
  console.log(line);
  if (!ok) missed += 1;
}
{
  const { line, ok } = await (await import('./next.ts')).runNextBench();
  console.log(line);
  if (!ok) missed += 1;
}
{
  const { line, ok } = await (await import('./polling.ts')).runPollingBench();
  console.log(line);
  if (!ok) missed += 1;
}
{
  const { line, ok } = (await import('./charts.ts')).runChartBench();
  console.log(line);
  if (!ok) missed += 1;
}
{
  const { line, ok } = await (await import('./ics.ts')).runIcsBench();
  console.log(line);
  if (!ok) missed += 1;
}
// Dispatch (~5.5 min at 30/s), paid-broadcast dispatch (~30 s at 1000/s) and crash safety (~4 min):
// real time against a mock Bot API. BENCH_QUICK=1 skips them.
if (process.env.BENCH_QUICK === '1') console.log('dispatch and crash-safety benchmarks skipped (BENCH_QUICK=1)');
else {
  for (const bench of [
    (await import('./dispatch.ts')).runDispatchBench,
    (await import('./paid-broadcast.ts')).runPaidBroadcastBench,
    (await import('./crash.ts')).runCrashBench,
  ]) {
    const { line, ok } = await bench();
    console.log(line);
    if (!ok) missed += 1;
  }
}
console.log(
  `heap used: ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MiB, rss: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`,
);
process.exitCode = missed > 0 ? 1 : 0;
