/**
 * Issue 18's estimator when the past stops applying: refusals are the account's state (other kinds' recent
 * refusals count), and a history the current jobs reject is rescaled to them (a change detector on the
 * running and recently finished jobs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDurationModel,
  driftFactor,
  EARLY_FAILURE_FLOOR,
  earlyFailureShare,
  estimateRemaining,
  finishChance,
  type FinishedRun,
} from '../../../src/shared/durations';
import type { TaskKind } from '../../../src/shared/taskKinds';
import { durationArb, HOUR, kindArb, MINUTE, runsOf } from './arbitraries';
import { T0 } from '../scheduler/harness';

/** One success of `kind` that took `durationMs`, finished at `finishedAt`. */
const success = (kind: TaskKind, durationMs: number, finishedAt: number): FinishedRun => ({
  kind,
  durationMs: Math.round(durationMs),
  finishedAt,
  succeeded: true,
  lowerBound: false,
});

/** A job of `kind` refused in 3 s (last seen pending at 0 s), finished at `finishedAt`. */
const refusal = (kind: TaskKind, finishedAt: number): FinishedRun => ({
  kind,
  durationMs: 3_000,
  lastPendingMs: 0,
  finishedAt,
  succeeded: false,
  lowerBound: false,
});

/** Account runs oldest first: each kind's success or refusal, one per millisecond. */
const accountArb = fc
  .array(fc.record({ kind: kindArb, refused: fc.boolean(), durationMs: durationArb }), { maxLength: 60 })
  .map((draws) =>
    draws.map(({ kind, refused, durationMs }, i) =>
      refused ? refusal(kind, T0 + i) : success(kind, durationMs, T0 + i),
    ),
  );

describe('refusals are the account’s', () => {
  it('keeps the share between the floor and 1, raised by a new refusal elsewhere, lowered by a success', () => {
    fc.assert(
      fc.property(kindArb, kindArb, accountArb, durationArb, (kind, other, runs, durationMs) => {
        const share = earlyFailureShare(kind, runs);
        expect(share).toBeGreaterThanOrEqual(EARLY_FAILURE_FLOOR);
        expect(share).toBeLessThanOrEqual(1);
        const at = T0 + runs.length;
        const next = (run: FinishedRun) => earlyFailureShare(kind, [...runs, run]);
        if (other === kind) {
          // The kind's own runs are its fit's business (survivalFit.ts), not counted twice.
          expect(next(refusal(kind, at))).toBe(share);
        } else {
          expect(next(refusal(other, at))).toBeGreaterThanOrEqual(share);
          expect(next(success(other, durationMs, at))).toBeLessThanOrEqual(share);
        }
      }),
    );
  });

  it('shows a dub a refusal within seconds once stories and speech have been refused', () => {
    // 40 dubs took 15–25 min; then the account runs out of credits: six stories and speech jobs refused.
    const dubs = runsOf(
      'dub',
      Array.from({ length: 40 }, (_, i) => (15 + i / 4) * MINUTE),
    );
    const refused = Array.from({ length: 6 }, (_, i) => refusal(i % 2 === 0 ? 'story' : 'tts', T0 + 100 + i));
    const before = buildDurationModel('dub', dubs);
    const after = buildDurationModel('dub', [...dubs, ...refused]);
    expect(finishChance(before, 0, 6_000)).toBeLessThan(0.02);
    expect(finishChance(after, 0, 6_000)).toBeGreaterThan(0.2);
    // The 80 % interval of a new dub now reaches down to a refusal's few seconds.
    expect(estimateRemaining(after, 0).lowMs).toBeLessThan(6_000);
  });
});

