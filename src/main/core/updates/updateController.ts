import type { UpdateState } from '../../../shared/updateState';
import type { Clock, TimerHandle } from '../clock';
import { TypedEmitter } from '../events';
import type { Logger } from '../logging';
import type { UpdateAvailability } from './updateAvailability';
import { updateErrorText } from './updateErrorText';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';
import { HOUR_MS, MINUTE_MS } from '../../../shared/time';

/** Long enough after launch not to compete with the first poll round and the window. */
export const FIRST_CHECK_DELAY_MS = MINUTE_MS;
export const CHECK_INTERVAL_MS = 4 * HOUR_MS;
/**
 * How long a check or download may go without a word from the updater before it is given up. A check
 * answers in seconds and a download reports progress every second or so; electron-updater's own timeout
 * never starts under Electron (builder-util-runtime httpExecutor.js:278-285 arms it on the request's
 * `socket` event, which Electron's net.request never emits: electron-builder #4618), so without this a
 * stalled request would hold every later check until the app restarts.
 */
export const UPDATER_SILENCE_LIMIT_MS = 5 * MINUTE_MS;
/** How long a quit waits for the installer to take over before the app quits without installing. */
export const INSTALL_ON_QUIT_LIMIT_MS = 30_000;

export interface UpdateControllerOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly availability: UpdateAvailability;
  /** Null where there is nothing to update with (then `availability` says why). */
  readonly updater: UpdaterPort | null;
  readonly firstCheckDelayMs?: number;
  readonly intervalMs?: number;
  readonly silenceLimitMs?: number;
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
  /**
   * A quit the user asked for (the tray's Quit): installs a downloaded version on the way out, without
   * starting the app again, and otherwise calls `quitApp` at once. If the installer has not taken over
   * within INSTALL_ON_QUIT_LIMIT_MS or fails, `quitApp` is called all the same: the user's quit happens.
   * Never for a log-off or shutdown: an installer started while the session ends can leave the app broken.
   */
  quitInstallingUpdate(quitApp: () => void): void;
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
  const silenceLimit = options.silenceLimitMs ?? UPDATER_SILENCE_LIMIT_MS;
  const emitter = new TypedEmitter<{ changed: UpdateState }>((error) =>
    logger.error('An update listener failed', { error: String(error) }),
  );

  let state: UpdateState = availability.available
    ? { phase: 'idle', checkedAt: null }
    : {
        phase: 'unavailable',
        reason: availability.reason,
        ...(availability.releasesUrl === undefined ? {} : { releasesUrl: availability.releasesUrl }),
      };
  let automatic = false;
  let started = false;
  let disposed = false;
  let timer: TimerHandle | null = null;
  /** When the last check ended (whatever it found): the next automatic one is an interval later. */
  let lastCheckEndedAt: number | null = null;
  /** Counts checks, so that the answer of one given up for silence is recognised and ignored. */
  let attempt = 0;
  /** Gives up a check or download that has said nothing for `silenceLimit`; re-armed by every event. */
  let silenceTimer: TimerHandle | null = null;
  /** Set once the downloaded version is handed to the installer (by a restart or the user's quit). */
  let installing: { readonly quitApp: (() => void) | null; timer: TimerHandle | null } | null = null;

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

  function stopSilenceTimer(): void {
    if (silenceTimer !== null) clock.clearTimer(silenceTimer);
    silenceTimer = null;
  }

  /** While a check or download runs, each word from the updater gives it another `silenceLimit`. */
  function armSilenceTimer(): void {
    stopSilenceTimer();
    if (!isBusy(state)) return;
    silenceTimer = clock.setTimer(() => {
      silenceTimer = null;
      giveUpSilentUpdater();
    }, silenceLimit);
  }

  function giveUpSilentUpdater(): void {
    if (!isBusy(state) || updater === null) return;
    const minutes = Math.round(silenceLimit / MINUTE_MS);
    const message =
      state.phase === 'downloading'
        ? `The download of version ${state.version} stopped: the update server sent nothing for ${minutes} minutes. CAMB Watch will try again later.`
        : `The update server did not answer within ${minutes} minutes. CAMB Watch will try again later.`;
    logger.warn('The updater went silent: giving up this check', {
      phase: state.phase,
      limitMs: silenceLimit,
    });
    // The abandoned check may still answer (or fail) some day: its answer is no longer this attempt's.
    attempt += 1;
    updater.abandon();
    finish({ phase: 'error', message });
  }

  function finish(next: UpdateState): void {
    stopSilenceTimer();
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
    attempt += 1;
    const thisAttempt = attempt;
    armSilenceTimer();
    updater.check().then(
      () => {
        // An updater that answers without saying what it found found nothing.
        if (thisAttempt === attempt && state.phase === 'checking')
          finish({ phase: 'idle', checkedAt: clock.now() });
      },
      (error: unknown) => {
        // The error event usually said it first; only a check still running is ended here.
        if (thisAttempt === attempt && isBusy(state))
          fail(error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** Hands the downloaded version to the installer; `quitApp` is the user's quit, kept if it fails. */
  function install(quitApp: (() => void) | null): void {
    if (updater === null) return;
    installing = { quitApp, timer: null };
    if (quitApp !== null)
      installing.timer = clock.setTimer(() => {
        logger.warn('The installer did not take over the quit: quitting without installing');
        quitApp();
      }, INSTALL_ON_QUIT_LIMIT_MS);
    updater.quitAndInstall({ relaunch: quitApp === null });
  }

  /** The installer refused (electron-updater says so as an 'error'): the user's quit still happens. */
  function installFailed(raw: string): void {
    const failed = installing;
    installing = null;
    if (failed?.timer != null) clock.clearTimer(failed.timer);
    logger.warn('The update could not be installed', { error: raw });
    if (failed?.quitApp != null) {
      failed.quitApp();
      return;
    }
    finish({ phase: 'error', message: `The update could not be installed. ${updateErrorText(raw)}` });
  }

  function hear(event: UpdaterEvent): void {
    if (disposed) return;
    if (event.type === 'error' && installing !== null) {
      installFailed(event.message);
      return;
    }
    hearStep(event);
    armSilenceTimer();
  }

  function hearStep(event: UpdaterEvent): void {
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
        stopSilenceTimer();
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
      if (installing !== null)
        return { ok: false, message: `Version ${state.version} is already being installed.` };
      logger.info('Restarting to install the update', { version: state.version });
      install(null);
      return { ok: true, message: `Restarting to install version ${state.version}…` };
    },
    quitInstallingUpdate(quitApp) {
      if (state.phase !== 'ready' || updater === null || installing !== null) {
        quitApp();
        return;
      }
      logger.info('Installing the update as the app quits', { version: state.version });
      install(quitApp);
    },
    dispose() {
      disposed = true;
      unschedule();
      stopSilenceTimer();
      if (installing?.timer != null) clock.clearTimer(installing.timer);
      stopListening();
    },
  };
}

/**
 * The controller of a copy that never updates (a development run, the web host): it only says why, and
 * where to get a new version by hand when that is the way (`releasesUrl`).
 */
export function updatesNotAvailable(
  clock: Clock,
  logger: Logger,
  reason: string,
  releasesUrl?: string,
): UpdateController {
  return createUpdateController({
    clock,
    logger,
    availability: { available: false, reason, ...(releasesUrl === undefined ? {} : { releasesUrl }) },
    updater: null,
  });
}
