import { comparePolicies, concurrentLoad, SEED } from './scenarios';
import { mulberry32 } from './prng';
import { makeRealisticWorkload } from './workload';
const which = process.argv[2] ?? 'both';
const t = Date.now();
if (which !== 'budget') {
  const r = await comparePolicies(makeRealisticWorkload(2000, 8 * 3600_000, mulberry32(SEED)), [
    'adaptive',
    'duration-aware',
  ]);
  for (const s of r.strategies) console.log(JSON.stringify(s));
  console.log(JSON.stringify(r.eta));
  console.log('t', (Date.now() - t) / 1000);
}
if (which !== 'policy') {
  const c = await concurrentLoad(makeRealisticWorkload(1000, 60_000, mulberry32(SEED + 2)));
  for (const s of c.strategies) console.log(JSON.stringify(s));
  console.log('t', (Date.now() - t) / 1000);
}
