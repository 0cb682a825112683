import { mulberry32 } from './prng';
import { SEED } from './scenarios';
import { simulate } from './simulate';
import { FAMILIES } from './familyWorkloads';
const names = (process.argv[2] ?? '').split(',');
const jobs = Number(process.argv[3] ?? 300);
for (const family of FAMILIES.filter((f) => names.includes(f.name))) {
  const workload = family.make(mulberry32(family.seed), jobs);
  const policy = 'duration-aware';
  const result = await simulate({
    workload: workload.tasks,
    ...(workload.history === undefined ? {} : { history: workload.history }),
    ...(family.budget
      ? { scheduler: { random: mulberry32(SEED + 3), schedule: policy }, latencyMs: (r: () => number) => 100 + Math.floor(r() * 300), random: mulberry32(SEED + 4) }
      : { scheduler: { responsiveness: 'balanced' as const, schedule: policy, ratePerSecond: Infinity, maxConcurrent: Infinity, random: mulberry32(SEED + 1) } }),
  });
  const groups = new Map<string, { n: number; in: number }>();
  for (const s of result.eta) {
    for (const key of [`all${s.failed ? '/F' : ''}`, `${s.kind}${s.failed ? '/F' : ''}${s.basedOn === 0 ? ' prior' : s.basedOn < 10 ? ' <10' : ''}`]) {
      const g = groups.get(key) ?? { n: 0, in: 0 };
      g.n += 1; if (s.inside) g.in += 1; groups.set(key, g);
    }
  }
  const d = result.tasks.map((t) => t.delayMs / 1000);
  console.log(family.name, 'req/job', (result.tasks.reduce((a, t) => a + t.requests, 0) / result.tasks.length).toFixed(2), 'mean delay', (d.reduce((a, b) => a + b, 0) / d.length).toFixed(2));
  for (const [k, g] of [...groups].sort()) console.log('  ', k.padEnd(24), g.n, (100 * g.in / g.n).toFixed(1));
}
