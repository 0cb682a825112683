import type { EventSink } from '../../../shared/contract';
import type { ServiceState } from '../../../shared/serviceState';
import type { Logger } from '../logging';
import type { WatchService } from '../watchService';
import { keyStatusFrom } from './keyStatus';

/** Whether the key's facts changed: its description (where it is kept, the store's health) is asked anew. */
function keyChanged(a: ServiceState['key'], b: ServiceState['key']): boolean {
  return a.present !== b.present || a.where !== b.where || a.problem !== b.problem || a.check !== b.check;
}

/**
 * Turns the service's events into the contract's, one way: per-task changes as they are, the service
 * state whole (the service tells it only when it changed), and the next checks the scheduler moved.
 */
export function forwardServiceEvents(service: WatchService, send: EventSink, logger: Logger): () => void {
  let previousKey = service.state().key;
  const stops = [
    service.on('taskChanged', ({ task }) => send('taskChanged', { task })),
    service.on('tasksRemoved', ({ keys }) => send('tasksRemoved', { keys: [...keys] })),
    service.on('settingsChanged', ({ settings }) => send('settingsChanged', settings)),
    service.on('durationsChanged', ({ durations }) => send('durationsChanged', { durations })),
    service.on('nextChecksChanged', ({ planned }) => send('nextChecks', { planned: [...planned] })),
    service.on('stateChanged', ({ state }) => {
      send('serviceState', state);
      const before = previousKey;
      previousKey = state.key;
      if (!keyChanged(before, state.key)) return;
      service
        .describeKey()
        .then((description) => send('keyStatus', keyStatusFrom(description, service.state().key.check)))
        .catch((error: unknown) => logger.error('Could not describe the key', { error: String(error) }));
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
