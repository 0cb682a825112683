import { clipLine } from '../../../shared/format/clipText';
import type { RequestFailure } from '../camb';
import type { StopCause } from '../../../shared/watchedTask';

const MAX_DETAIL = 120;

/** A task's `lastProblem`: one short line a user can act on, kept until the next good answer. */
export function describeProblem(failure: RequestFailure): string {
  switch (failure.type) {
    case 'auth-rejected':
      return `CAMB.AI rejected the API key (HTTP ${failure.httpStatus}); set a valid key`;
    case 'not-found':
      return 'CAMB.AI does not know this task id (HTTP 404); check the id and its kind';
    case 'invalid':
      // The client's message already says CAMB.AI refused the request, with its status and reason.
      return clipLine(failure.message, MAX_DETAIL);
    case 'rate-limited':
      return failure.retryAfterMs === null
        ? 'CAMB.AI asked us to slow down (HTTP 429)'
        : `CAMB.AI asked us to slow down (HTTP 429); retrying in ${Math.ceil(failure.retryAfterMs / 1000)} s`;
    case 'server-error':
      return `CAMB.AI had a server error (HTTP ${failure.httpStatus}); retrying`;
    case 'network':
      return `Could not reach CAMB.AI (${failure.reason}); retrying`;
    case 'malformed':
      return 'CAMB.AI sent an answer that could not be read; retrying';
  }
}

/** A stopped task's `stoppedReason`: why it is no longer checked, and what to check before trying again. */
export function describeStop(failure: RequestFailure, cause: StopCause): string {
  if (cause === 'forbidden')
    return "CAMB.AI refuses this key access to this task: it may belong to another account. Check the id, or use that account's key.";
  return describeProblem(failure);
}
