/**
 * CAMB.AI task statuses. The API documents five; anything else it sends is kept verbatim and treated as
 * "unknown": polling goes on and the value is shown as it came (CAMB-API.md, "Statuses").
 */
export const DOCUMENTED_STATUSES = ['PENDING', 'SUCCESS', 'ERROR', 'TIMEOUT', 'PAYMENT_REQUIRED'] as const;

export type DocumentedStatus = (typeof DOCUMENTED_STATUSES)[number];

/** A status as the API sent it: one of the documented ones, or any other string. */
export type TaskStatus = string;

export type StatusPhase = 'pending' | 'succeeded' | 'failed' | 'unknown';

const FAILURE_STATUSES: ReadonlySet<string> = new Set(['ERROR', 'TIMEOUT', 'PAYMENT_REQUIRED']);

export function statusPhase(status: TaskStatus): StatusPhase {
  if (status === 'PENDING') return 'pending';
  if (status === 'SUCCESS') return 'succeeded';
  if (FAILURE_STATUSES.has(status)) return 'failed';
  return 'unknown';
}

/** Only SUCCESS, ERROR, TIMEOUT and PAYMENT_REQUIRED end a task; unknown statuses keep it polling. */
export function isTerminalStatus(status: TaskStatus | null): boolean {
  if (status === null) return false;
  const phase = statusPhase(status);
  return phase === 'succeeded' || phase === 'failed';
}
