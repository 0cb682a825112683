/**
 * Issue 18: a kind with no runs of its own takes its prior from what the account's other kinds show (their
 * shift from their own priors, and their spread), so a batch's first estimates are neither the built-in
 * prior's breadth nor blind to an account where everything runs three times slower.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountPrior } from '../../../src/shared/durations/accountPrior';
import {
  buildDurationModel,
  estimateRemaining,
  MAX_RUN_MS,
  type FinishedRun,
} from '../../../src/shared/durations';
import { taskKindInfo, type TaskKind } from '../../../src/shared/taskKinds';
import { durationArb, kindArb } from './arbitraries';
import { T0 } from '../scheduler/harness';

const priorOf = (kind: TaskKind) => taskKindInfo(kind).durationPrior;

/** `count` successes of `kind`, each `factor` times its built-in median, spread ±σ 0.5 (deterministic). */
function successes(kind: TaskKind, count: number, factor: number, from = 0): FinishedRun[] {
  return Array.from({ length: count }, (_, i) => ({
    kind,
    // Evenly spread normal scores in (−1.6, 1.6), times σ 0.5.
    durationMs: Math.round(
      priorOf(kind).medianMs * factor * Math.exp(0.5 * 1.6 * ((2 * ((i * 7) % count)) / count - 1)),
    ),
    finishedAt: T0 + from + i,
    succeeded: true,
    lowerBound: false,
  }));
}

const runArb = fc.record({
  kind: kindArb,
  durationMs: fc.oneof(durationArb.map(Math.round), fc.constantFrom(0, 1, MAX_RUN_MS)),
  succeeded: fc.boolean(),
  lowerBound: fc.boolean(),
  lastPendingMs: fc.option(fc.constantFrom(0, 500, 60_000), { nil: undefined }),
});
const accountArb = fc
  .array(runArb, { maxLength: 80 })
  .map((runs) => runs.map((run, i): FinishedRun => ({ ...run, finishedAt: T0 + i })));

describe('a kind’s prior from the rest of the account', () => {
  it('is the built-in prior when no other kind has a success on record', () => {
    fc.assert(
      fc.property(kindArb, accountArb, (kind, runs) => {
        const nothingElse = runs.filter((run) => run.kind === kind || !run.succeeded || run.lowerBound);
        expect(accountPrior(kind, nothingElse)).toEqual(priorOf(kind));
      }),
    );
  });

  it('stays a finite, positive prior no broader than the built-in one, whatever the account holds', () => {
    fc.assert(
      fc.property(kindArb, accountArb, (kind, runs) => {
        const prior = accountPrior(kind, runs);
        expect(Number.isFinite(prior.medianMs) && prior.medianMs > 0).toBe(true);
        expect(prior.sigma).toBeGreaterThan(0);
        expect(prior.sigma).toBeLessThanOrEqual(priorOf(kind).sigma);
      }),
    );
  });

  it('ignores the kind’s own runs: they are in its own fit', () => {
    fc.assert(
      fc.property(kindArb, accountArb, fc.array(durationArb, { maxLength: 20 }), (kind, runs, own) => {
        const more = [
          ...runs,
          ...own.map((ms, i): FinishedRun => ({
            kind,
            durationMs: Math.round(ms),
            finishedAt: T0 + runs.length + i,
            succeeded: true,
            lowerBound: false,
          })),
        ];
        expect(accountPrior(kind, more)).toEqual(accountPrior(kind, runs));
      }),
    );
  });

  it('follows an account where every other kind runs three times slower, and narrows to their spread', () => {
    const slow = [...successes('tts', 40, 3), ...successes('story', 40, 3, 40)];
    const prior = accountPrior('dub', slow);
    expect(prior.medianMs).toBeGreaterThan(2.4 * priorOf('dub').medianMs);
    expect(prior.medianMs).toBeLessThan(3.3 * priorOf('dub').medianMs);
    // Their spread (0.5) and room for the dub's own factor, well inside the built-in 1.2.
    expect(prior.sigma).toBeLessThan(0.8);
    expect(prior.sigma).toBeGreaterThan(0.5);
  });

  it('is moved little by a couple of runs', () => {
    const prior = accountPrior('dub', successes('tts', 2, 3));
    expect(prior.medianMs).toBeLessThan(1.5 * priorOf('dub').medianMs);
    expect(prior.sigma).toBeGreaterThan(0.9);
  });

  it('gives a new dub on a slow account a later, narrower estimate than the built-in prior alone', () => {
    const slow = [...successes('tts', 40, 3), ...successes('story', 40, 3, 40)];
    const before = estimateRemaining(buildDurationModel('dub', []), 0);
    const after = estimateRemaining(buildDurationModel('dub', slow), 0);
    expect(after.medianMs).toBeGreaterThan(2 * before.medianMs);
    expect(after.highMs / after.lowMs).toBeLessThan(before.highMs / before.lowMs);
  });
});
