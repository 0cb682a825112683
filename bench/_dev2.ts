import { SEED } from './scenarios';
import { simulate } from './simulate';
import { mulberry32 } from './prng';
import { percentile, mean } from './stats';
import { makeRealisticWorkload } from './workload';
const n = Number(process.argv[3] ?? 1000),
  spread = Number(process.argv[4] ?? 10) * 60_000;
for (const schedule of (process.argv[2] ?? 'adaptive,duration-aware').split(',') as (
  'adaptive' | 'duration-aware'
)[]) {
  const r = await simulate({
    workload: makeRealisticWorkload(n, spread, mulberry32(SEED + 2)),
    scheduler: { random: mulberry32(SEED + 3), schedule },
    latencyMs: (random) => 100 + Math.floor(random() * 300),
    random: mulberry32(SEED + 4),
  });
  const by = new Map<string, number[]>();
  for (const t of r.tasks) by.set(t.kind, [...(by.get(t.kind) ?? []), t.delayMs / 1000]);
  const all = r.tasks.map((t) => t.delayMs / 1000);
  console.log(
    schedule,
    'all',
    mean(all).toFixed(1),
    percentile(all, 50).toFixed(1),
    percentile(all, 95).toFixed(1),
    Math.max(...all).toFixed(1),
    'req',
    r.sendTimes.length,
  );
  for (const [k, d] of by)
    console.log(
      '  ',
      k,
      d.length,
      mean(d).toFixed(1),
      percentile(d, 50).toFixed(1),
      percentile(d, 95).toFixed(1),
      Math.max(...d).toFixed(1),
    );
}
