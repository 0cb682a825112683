import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KindInsight } from '../../src/renderer/insights/KindInsight';
import { timeLeftText } from '../../src/renderer/tasks/DetailEstimate';

afterEach(cleanup);

const MINUTE = 60_000;
const estimate = { lowMs: 3 * MINUTE, medianMs: 5 * MINUTE, highMs: 9 * MINUTE, longerThanUsual: false };
/** The kind's range from the start: what "longer than usual" is measured against. */
const usual = { lowMs: MINUTE, medianMs: 2 * MINUTE, highMs: 4 * MINUTE, longerThanUsual: false, basedOn: 4 };

describe('the details’ time left', () => {
  it('says one figure, then the range and what it rests on: earlier jobs of the kind, or its usual time', () => {
    expect(timeLeftText('dub', { ...estimate, basedOn: 37 }, usual)).toBe(
      '~5 min left (usually 3–9 min more), from 37 earlier dubs.',
    );
    expect(timeLeftText('story', { ...estimate, basedOn: 1 }, usual)).toBe(
      '~5 min left (usually 3–9 min more), from 1 earlier story.',
    );
    expect(timeLeftText('dub', { ...estimate, basedOn: 0 }, usual)).toBe(
      '~5 min left (usually 3–9 min more), from the usual time for dubs (no dub has finished here yet).',
    );
  });

  it('says a job is taking longer than usual, and how much longer it may still take', () => {
    expect(timeLeftText('tts', { ...estimate, longerThanUsual: true, basedOn: 4 }, usual)).toBe(
      'Longer than usual (speech jobs usually take 1–4 min): ~5 min left, probably 3–9 min more, from 4 earlier speech jobs.',
    );
  });

  it('says "longer than usual" only once 3 runs of the kind have finished: one or two say too little', () => {
    for (const basedOn of [0, 1, 2])
      expect(timeLeftText('tts', { ...estimate, longerThanUsual: true, basedOn }, usual)).not.toMatch(
        /longer than usual/iu,
      );
    expect(timeLeftText('tts', { ...estimate, longerThanUsual: true, basedOn: 3 }, usual)).toMatch(
      /^Longer than usual/u,
    );
  });
});

describe('a kind whose endings were not timed', () => {
  it('counts them and says why there is no chart', () => {
    render(<KindInsight kind="dub" succeeded={2} failed={0} runs={[]} />);
    expect(screen.getByText('2 finished: 2 succeeded, 0 failed')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/did not see them from start to end/u)).toBeTruthy();
  });
});
