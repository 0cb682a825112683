import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { durationScale, durationSpread } from '../../src/renderer/insights/durationScale';
import { quantileOfSorted } from '../../src/shared/durations/sampleQuantile';
import { KindInsight } from '../../src/renderer/insights/KindInsight';

afterEach(cleanup);

const MINUTE = 60_000;

describe('the duration axis', () => {
  it('ends the axis at a round duration at or above the longest run, labelled at 0, half and end', () => {
    expect(durationScale(7 * MINUTE).ticks.map((tick) => tick.label)).toEqual(['0', '5 min', '10 min']);
    expect(durationScale(25_000).ticks.map((tick) => tick.label)).toEqual(['0', '15 s', '30 s']);
    expect(durationScale(0).maxMs).toBeGreaterThan(0);
    const scale = durationScale(3 * 24 * 60 * MINUTE);
    expect(scale.maxMs).toBeGreaterThanOrEqual(3 * 24 * 60 * MINUTE);
    expect(scale.position(scale.maxMs * 2)).toBe(1);
  });

  it('finds quartiles between neighbours', () => {
    expect(quantileOfSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileOfSorted([10, 20], 0.25)).toBe(12.5);
    expect(durationSpread([])).toBeNull();
    expect(durationSpread([4, 1, 3, 2, 5])).toMatchObject({
      count: 5,
      shortestMs: 1,
      medianMs: 3,
      longestMs: 5,
    });
  });
});

describe('one kind’s insight', () => {
  it('draws every run with a name that says what the chart shows, and counts the endings', () => {
    render(
      <KindInsight
        kind="dub"
        succeeded={4}
        failed={1}
        runs={[2, 4, 6, 8].map((minutes) => ({
          durationMs: minutes * MINUTE,
          finishedAt: 0,
          succeeded: minutes !== 6,
        }))}
      />,
    );
    const section = screen.getByRole('region', { name: 'Dub' });
    expect(within(section).getByText('5 finished: 4 succeeded, 1 failed')).toBeTruthy();
    const chart = within(section).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Dub: 4 jobs took 2–8 min, the middle half 3–7 min, median 5 min',
    );
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelectorAll('path')).toHaveLength(1);
    expect(section.textContent).toContain('succeeded');
  });

  it('says one run plainly', () => {
    render(
      <KindInsight
        kind="tts"
        succeeded={1}
        failed={0}
        runs={[{ durationMs: 12_000, finishedAt: 0, succeeded: true }]}
      />,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Speech: 1 job took 12 s');
  });
});
