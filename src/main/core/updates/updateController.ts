import type { UpdateState } from '../../../shared/updateState';
import type { Clock, TimerHandle } from '../clock/clock';
import { TypedEmitter } from '../events/typedEmitter';
import type { Logger } from '../logging/logger';
import type { UpdateAvailability } from './updateAvailability';
import { updateErrorText } from './updateErrorText';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';

/** Long enough after launch not to compete with the first poll round and the window. */
export const FIRST_CHECK_DELAY_MS = 60_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60_000;

export interface UpdateControllerOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly availability: UpdateAvailability;
  /** Null where there is nothing to update with (then `availability` says why). */
  readonly updater: UpdaterPort | null;
  readonly firstCheckDelayMs?: number;
  readonly intervalMs?: number;
}

/** What an asked-for action did, in words (the contract's action outcome). */
export interface UpdateActionOutcome {
  readonly ok: boolean;
  readonly message: string;
}

export interface UpdateController {
  state(): UpdateState;
  /** Hears each new state until the returned function is called. */
  onChange(listener: (state: UpdateState) => void): () => void;
  /** Schedules the first check when `automatic` ("Check for updates automatically") is on. */
  start(automatic: boolean): void;
  setAutomatic(enabled: boolean): void;
  /** "Check now": also when automatic checks are off. */
  checkNow(): UpdateActionOutcome;
  /** "Restart to update": only once a version is downloaded. */
  restartToUpdate(): UpdateActionOutcome;
  dispose(): void;
}

const isBusy = (state: UpdateState) => state.phase === 'checking' || state.phase === 'downloading';

/**
 * Decides when to look for a new version of the app and what to show about it: a first check shortly
 * after launch, then one every few hours, never while one is running, never when turned off, never where
 * this copy cannot update; and the state the window and tray draw (idle, checking, downloading with its
 * progress, ready to restart, an error in words, or not available here with the reason).
 */
export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { clock, logger, availability, updater } = options;
  const firstDelay = options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS;
  const interval = options.intervalMs ?? CHECK_INTERVAL_MS;
  const emitter = new TypedEmitter<{ changed: UpdateState }>((error) =>
    logger.error('An update listener failed', { error: String(error) }),
  );

  let state: UpdateState = availability.available
    ? { phase: 'idle', checkedAt: null }
    : { phase: 'unavailable', reason: availability.reason };
  let automatic = false;
  let started = false;
  let disposed = false;
  let timer: TimerHandle | null = null;
  /** When the last check ended (whatever it found): the next automatic one is an interval later. */
  let lastCheckEndedAt: number | null = null;

  const set = (next: UpdateState) => {
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    emitter.emit('changed', state);
  };

  const canCheck = () => updater !== null && state.phase !== 'unavailable' && state.phase !== 'ready';

  function unschedule(): void {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
  }

  /** Arms the next automatic check, if one is due at all; a check running arms it when it ends. */
  function schedule(): void {
    unschedule();
    if (disposed || !started || !automatic || !canCheck() || isBusy(state)) return;
    const dueAt = Math.max(clock.now() + firstDelay, (lastCheckEndedAt ?? -Infinity) + interval);
    timer = clock.setTimer(() => {
      timer = null;
      runCheck();
    }, dueAt - clock.now());
  }

  function finish(next: UpdateState): void {
    lastCheckEndedAt = clock.now();
    set(next);
    schedule();
  }

  function fail(raw: string): void {
    logger.warn('Update check or download failed', { error: raw });
    finish({ phase: 'error', message: updateErrorText(raw) });
  }

  function runCheck(): void {
    if (disposed || updater === null || !canCheck() || isBusy(state)) return;
    set({ phase: 'checking' });
    updater.check().then(
      () => {
        // An updater that answers without saying what it found found nothing.
        if (state.phase === 'checking') finish({ phase: 'idle', checkedAt: clock.now() });
      },
      (error: unknown) => {
        // The error event usually said it first; only a check still running is ended here.
        if (isBusy(state)) fail(error instanceof Error ? error.message : String(error));
      },
    );
  }

  function hear(event: UpdaterEvent): void {
    if (disposed) return;
    switch (event.type) {
      case 'available':
        logger.info('An update is available', { version: event.version });
        set({ phase: 'downloading', version: event.version, percent: 0 });
        return;
      case 'not-available':
        if (isBusy(state)) finish({ phase: 'idle', checkedAt: clock.now() });
        return;
      case 'progress':
        if (state.phase === 'downloading')
          set({ ...state, percent: Math.max(0, Math.min(100, Math.floor(event.percent))) });
        return;
      case 'downloaded':
        logger.info('An update is ready to install', { version: event.version });
        unschedule();
        lastCheckEndedAt = clock.now();
        set({ phase: 'ready', version: event.version });
        return;
      case 'error':
        if (isBusy(state)) fail(event.message);
        return;
    }
  }

  const stopListening = updater?.onEvent(hear) ?? (() => {});

  return {
    state: () => state,
    onChange: (listener) => emitter.on('changed', listener),
    start(enabled) {
      started = true;
      automatic = enabled;
      schedule();
    },
    setAutomatic(enabled) {
      automatic = enabled;
      schedule();
    },
    checkNow() {
      switch (state.phase) {
        case 'unavailable':
          return { ok: false, message: state.reason };
        case 'checking':
          return { ok: false, message: 'Already checking for updates.' };
        case 'downloading':
          return { ok: false, message: `Version ${state.version} is already downloading.` };
        case 'ready':
          return { ok: false, message: `Version ${state.version} is ready: restart to update.` };
        default:
          unschedule();
          runCheck();
          return { ok: true, message: 'Checking for updates…' };
      }
    },
    restartToUpdate() {
      if (state.phase !== 'ready' || updater === null)
        return { ok: false, message: 'No update is ready to install yet.' };
      logger.info('Restarting to install the update', { version: state.version });
      updater.quitAndInstall();
      return { ok: true, message: `Restarting to install version ${state.version}…` };
    },
    dispose() {
      disposed = true;
      unschedule();
      stopListening();
    },
  };
}

/** The controller of a copy that never updates (a development run, the web host): it only says why. */
export function updatesNotAvailable(clock: Clock, logger: Logger, reason: string): UpdateController {
  return createUpdateController({
    clock,
    logger,
    availability: { available: false, reason },
    updater: null,
  });
}
