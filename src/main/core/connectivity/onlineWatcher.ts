import type { Clock, TimerHandle } from '../clock';

export interface OnlineWatcherOptions {
  readonly clock: Clock;
  /** The system's view (Electron's net.isOnline()); a throw counts as online, so a glitch never halts polling. */
  readonly isOnline: () => boolean;
  /** Called once at start and then on every change. */
  readonly onChange: (online: boolean) => void;
  readonly intervalMs?: number;
}

export interface OnlineWatcher {
  /** Looks again now (after the computer woke up) instead of at the next tick. */
  checkNow(): void;
  stop(): void;
}

export const ONLINE_CHECK_INTERVAL_MS = 10_000;

/**
 * Follows the system's network status. Electron has no event for it in the main process, so it is read on
 * a timer of the core's clock; only changes are reported.
 */
export function watchOnlineStatus(options: OnlineWatcherOptions): OnlineWatcher {
  const { clock, onChange } = options;
  const intervalMs = options.intervalMs ?? ONLINE_CHECK_INTERVAL_MS;
  let last: boolean | null = null;
  let timer: TimerHandle | null = null;
  let stopped = false;

  const read = () => {
    try {
      return options.isOnline();
    } catch {
      return true;
    }
  };
  const check = () => {
    const online = read();
    if (online === last) return;
    last = online;
    onChange(online);
  };
  const schedule = () => {
    timer = clock.setTimer(() => {
      timer = null;
      if (stopped) return;
      check();
      schedule();
    }, intervalMs);
  };

  check();
  schedule();
  return {
    checkNow() {
      if (!stopped) check();
    },
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
    },
  };
}
