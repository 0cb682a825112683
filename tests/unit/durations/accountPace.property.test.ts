/**
 * A kind's prior corrected by the account's other kinds (issue 18): their pace moves its median, their
 * measured spread narrows its interval, and nothing of the kind's own runs counts twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountPrior, type FinishedRun } from '../../../src/shared/durations';
import { TASK_KINDS, taskKindInfo, type TaskKind } from '../../../src/shared/taskKinds';
import { runsOf } from '../scheduler/durations';

const kindArb = fc.constantFrom(...TASK_KINDS);

/** `count` successes of `kind` at `factor` times its guessed median, ±20 %. */
const paced = (kind: TaskKind, factor: number, count = 20): FinishedRun[] =>
  runsOf(
    kind,
    Array.from({ length: count }, (_, i) =>
      Math.round(taskKindInfo(kind).durationPrior.medianMs * factor * (0.8 + (0.4 * i) / (count - 1))),
    ),
  );

describe("a kind's prior from the account's other kinds", () => {
  it('is never wider than the table’s, and is the table’s while fewer than two other kinds have finished', () => {
    fc.assert(
      fc.property(
        kindArb,
        fc.array(fc.record({ kind: kindArb, factor: fc.double({ min: 0.1, max: 10, noNaN: true }) }), {
          maxLength: 5,
        }),
        (kind, others) => {
          const runs = others.flatMap(({ kind: other, factor }) => paced(other, factor));
          const prior = accountPrior(kind, runs);
          const table = taskKindInfo(kind).durationPrior;
          expect(prior.sigma).toBeLessThanOrEqual(table.sigma);
          expect(prior.sigma).toBeGreaterThan(0);
          const kindsSeen = new Set(others.map((o) => o.kind).filter((k) => k !== kind)).size;
          if (kindsSeen < 2) expect(prior).toEqual(table);
          // The kind's own runs are its fit's, not its prior's.
          expect(accountPrior(kind, [...runs, ...paced(kind, 5)])).toEqual(prior);
        },
      ),
    );
  });

  it('moves a dub’s median to the pace the account’s speech and transcriptions keep, and narrows it', () => {
    const runs = [...paced('tts', 3), ...paced('transcribe', 3), ...paced('story', 3)];
    const table = taskKindInfo('dub').durationPrior;
    const prior = accountPrior('dub', runs);
    expect(prior.medianMs / table.medianMs).toBeGreaterThan(2.5);
    expect(prior.medianMs / table.medianMs).toBeLessThan(3.5);
    expect(prior.sigma).toBeLessThan(0.8 * table.sigma);
  });

  it('narrows less when the other kinds disagree with the guesses in different directions', () => {
    const agree = accountPrior('dub', [...paced('tts', 2), ...paced('transcribe', 2), ...paced('story', 2)]);
    const disagree = accountPrior('dub', [
      ...paced('tts', 0.25),
      ...paced('transcribe', 2),
      ...paced('story', 8),
    ]);
    expect(disagree.sigma).toBeGreaterThan(agree.sigma);
  });
});
