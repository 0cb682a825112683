export { createScheduler } from './scheduler';
export { DEFAULT_MAX_CONCURRENT, DEFAULT_RATE_PER_SECOND } from './schedulerTuning';
export { UNREACHABLE_AFTER_FAILURES } from './reachability';
export type { CheckPolicy, DueChecks, Pace } from './checkPolicy';
export type {
  CheckKey,
  CheckStatus,
  RetryNowVerdict,
  ScheduledTask,
  Scheduler,
  SchedulerEvents,
  SchedulerOptions,
  SchedulerState,
} from './schedulerTypes';
export {
  adaptiveInterval,
  applyJitter,
  detectionBoundMs,
  fixedInterval,
  DEFAULT_MAX_JITTER,
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
} from './pollInterval';
export type { IntervalPolicy } from './pollInterval';
export { budgetNotice } from './budgetNotice';
export { budgetRoundMs, DEFAULT_ARRIVAL_JITTER_MS, paceSpacingMs } from './rateBudget';
export { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
export type { BackoffPolicy } from './backoff';
