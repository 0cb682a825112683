import { MINUTE_MS, SECOND_MS } from '../../../shared/time';

/**
 * How long to wait between two checks of a pending task. The interval grows with the task's age so that
 * a job is noticed within a fixed share of its own duration: a task that finishes after running for `d`
 * was last seen pending at an age below `d`, so the next check comes at most `interval(d)` later.
 */

export const MIN_INTERVAL_MS = 3 * SECOND_MS;
export const MAX_INTERVAL_MS = MINUTE_MS;

/** Default cap on jitter: intervals are shortened by up to this share, never lengthened. */
export const DEFAULT_MAX_JITTER = 0.05;

/** Milliseconds to wait after a check sent at `ageMs` into the task's life; `share` comes from the responsiveness setting. */
export type IntervalPolicy = (ageMs: number, share: number) => number;

/** `min(60 s, max(3 s, share × age))`: the product's default. */
export const adaptiveInterval: IntervalPolicy = (ageMs, share) =>
  Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, share * ageMs));

/** Polls every `intervalMs` whatever the age, as the SDKs' wait helpers do; used by the benchmark for comparison. */
export function fixedInterval(intervalMs: number): IntervalPolicy {
  return () => intervalMs;
}

/**
 * The promise the adaptive policy keeps: a task that ran for `durationMs` is detected at most this long
 * after it finished (when requests are not held back by the rate budget, a pause or an outage).
 */
export function detectionBoundMs(durationMs: number, share: number): number {
  return adaptiveInterval(durationMs, share);
}

/**
 * Shortens `intervalMs` by `random01 × maxJitter` of itself, so that tasks added together drift apart.
 * Jitter only ever shortens: lengthening would break the detection bound.
 */
export function applyJitter(intervalMs: number, random01: number, maxJitter: number): number {
  const shortenBy = Math.min(Math.max(random01, 0), 1) * maxJitter;
  return Math.floor(intervalMs * (1 - shortenBy));
}
