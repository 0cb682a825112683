import type { ServiceState } from '../../../src/shared/serviceState';

/** The app with a working key, online, awake and not paused: nothing holds polling back. */
export const RUNNING_STATE: ServiceState = {
  key: { present: true, where: 'OS keychain', problem: null, check: null },
  authProblem: null,
  connectivity: 'online',
  pollingPaused: false,
  suspended: false,
  rateLimitedUntil: null,
  budgetNotice: null,
  saveProblem: null,
};
