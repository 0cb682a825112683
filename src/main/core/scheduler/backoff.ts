import type { BackoffPolicy } from '../../../shared/backoff';
import { MINUTE_MS, SECOND_MS } from '../../../shared/time';

export { backoffDelayMs, type BackoffPolicy } from '../../../shared/backoff';

/** 2 s, 4 s, 8 s, … capped at 5 minutes: long enough to spare a struggling server, short enough to notice recovery. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2 * SECOND_MS, maxMs: 5 * MINUTE_MS };