describe('a history the current jobs reject', () => {
  it('leaves a history alone while the running jobs are younger than it says jobs take', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 10, maxLength: 40 }),
        fc.array(fc.double({ min: 0.01, max: 0.3, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (history, ages) => {
          const model = buildDurationModel(
            'story',
            runsOf(
              'story',
              history.map((h) => h * 4 * MINUTE),
            ),
          );
          const logS = (ms: number) => Math.log1p(-finishChance(model, 0, ms));
          expect(driftFactor(logS, { ended: [], runningMs: ages.map((a) => a * 4 * MINUTE) })).toBe(1);
        },
      ),
      { numRuns: 40 },
    );
  });

  /** 80 stories that took 3–5 min, finished an hour before `now`. */
  const history = runsOf(
    'story',
    Array.from({ length: 80 }, (_, i) => (3 + i / 40) * MINUTE),
  );
  const now = T0 + HOUR;

  it('stretches a 4-minute history when the 300 stories started since are all still running at 2–4 minutes', () => {
    const running = Array.from({ length: 300 }, (_, i) => (2 + i / 150) * MINUTE);
    const stale = buildDurationModel('story', history, running);
    const rescaled = buildDurationModel('story', history, running, now);
    // By the history a 3-minute story is about to end; none of 300 has ended: it is given longer.
    expect(estimateRemaining(rescaled, 3 * MINUTE).medianMs).toBeGreaterThan(
      1.3 * estimateRemaining(stale, 3 * MINUTE).medianMs,
    );
    // The finished runs alone still say what "usual" was.
    expect(rescaled.usualMs).toBe(stale.usualMs);
  });

  it('keeps a history the jobs started since agree with', () => {
    // 60 stories started over the last 6 min, one every 6 s, each taking 3–5 min like the history: the
    // quick ones have ended, the rest are running.
    const started = Array.from({ length: 60 }, (_, i) => ({
      at: now - 6 * MINUTE + i * 6_000,
      durationMs: (3 + ((i * 7) % 20) / 10) * MINUTE,
    }));
    const ended = started.filter((job) => job.at + job.durationMs <= now);
    const runs = [
      ...history,
      ...ended.map((job) => success('story', job.durationMs, job.at + job.durationMs)),
    ].sort((a, b) => a.finishedAt - b.finishedAt);
    const running = started.filter((job) => job.at + job.durationMs > now).map((job) => now - job.at);
    expect(ended.length).toBeGreaterThan(5);
    expect(buildDurationModel('story', runs, running, now)).toEqual(
      buildDurationModel('story', runs, running),
    );
  });
});

describe('the factor once the cohort has finishes of its own', () => {
  /** 80 stories that took 3–5 min, finished before the cohort began. */
  const history = runsOf(
    'story',
    Array.from({ length: 80 }, (_, i) => (3 + i / 40) * MINUTE),
  );
  const model = buildDurationModel('story', history);
  const logS = (ms: number) => Math.log1p(-finishChance(model, 0, ms));

  it('is the cohort’s own (most likely) factor, not only the least change it demands', () => {
    // 200 stories started together running ×2 (6–10 min), seen at 8 min: the quicker half ended.
    const durations = Array.from({ length: 200 }, (_, i) => (6 + (4 * ((i * 37) % 200)) / 200) * MINUTE);
    const age = 8 * MINUTE;
    const ended = durations.filter((ms) => ms <= age).map((ms) => ({ fromMs: ms - 30_000, toMs: ms }));
    const runningMs = durations.filter((ms) => ms > age).map(() => age);
    expect(ended.length).toBeGreaterThanOrEqual(5);
    const factor = driftFactor(logS, { ended, runningMs });
    expect(factor).toBeGreaterThan(1.8);
    expect(factor).toBeLessThan(2.2);
  });

  it('is still the least change demanded while fewer than five have ended', () => {
    const ended = [1, 2, 3, 4].map((i) => ({ fromMs: (6 + i / 10) * MINUTE, toMs: (6.2 + i / 10) * MINUTE }));
    const runningMs = Array.from({ length: 196 }, () => 7 * MINUTE);
    const few = driftFactor(logS, { ended, runningMs });
    expect(few).toBeGreaterThan(1);
    // The running jobs only bound it from below, so the likelihood's maximum is the search's ×8 bound: the
    // factor is the least change they demand instead.
    expect(few).toBeLessThan(3);
  });
});
