import { adaptivePolicy } from './adaptivePolicy';
import { chooseNextCheck } from './budgetChoice';
import type { CheckPolicy } from './checkPolicy';
import { anyHistory, durationAwareInterval, pacesFrom } from './durationAware';
import type { DurationModelSource } from './durationAware';
import { MAX_INTERVAL_MS, MIN_INTERVAL_MS } from './pollInterval';
import type { IntervalPolicy } from './pollInterval';

/**
 * Under a tight budget, a task that waited this many rounds of the budget (the time it takes to check every
 * task once) since its last check goes first, however unlikely its finish. Fewer rounds take turns from
 * the likely finishes, more let a job the history misjudges wait longer: in `npm run bench` scenario 2,
 * 2 rounds gave a p95 delay of 89 s, 3 rounds 79 s, 4 rounds 75 s.
 */
const STARVATION_ROUNDS = 3;

/**
 * How long a task may wait since its last check before it goes ahead of likelier ones: a minute when the
 * budget can check every task that often, else STARVATION_ROUNDS rounds of the budget, so that a job the
 * history says is far from done (it may have failed early) still gets a turn.
 */
export function starvationLimitMs(roundMs: number): number {
  return Math.max(MAX_INTERVAL_MS, STARVATION_ROUNDS * roundMs);
}

/**
 * The duration-aware schedule (see durationAware.ts): kinds the user's history knows are paced from it,
 * and under a tight budget the finish most likely gone unnoticed goes first (budgetChoice.ts). Without
 * any history it is the adaptive schedule, as promised; with history a job's pace is `pastUsual` (the
 * adaptive interval), made shorter or longer only where the model is sure enough (durationAware.ts).
 */
export function durationAwarePolicy(models: DurationModelSource, pastUsual: IntervalPolicy): CheckPolicy {
  const adaptive = adaptivePolicy(pastUsual);
  return {
    pace(kind, ageMs, share) {
      const model = models()?.[kind];
      if (!pacesFrom(model)) return adaptive.pace(kind, ageMs, share);
      // The duration-aware pace promises never to check a job more often than every 3 s, jitter included.
      return {
        intervalMs: durationAwareInterval(model, ageMs, share, pastUsual),
        atLeastMs: MIN_INTERVAL_MS,
      };
    },
    next(due, now) {
      const known = models();
      if (!anyHistory(known)) return adaptive.next(due, now);
      const candidates = [...due.dueBy(now)];
      if (candidates.length <= 1) return due.first();
      return chooseNextCheck(candidates, now, starvationLimitMs(due.roundMs()), known) ?? due.first();
    },
  };
}
