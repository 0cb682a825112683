import { describe, expect, it } from 'vitest';
import {
  estimateBasisText,
  estimateRangeText,
  estimateText,
  formatAbout,
  formatRange,
  rowEstimateText,
  runningEstimateText,
  usualDurationText,
} from '../../../src/shared/format/estimateText';
import type { RemainingEstimate } from '../../../src/shared/durations';

const MINUTE = 60_000;

const estimate = (lowMs: number, highMs: number, longerThanUsual = false): RemainingEstimate => ({
  lowMs,
  medianMs: (lowMs + highMs) / 2,
  highMs,
  longerThanUsual,
  basedOn: 4,
});

describe('estimate wording', () => {
  it('says a range in one unit, rounded outwards', () => {
    expect(formatRange(3.4 * MINUTE, 8.2 * MINUTE)).toBe('3–9 min');
    expect(formatRange(12_000, 41_000)).toBe('10–45 s');
    expect(formatRange(20_000, 8.2 * MINUTE)).toBe('up to 9 min');
    expect(formatRange(4 * MINUTE, 4 * MINUTE)).toBe('about 4 min');
    expect(formatRange(2.5 * 3600_000, 7.2 * 3600_000)).toBe('2–8 h');
    expect(formatRange(3 * 86_400_000, 9 * 86_400_000)).toBe('3–9 d');
    // A dub's broad first guess: minutes to hours reads in both units, not as "3–127 min".
    expect(formatRange(3.4 * MINUTE, 127 * MINUTE)).toBe('3 min–3 h');
    expect(formatRange(20 * MINUTE, 80 * MINUTE)).toBe('20–80 min');
  });

  it('never says a negative or inverted range', () => {
    expect(formatRange(-5, 0)).toBe('up to 5 s');
    expect(formatRange(9 * MINUTE, 3 * MINUTE)).toBe('about 3 min');
  });

  it("says a row's estimate, or that the job is taking longer than usual", () => {
    expect(estimateRangeText(estimate(3 * MINUTE, 9 * MINUTE))).toBe('usually 3–9 min more');
    expect(estimateText(estimate(3 * MINUTE, 9 * MINUTE, true))).toBe('longer than usual');
    expect(runningEstimateText(4 * MINUTE + 20_000, estimate(3 * MINUTE, 9 * MINUTE))).toBe(
      'running 4 min · usually 3–9 min more',
    );
    expect(runningEstimateText(40 * MINUTE, estimate(3 * MINUTE, 9 * MINUTE, true))).toBe(
      'running 40 min · longer than usual',
    );
  });

  it("says a row's one figure, and 'longer than usual' only once 3 runs of the kind have finished", () => {
    expect(rowEstimateText(estimate(3 * MINUTE, 9 * MINUTE))).toBe('~6 min left');
    expect(rowEstimateText(estimate(10_000, 30_000))).toBe('~20 s left');
    expect(rowEstimateText(estimate(0, 1_000))).toBe('~5 s left');
    expect(rowEstimateText(estimate(3 * MINUTE, 9 * MINUTE, true))).toBe('~6 min left · longer than usual');
    const afterTwo = { ...estimate(3 * MINUTE, 9 * MINUTE, true), basedOn: 2 };
    expect(rowEstimateText(afterTwo)).toBe('~6 min left');
    expect(estimateText(afterTwo)).toBe('usually 3–9 min more');
    expect(estimateText({ ...afterTwo, basedOn: 3 })).toBe('longer than usual');
  });

  it('says roughly how long, for the tray', () => {
    expect(formatAbout(3.2 * MINUTE)).toBe('about 3 min');
    expect(formatAbout(38_000)).toBe('about 40 s');
    expect(formatAbout(500)).toBe('about 5 s');
    expect(formatAbout(2.4 * 3600_000)).toBe('about 2 h');
  });

  it("says what an estimate rests on, in the kind's own words", () => {
    expect(estimateBasisText('dub', 37)).toBe('from 37 earlier dubs');
    expect(estimateBasisText('story', 1)).toBe('from 1 earlier story');
    expect(estimateBasisText('dub', 0)).toBe('from the usual time for dubs');
    expect(estimateBasisText('tts', 0)).toBe('from the usual time for speech jobs');
  });

  it('says how long a kind usually takes', () => {
    expect(usualDurationText('dub', estimate(3 * MINUTE, 9 * MINUTE))).toBe('Dubs usually take 3–9 min');
  });
});
