/**
 * What one request to CAMB.AI came to. The client never throws for an HTTP-level result: every answer,
 * fault and silence becomes one of these, and the scheduler and CLI decide what it means for them.
 */

export interface StatusReport {
  readonly type: 'status';
  /** Verbatim, including values the API does not document. */
  readonly status: string;
  readonly runId: number | null;
  readonly exceptionReason: string | null;
  /** An object message is kept as its JSON text. */
  readonly message: string | null;
}

export interface AuthRejected {
  readonly type: 'auth-rejected';
  readonly httpStatus: 401 | 403;
  readonly message: string;
}

export interface NotFound {
  readonly type: 'not-found';
  readonly message: string;
}

export interface ValidationDetail {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
}

export interface Invalid {
  readonly type: 'invalid';
  readonly message: string;
  readonly details: readonly ValidationDetail[];
}

export interface RateLimited {
  readonly type: 'rate-limited';
  readonly message: string;
  /** From Retry-After (seconds or HTTP date), relative to when the answer arrived; null when absent. */
  readonly retryAfterMs: number | null;
}

export interface ServerError {
  readonly type: 'server-error';
  readonly httpStatus: number;
  readonly message: string;
}

export type NetworkReason = 'timeout' | 'refused' | 'reset' | 'dns' | 'other';

export interface NetworkFailure {
  readonly type: 'network';
  readonly reason: NetworkReason;
  readonly message: string;
}

export interface Malformed {
  readonly type: 'malformed';
  readonly message: string;
}

/** Every way a request can fail to give the answer asked for. */
export type RequestFailure =
  AuthRejected | NotFound | Invalid | RateLimited | ServerError | NetworkFailure | Malformed;

export type StatusOutcome = StatusReport | RequestFailure;

/** Failures worth retrying later without any change from the user. */
export type TransientFailure = RateLimited | ServerError | NetworkFailure | Malformed;

export function isTransientFailure(outcome: StatusOutcome): outcome is TransientFailure {
  return (
    outcome.type === 'rate-limited' ||
    outcome.type === 'server-error' ||
    outcome.type === 'network' ||
    outcome.type === 'malformed'
  );
}
