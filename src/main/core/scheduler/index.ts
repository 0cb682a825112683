export {
  createScheduler,
  DEFAULT_MAX_CONCURRENT,
  DEFAULT_RATE_PER_SECOND,
  UNREACHABLE_AFTER_FAILURES,
} from './scheduler';
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
export { DEFAULT_ARRIVAL_JITTER_MS, paceSpacingMs } from './rateBudget';
export { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
export type { BackoffPolicy } from './backoff';
