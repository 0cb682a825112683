import { formatDuration } from '../../shared/format/duration';
import { quantileOfSorted } from '../../shared/durations/sampleQuantile';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../../shared/time';

/** Axis ends whose halves are round too, so the three labels read "0 · 10 min · 20 min", never "13 min". */
const AXIS_ENDS = [
  10 * SECOND_MS,
  20 * SECOND_MS,
  30 * SECOND_MS,
  MINUTE_MS,
  2 * MINUTE_MS,
  4 * MINUTE_MS,
  6 * MINUTE_MS,
  10 * MINUTE_MS,
  20 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  4 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
];

export interface DurationScale {
  /** The axis runs from 0 to this. */
  readonly maxMs: number;
  readonly ticks: readonly { readonly ms: number; readonly label: string }[];
  /** Where a duration sits along the axis, 0 to 1. */
  readonly position: (ms: number) => number;
}

/** A linear axis from 0 to the first round duration at or above the longest one. */
export function durationScale(longestMs: number): DurationScale {
  const needed = Math.max(longestMs, 1);
  const maxMs = AXIS_ENDS.find((end) => end >= needed) ?? Math.ceil(needed / (2 * DAY_MS)) * 2 * DAY_MS;
  const ticks = [0, maxMs / 2, maxMs].map((ms) => ({
    ms,
    label: ms === 0 ? '0' : formatDuration(ms),
  }));
  return { maxMs, ticks, position: (ms) => Math.min(1, Math.max(0, ms / maxMs)) };
}

export interface DurationSpread {
  readonly count: number;
  readonly shortestMs: number;
  readonly lowerQuartileMs: number;
  readonly medianMs: number;
  readonly upperQuartileMs: number;
  readonly longestMs: number;
}

/** The five figures a box plot draws, or null for no durations. */
export function durationSpread(durations: readonly number[]): DurationSpread | null {
  if (durations.length === 0) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    count: sorted.length,
    shortestMs: sorted[0] ?? 0,
    lowerQuartileMs: quantileOfSorted(sorted, 0.25),
    medianMs: quantileOfSorted(sorted, 0.5),
    upperQuartileMs: quantileOfSorted(sorted, 0.75),
    longestMs: sorted[sorted.length - 1] ?? 0,
  };
}
