import type { ServiceState } from '../../shared/serviceState';

/** Why nothing is being checked right now, app-wide: every still-running task waits for this. */
export type PollingHold = 'no-key' | 'key-rejected' | 'paused' | 'asleep' | 'offline' | 'unreachable';

/** The hold that explains the wait best (the one to lift first), or null while checks go on. */
export function pollingHold(state: ServiceState): PollingHold | null {
  if (!state.key.present) return 'no-key';
  if (state.authProblem !== null) return 'key-rejected';
  if (state.pollingPaused) return 'paused';
  if (state.suspended) return 'asleep';
  if (state.connectivity === 'offline') return 'offline';
  if (state.connectivity === 'unreachable') return 'unreachable';
  return null;
}

/** What a waiting task's row says about the hold, and what lifts it. */
export const HOLD_SENTENCES: Readonly<Record<PollingHold, string>> = {
  'no-key': 'Waiting for an API key: add one in Settings.',
  'key-rejected': 'Waiting for a working API key: CAMB.AI rejected the one set.',
  paused: 'Paused: not checked until you resume polling.',
  asleep: 'Waiting for the computer to wake up.',
  offline: 'Waiting for the connection to come back.',
  unreachable: 'Waiting: CAMB.AI cannot be reached; trying again.',
};
