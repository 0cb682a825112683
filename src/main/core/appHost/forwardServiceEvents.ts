import type { EventSink } from '../../../shared/contract';
import type { ServiceState } from '../../../shared/serviceState';
import type { Logger } from '../logging/logger';
import type { WatchService } from '../watchService/watchServiceTypes';
import { keyStatusFrom } from './keyStatus';

type StateFacts = {
  readonly [
    K in 'connectivity' | 'authProblem' | 'rateLimited' | 'polling' | 'budget' | 'saving' | 'keyStatus'
  ]: (previous: ServiceState, next: ServiceState) => boolean;
};

/** Which of the banner facts a state change touched: the UI is told only about those. */
const CHANGED: StateFacts = {
  connectivity: (a, b) => a.connectivity !== b.connectivity,
  authProblem: (a, b) => a.authProblem !== b.authProblem,
  rateLimited: (a, b) => a.rateLimitedUntil !== b.rateLimitedUntil,
  polling: (a, b) => a.pollingPaused !== b.pollingPaused || a.suspended !== b.suspended,
  budget: (a, b) => a.budgetNotice !== b.budgetNotice,
  saving: (a, b) => JSON.stringify(a.saveProblem) !== JSON.stringify(b.saveProblem),
  keyStatus: (a, b) =>
    a.key.present !== b.key.present ||
    a.key.where !== b.key.where ||
    a.key.problem !== b.key.problem ||
    a.key.check !== b.key.check,
};

/**
 * Turns the service's events into the contract's: per-task changes as they are, and the one service
 * state split into the facts the banners show, each sent only when it changed.
 */
export function forwardServiceEvents(service: WatchService, send: EventSink, logger: Logger): () => void {
  let previous = service.state();
  const stops = [
    service.on('taskChanged', ({ task }) => send('taskChanged', { task })),
    service.on('tasksRemoved', ({ keys }) => send('tasksRemoved', { keys: [...keys] })),
    service.on('settingsChanged', ({ settings }) => send('settingsChanged', settings)),
    service.on('durationsChanged', ({ durations }) => send('durationsChanged', { durations })),
    service.on('stateChanged', ({ state }) => {
      const before = previous;
      previous = state;
      if (CHANGED.connectivity(before, state)) send('connectivity', { connectivity: state.connectivity });
      if (CHANGED.authProblem(before, state)) send('authProblem', { problem: state.authProblem });
      if (CHANGED.rateLimited(before, state)) send('rateLimited', { until: state.rateLimitedUntil });
      if (CHANGED.polling(before, state))
        send('polling', { paused: state.pollingPaused, suspended: state.suspended });
      if (CHANGED.budget(before, state)) send('budget', { notice: state.budgetNotice });
      if (CHANGED.saving(before, state)) send('saving', { problem: state.saveProblem });
      if (CHANGED.keyStatus(before, state)) {
        service
          .describeKey()
          .then((description) => send('keyStatus', keyStatusFrom(description, service.state().key.check)))
          .catch((error: unknown) => logger.error('Could not describe the key', { error: String(error) }));
      }
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
