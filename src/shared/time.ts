/**
 * Lengths of time in milliseconds, the unit every clock, timer and timestamp in CAMB Watch uses. The one
 * home for them: a file that needs "a minute" imports it rather than writing 60_000 or its own MINUTE.
 */
export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
