import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyHistory,
  chanceFinishedSince,
  durationAwareInterval,
  expectedUnnoticedMs,
  LATENESS_AT_RISK_MS,
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

  it('puts no more lateness at risk than allowed, unless already at the 3 s floor', () => {
    fc.assert(
      fc.property(histories, fc.nat(12 * 3600_000), (durations, ageMs) => {
        const model = buildDurationModel('story', runsOf('story', durations));
        const interval = durationAwareInterval(model, ageMs, RESPONSIVENESS_SHARE.balanced);
        if (estimateRemaining(model, ageMs).longerThanUsual) {
          expect(interval).toBe(adaptiveInterval(ageMs, RESPONSIVENESS_SHARE.balanced));
          return;
        }
        if (interval > MIN_INTERVAL_MS)
          expect(interval * finishChance(model, ageMs, ageMs + interval)).toBeLessThanOrEqual(
            LATENESS_AT_RISK_MS * 1.001,
          );
        // And it is the longest such interval, to within the bisection's step.
        if (interval < MAX_INTERVAL_MS) {
          const longer = interval + 100;
          expect(longer * finishChance(model, ageMs, ageMs + longer)).toBeGreaterThan(LATENESS_AT_RISK_MS);
        }
      }),
    );
  });

  it('checks a dub rarely while it is young and often around the time dubs usually finish', () => {
    const model = modelsWith({ dub: around(20 * MINUTE) }).dub;
    const share = RESPONSIVENESS_SHARE.balanced;
    const young = durationAwareInterval(model, 2 * MINUTE, share);
    const due = durationAwareInterval(model, 20 * MINUTE, share);
    expect(young).toBe(MAX_INTERVAL_MS);
    expect(due).toBeLessThan(young / 2);
    // The adaptive pace would check the young dub every 12 s and the due one every 60 s.
  });

  it('paces a job running longer than usual by its age, as the adaptive schedule would', () => {
    const model = modelsWith({ story: around(4 * MINUTE) }).story;
    const share = RESPONSIVENESS_SHARE.balanced;
    for (const ageMs of [6 * MINUTE, 30 * MINUTE]) {
      expect(estimateRemaining(model, ageMs).longerThanUsual).toBe(true);
      expect(durationAwareInterval(model, ageMs, share)).toBe(adaptiveInterval(ageMs, share));
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
