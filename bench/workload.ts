import type { TaskKind } from '../src/shared/taskKinds';
import { taskKey } from '../src/shared/watchedTask';
import type { TaskKey } from '../src/shared/watchedTask';
import { exponential, logUniform, standardNormal } from './prng';

export interface BenchTask {
  readonly key: TaskKey;
  readonly kind: TaskKind;
  readonly taskId: string;
  /** When the job is submitted and watching begins, from the start of the run. */
  readonly arrivalMs: number;
  /** How long it runs on CAMB.AI: the simulation's truth, never shown to the scheduler. */
  readonly durationMs: number;
  /** The status it ends with; SUCCESS when absent. */
  readonly endsWith?: 'SUCCESS' | 'ERROR' | 'PAYMENT_REQUIRED';
}

export const MIN_DURATION_MS = 30_000;
export const MAX_DURATION_MS = 2 * 3600_000;

const benchId = (i: number) => `bench-${String(i).padStart(5, '0')}`;

/** `count` story tasks with durations log-uniform in 30 s – 2 h, drawn from `random`, all submitted at once. */
export function makeWorkload(count: number, random: () => number): BenchTask[] {
  return Array.from({ length: count }, (_, i) => {
    const taskId = benchId(i);
    return {
      key: taskKey('story', taskId),
      kind: 'story',
      taskId,
      arrivalMs: 0,
      durationMs: Math.round(logUniform(random, MIN_DURATION_MS, MAX_DURATION_MS)),
    };
  });
}

/**
 * How long one kind of job runs: `typicalMs` for an input of typical length, scaled by the input's
 * length relative to typical (log-normal, spread `lengthSpread`: a few inputs are many times longer, so
 * the tail is heavy) and by the load on CAMB.AI's side (log-normal, spread `noiseSpread`). The app never
 * sees the input's length, only the kind, so to it the durations of a kind are a wide log-normal.
 *
 * The figures are our assumptions, not measurements of CAMB.AI: speech in seconds, transcriptions and
 * stories in minutes, dubs in tens of minutes (a dub is transcription, translation, speech and mixing).
 */
export interface KindProfile {
  readonly kind: TaskKind;
  /** Share of submitted jobs of this kind. */
  readonly share: number;
  readonly typicalMs: number;
  readonly lengthSpread: number;
  readonly noiseSpread: number;
  /** No job of the kind is quicker (queueing and setup). */
  readonly floorMs: number;
}

export const REALISTIC_KINDS: readonly KindProfile[] = [
  { kind: 'tts', share: 0.35, typicalMs: 8_000, lengthSpread: 0.6, noiseSpread: 0.3, floorMs: 2_000 },
  {
    kind: 'transcribe',
    share: 0.15,
    typicalMs: 90_000,
    lengthSpread: 0.7,
    noiseSpread: 0.25,
    floorMs: 10_000,
  },
  { kind: 'story', share: 0.3, typicalMs: 4 * 60_000, lengthSpread: 0.5, noiseSpread: 0.25, floorMs: 30_000 },
  { kind: 'dub', share: 0.2, typicalMs: 20 * 60_000, lengthSpread: 0.6, noiseSpread: 0.2, floorMs: 120_000 },
];

function pickKind(random: () => number, kinds: readonly KindProfile[]): KindProfile {
  const total = kinds.reduce((sum, profile) => sum + profile.share, 0);
  let draw = random() * total;
  for (const profile of kinds) {
    draw -= profile.share;
    if (draw < 0) return profile;
  }
  const last = kinds.at(-1);
  if (last === undefined) throw new Error('bench: no kinds to draw from');
  return last;
}

/** One job's duration under `profile`: typical × input length factor × load factor, at least the floor. */
export function drawDuration(random: () => number, profile: KindProfile): number {
  const length = Math.exp(profile.lengthSpread * standardNormal(random));
  const load = Math.exp(profile.noiseSpread * standardNormal(random));
  return Math.max(profile.floorMs, Math.round(profile.typicalMs * length * load));
}

/**
 * `count` jobs of the realistic kinds, submitted one after another at random (a Poisson stream) over
 * about `spreadMs`, each with a duration from its kind's profile.
 */
export function makeRealisticWorkload(
  count: number,
  spreadMs: number,
  random: () => number,
  kinds: readonly KindProfile[] = REALISTIC_KINDS,
): BenchTask[] {
  const meanGapMs = spreadMs / count;
  let arrivalMs = 0;
  return Array.from({ length: count }, (_, i) => {
    const profile = pickKind(random, kinds);
    const taskId = benchId(i);
    const task: BenchTask = {
      key: taskKey(profile.kind, taskId),
      kind: profile.kind,
      taskId,
      arrivalMs: Math.round(arrivalMs),
      durationMs: drawDuration(random, profile),
    };
    arrivalMs += exponential(random, meanGapMs);
    return task;
  });
}
