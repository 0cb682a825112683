import { z } from 'zod';
import { responsivenessSchema } from '../../../shared/settings';
import type { Responsiveness } from '../../../shared/settings';
import { DEFAULT_BACKOFF } from './backoff';
import type { BackoffPolicy } from './backoff';
import { DEFAULT_MAX_JITTER } from './pollInterval';
import { DEFAULT_ARRIVAL_JITTER_MS } from './rateBudget';
import type { SchedulerOptions } from './schedulerTypes';

/** Requests in flight at once, across all tasks, unless the caller says otherwise. */
export const DEFAULT_MAX_CONCURRENT = 4;
/** Requests in any rolling second, across all tasks, where they arrive, unless the caller says otherwise. */
export const DEFAULT_RATE_PER_SECOND = 5;

const wholeOrInfinite = (what: string) =>
  z.custom<number>(
    (value) => value === Infinity || (Number.isInteger(value) && (value as number) >= 1),
    `${what} must be a whole number of at least 1, or Infinity`,
  );

const tuningSchema = z.object({
  responsiveness: responsivenessSchema,
  maxJitter: z.number().min(0, 'maxJitter cannot be negative').max(0.5, 'maxJitter above 0.5 is not jitter'),
  maxConcurrent: wholeOrInfinite('maxConcurrent'),
  ratePerSecond: wholeOrInfinite('ratePerSecond'),
  arrivalJitterMs: z.number().min(0, 'arrivalJitterMs cannot be negative').max(1_000),
  backoff: z
    .object({ baseMs: z.number().positive(), maxMs: z.number().positive() })
    .refine((b) => b.maxMs >= b.baseMs, 'backoff.maxMs must be at least backoff.baseMs'),
});

/** The scheduler's numbers, checked once: a caller's mistake fails at creation, not at the first poll. */
export interface SchedulerTuning {
  readonly responsiveness: Responsiveness;
  readonly maxJitter: number;
  readonly maxConcurrent: number;
  readonly ratePerSecond: number;
  readonly arrivalJitterMs: number;
  readonly backoff: BackoffPolicy;
}

/** The caller's tuning with the defaults filled in; throws (in words) on a value that makes no sense. */
export function parseTuning(options: SchedulerOptions): SchedulerTuning {
  return tuningSchema.parse({
    responsiveness: options.responsiveness ?? 'balanced',
    maxJitter: options.maxJitter ?? DEFAULT_MAX_JITTER,
    maxConcurrent: options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
    ratePerSecond: options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND,
    arrivalJitterMs: options.arrivalJitterMs ?? DEFAULT_ARRIVAL_JITTER_MS,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
  });
}
