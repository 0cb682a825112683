import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyHistory,
  chanceFinishedSince,
  durationAwareInterval,
  expectedUnnoticedMs,
  HURRY_CHANCE,
  WAIT_CHANCE,
  pacesFrom,
} from '../../../src/main/core/scheduler/durationAware';
import { adaptiveInterval, MAX_INTERVAL_MS, MIN_INTERVAL_MS } from '../../../src/main/core/scheduler';
import { buildDurationModel, estimateRemaining, finishChance } from '../../../src/shared/durations';
import { RESPONSIVENESS_SHARE } from '../../../src/shared/settings';
import { around, modelsWith, runsOf } from './durations';

const MINUTE = 60_000;
const shares = fc.constantFrom(...Object.values(RESPONSIVENESS_SHARE));
const histories = fc.array(fc.integer({ min: 500, max: 6 * 3600_000 }), { minLength: 1, maxLength: 60 });

describe('duration-aware pace', () => {
  it('stays within 3 s – 60 s for any history, age and responsiveness', () => {
    fc.assert(
      fc.property(histories, fc.nat(12 * 3600_000), shares, (durations, ageMs, share) => {
        const model = buildDurationModel('dub', runsOf('dub', durations));
        const interval = durationAwareInterval(model, ageMs, share);
        expect(interval).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
        expect(interval).toBeLessThanOrEqual(MAX_INTERVAL_MS);
      }),
    );
  });

  it('hurries only where a finish within the adaptive interval is likely, and waits longer only where one is most unlikely', () => {
    fc.assert(
      fc.property(histories, fc.nat(12 * 3600_000), (durations, ageMs) => {
        const model = buildDurationModel('story', runsOf('story', durations));
        const share = RESPONSIVENESS_SHARE.balanced;
        const adaptive = adaptiveInterval(ageMs, share);
        const interval = durationAwareInterval(model, ageMs, share);
        const chance = (ms: number) => finishChance(model, ageMs, ageMs + ms);
        if (interval < adaptive - 1) {
          // Sooner than adaptive: a finish within the adaptive interval is likely, and the lateness at
          // risk stays within HURRY_CHANCE of the adaptive interval (unless at the 3 s floor).
          expect(chance(adaptive)).toBeGreaterThan(HURRY_CHANCE);
          if (interval > MIN_INTERVAL_MS)
            expect(interval * chance(interval)).toBeLessThanOrEqual(HURRY_CHANCE * adaptive * 1.001);
        } else if (interval > adaptive + 1) {
          // Later than adaptive: a finish within the longer wait is most unlikely.
          expect(chance(interval)).toBeLessThanOrEqual(WAIT_CHANCE * 1.001);
        }
      }),
    );
  });

  it('checks a dub rarely while it is young and often around the time dubs usually finish', () => {
    const model = modelsWith({ dub: around(20 * MINUTE) }).dub;
    const share = RESPONSIVENESS_SHARE.balanced;
    const young = durationAwareInterval(model, 2 * MINUTE, share);
    const due = durationAwareInterval(model, 20 * MINUTE, share);
    // The adaptive pace would check the young dub every 12 s and the due one every 60 s.
    expect(young).toBeGreaterThan(2 * adaptiveInterval(2 * MINUTE, share));
    expect(due).toBeLessThan(adaptiveInterval(20 * MINUTE, share));
  });

  it('checks a job long past the usual time of its kind no more often than the adaptive schedule', () => {
    const model = modelsWith({ story: around(4 * MINUTE) }).story;
    const share = RESPONSIVENESS_SHARE.balanced;
    // (At 30 min the prior's tail still gives the next minute a 5 % chance, above HURRY_CHANCE: 52 s, not 60 s.)
    for (const ageMs of [3 * 3600_000, 12 * 3600_000]) {
      expect(estimateRemaining(model, ageMs).longerThanUsual).toBe(true);
      expect(durationAwareInterval(model, ageMs, share)).toBeGreaterThanOrEqual(
        adaptiveInterval(ageMs, share),
      );
    }
  });

  it('checks less often on a more frugal setting, more often on an eager one', () => {
    const model = modelsWith({ story: around(4 * MINUTE) }).story;
    const at = (share: number) => durationAwareInterval(model, 4 * MINUTE, share);
    expect(at(RESPONSIVENESS_SHARE.eager)).toBeLessThan(at(RESPONSIVENESS_SHARE.balanced));
    expect(at(RESPONSIVENESS_SHARE.balanced)).toBeLessThan(at(RESPONSIVENESS_SHARE.frugal));
  });

  it('paces from the history only: the prior alone leaves the adaptive pace in place', () => {
    const models = modelsWith({ tts: around(8_000) });
    expect(pacesFrom(models.tts)).toBe(true);
    expect(pacesFrom(models.dub)).toBe(false);
    expect(pacesFrom(undefined)).toBe(false);
    expect(anyHistory(models)).toBe(true);
    expect(anyHistory(modelsWith())).toBe(false);
    expect(anyHistory(null)).toBe(false);
  });
});

describe('chance finished since the last check', () => {
  it('is 0 with no time passed, grows with the time since, and is a probability', () => {
    fc.assert(
      fc.property(histories, fc.nat(3600_000), fc.nat(3600_000), fc.nat(3600_000), (durations, a, b, c) => {
        const model = buildDurationModel('transcribe', runsOf('transcribe', durations));
        const [last, sooner, later] = [a, a + Math.min(b, c), a + Math.max(b, c)];
        expect(chanceFinishedSince(model, last, last)).toBe(0);
        const early = chanceFinishedSince(model, last, sooner);
        const late = chanceFinishedSince(model, last, later);
        expect(early).toBeGreaterThanOrEqual(0);
        expect(late).toBeLessThanOrEqual(1);
        expect(late).toBeGreaterThanOrEqual(early);
      }),
    );
  });

  it('summed over the wait, never exceeds the wait and grows with it', () => {
    fc.assert(
      fc.property(histories, fc.nat(3600_000), fc.nat(600_000), fc.nat(600_000), (durations, a, b, c) => {
        const model = buildDurationModel('dub', runsOf('dub', durations));
        const [shorter, longer] = [Math.min(b, c), Math.max(b, c)];
        const early = expectedUnnoticedMs(model, a, a + shorter);
        const late = expectedUnnoticedMs(model, a, a + longer);
        expect(early).toBeGreaterThanOrEqual(0);
        expect(late).toBeLessThanOrEqual(longer);
        expect(late).toBeGreaterThanOrEqual(early);
      }),
    );
  });

  it('is 0 when the clock was set back past the last check', () => {
    const model = modelsWith({ tts: around(8_000) }).tts;
    expect(chanceFinishedSince(model, 10_000, 5_000)).toBe(0);
  });
});
