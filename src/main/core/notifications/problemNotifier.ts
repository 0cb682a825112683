import type { NetworkReason } from '../camb';
import type { ProblemNotification } from './notificationModel';

/**
 * What happened that bears on key or connection problems. The scheduler meets the same problem on every
 * poll; these signals let the notifier speak once when an episode starts and stay quiet until it ends.
 */
export type ProblemSignal =
  /** CAMB.AI answered 401 or 403. */
  | { readonly type: 'auth-rejected'; readonly httpStatus?: 401 | 403 }
  /** The user stored a new key: a rejection after this is a new episode worth telling. */
  | { readonly type: 'key-changed' }
  /** No answer at all: network failure, or the system reports being offline. */
  | { readonly type: 'unreachable'; readonly reason?: NetworkReason | 'offline' }
  /** CAMB.AI accepted a request: the key works and the connection is back. */
  | { readonly type: 'answered' };

export interface ProblemState {
  readonly authEpisode: boolean;
  readonly connectivityEpisode: boolean;
}

export const NO_PROBLEMS: ProblemState = { authEpisode: false, connectivityEpisode: false };

export interface ProblemStep {
  readonly state: ProblemState;
  readonly notification: ProblemNotification | null;
}

const UNREACHABLE_CAUSE: Readonly<Record<NetworkReason | 'offline', string>> = {
  offline: 'This computer seems to be offline.',
  timeout: 'CAMB.AI did not answer in time.',
  refused: 'The connection was refused.',
  reset: 'The connection was cut off.',
  dns: "CAMB.AI's address could not be looked up.",
  other: 'The connection failed.',
};

function authNotification(httpStatus: 401 | 403 | undefined): ProblemNotification {
  const title =
    httpStatus === 403 ? 'CAMB.AI refused access with your API key' : 'CAMB.AI rejected your API key';
  const why =
    httpStatus === 403 ? 'The key lacks permission for these jobs.' : 'The key is missing, wrong or revoked.';
  return {
    type: 'problem',
    problem: 'auth',
    title,
    body: `${why} Watching is paused until you set a new key in Settings (or run: camb-watch key set).`,
  };
}

function connectivityNotification(reason: NetworkReason | 'offline' | undefined): ProblemNotification {
  const cause = UNREACHABLE_CAUSE[reason ?? 'other'];
  return {
    type: 'problem',
    problem: 'connectivity',
    title: "Can't reach CAMB.AI",
    body: `${cause} CAMB Watch will retry by itself; nothing to do.`,
  };
}

/** Pure: the next state, and a notification only when an episode starts. */
export function reduceProblemSignal(state: ProblemState, signal: ProblemSignal): ProblemStep {
  switch (signal.type) {
    case 'auth-rejected':
      // A rejection is an answer, so it also proves the connection works.
      return {
        state: { authEpisode: true, connectivityEpisode: false },
        notification: state.authEpisode ? null : authNotification(signal.httpStatus),
      };
    case 'key-changed':
      return { state: { ...state, authEpisode: false }, notification: null };
    case 'unreachable':
      return {
        state: { ...state, connectivityEpisode: true },
        notification: state.connectivityEpisode ? null : connectivityNotification(signal.reason),
      };
    case 'answered':
      return { state: NO_PROBLEMS, notification: null };
  }
}

export interface ProblemNotifier {
  /** Feed every signal; returns the notification to show, if any. */
  observe(signal: ProblemSignal): ProblemNotification | null;
  readonly state: ProblemState;
}

/** The reducer with its state kept, for wiring to scheduler events. */
export function createProblemNotifier(initial: ProblemState = NO_PROBLEMS): ProblemNotifier {
  let state = initial;
  return {
    observe(signal) {
      const step = reduceProblemSignal(state, signal);
      state = step.state;
      return step.notification;
    },
    get state() {
      return state;
    },
  };
}
