import type { CheckNowOutcome } from '../../../shared/contract/payloads';
import type { ServiceState } from '../../../shared/serviceState';
import type { WatchedTask } from '../../../shared/watchedTask';
import type { StatusOutcome } from '../camb';
import type { RetryNowVerdict } from '../scheduler';
import { heldUntilTheUserActs, nothingToCheck, said } from './checkNowOutcome';

/**
 * Why "Retry now" sends nothing at all: no key, nothing left to check, or a hold only the user can end.
 * Being offline or rate limited is what it is for, so neither stops it here.
 */
export function retryRefusal(tasks: readonly WatchedTask[], state: ServiceState): CheckNowOutcome | null {
  if (!state.key.present) return said(false, 'Add your API key in Settings first.');
  const nothing = nothingToCheck({ scope: 'all', tasks });
  if (nothing !== null) return said(false, nothing);
  return heldUntilTheUserActs(state);
}

/** Why the scheduler sent no request for "Retry now", in words. */
export function retryNotSent(verdict: Exclude<RetryNowVerdict, { type: 'sent' }>): CheckNowOutcome {
  switch (verdict.type) {
    case 'wait':
      return verdict.why === 'retry-after'
        ? said(
            false,
            'CAMB.AI said when to ask again; asking sooner would only be turned away.',
            verdict.until,
          )
        : said(false, 'CAMB Watch has just asked CAMB.AI; try again in a moment.');
    case 'busy':
      return said(
        false,
        'CAMB Watch is already waiting for CAMB.AI to answer; the list shows it when it does.',
      );
    case 'nothing':
      return said(false, 'Nothing to check: every task has finished or was stopped.');
    case 'held':
      return said(false, 'Checking is held; see the message above the list.');
  }
}

/** What the one request "Retry now" sent found. `resumesAt`: the rate limit it met, if any. */
export function retryAnswered(outcome: StatusOutcome, resumesAt: number | null): CheckNowOutcome {
  switch (outcome.type) {
    case 'network':
      return said(
        false,
        'Tried again: CAMB.AI still cannot be reached. Checking resumes by itself once it can.',
      );
    case 'rate-limited':
      return said(false, 'Tried again: CAMB.AI still asks CAMB Watch to slow down.', resumesAt);
    case 'auth-rejected':
      return said(false, 'Tried again: CAMB.AI rejected the API key. Save a working key in Settings.');
    default:
      return said(true, 'Tried again: CAMB.AI answered, so checking has resumed.');
  }
}
