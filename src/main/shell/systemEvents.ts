import { net, powerMonitor } from 'electron';
import type { Clock } from '../core/clock';
import { watchOnlineStatus } from '../core/connectivity';
import { createPollingHolds } from '../core/connectivity';
import type { WatchService } from '../core/watchService';

/**
 * What the computer tells the app: sleep and screen lock hold polling (the service resumes with an
 * immediate round), and the network status, which Electron only offers as net.isOnline(), read on the
 * core's clock and again at every wake-up.
 */
export function followSystemEvents(service: WatchService, clock: Clock): () => void {
  const hold = createPollingHolds((held) => service.setSuspended(held));
  const online = watchOnlineStatus({
    clock,
    isOnline: () => net.isOnline(),
    onChange: (up) => service.setOnline(up),
  });

  const handlers = {
    suspend: () => hold('sleep', true),
    resume: () => {
      online.checkNow();
      hold('sleep', false);
    },
    'lock-screen': () => hold('lock', true),
    'unlock-screen': () => {
      online.checkNow();
      hold('lock', false);
    },
  } as const;
  powerMonitor.on('suspend', handlers.suspend);
  powerMonitor.on('resume', handlers.resume);
  powerMonitor.on('lock-screen', handlers['lock-screen']);
  powerMonitor.on('unlock-screen', handlers['unlock-screen']);

  return () => {
    online.stop();
    powerMonitor.off('suspend', handlers.suspend);
    powerMonitor.off('resume', handlers.resume);
    powerMonitor.off('lock-screen', handlers['lock-screen']);
    powerMonitor.off('unlock-screen', handlers['unlock-screen']);
  };
}
