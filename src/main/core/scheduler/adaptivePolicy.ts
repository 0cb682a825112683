import type { CheckPolicy } from './checkPolicy';
import type { IntervalPolicy } from './pollInterval';

/**
 * The adaptive schedule (the default): every job paced by its age (`interval`, adaptiveInterval unless a
 * caller compares others), and the most overdue check goes first, after any the user asked for, since
 * someone is waiting for its answer.
 */
export function adaptivePolicy(interval: IntervalPolicy): CheckPolicy {
  return {
    pace: (_kind, ageMs, share) => ({ intervalMs: interval(ageMs, share), atLeastMs: 0 }),
    next: (due, now) => due.askedFor(now) ?? due.first(),
  };
}
