/** mulberry32: a tiny seeded PRNG, so every bench run sees the same workload. Returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value whose logarithm is uniform in [ln min, ln max]: as many 30–60 s jobs as 1–2 h ones. */
export function logUniform(random: () => number, min: number, max: number): number {
  return Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min)));
}

/** A standard normal draw (Box–Muller), from two uniform draws. */
export function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** An exponential draw with the given mean: the gap between events of a Poisson stream. */
export function exponential(random: () => number, mean: number): number {
  return -mean * Math.log(1 - random());
}
