import { buildDurationModel, buildDurationModels, type DurationModels } from '../../../shared/durations';
import type { KeyCheck, ServiceState } from '../../../shared/serviceState';
import type { Settings } from '../../../shared/settings';
import type { TaskKind } from '../../../shared/taskKinds';
import { isTerminalStatus } from '../../../shared/taskStatus';
import { isStopped, isWatching, taskKey, type TaskKey, type WatchedTask } from '../../../shared/watchedTask';
import { createCambClient } from '../camb/cambClient';
import type { TimerHandle } from '../clock/clock';
import { TypedEmitter, type Listener } from '../events/typedEmitter';
import type { StoreRecovery } from '../persistence/openWithRecovery';
import { createProblemNotifier, type ProblemSignal } from '../notifications/problemNotifier';
import { createDoNotDisturb, doNotDisturbEnd } from '../notifications/doNotDisturb';
import { notificationForStop } from '../notifications/taskNotification';
import { probeOtherKinds } from '../smartIds/kindProbe';
import { budgetNotice, createScheduler } from '../scheduler';
import { parseApiKey } from '../secrets/apiKey';
import { parseTaskId } from '../taskId/parseTaskId';
import { splitKindPrefix } from '../../../shared/taskKindPrefix';
import { createWatchList, type CheckResult } from '../watchList/watchList';
import { checkNowOutcome } from './checkNowOutcome';
import { retryAnswered, retryNotSent, retryRefusal } from './retryNowOutcome';
import { checkKey, probeApiKey } from './keyProbe';
import { createKeyRecheck } from './keyRecheck';
import { createNotificationRound } from './notificationRound';
import { createTrayPublisher } from './trayPublisher';
import type {
  KeyTestOutcome,
  SaveKeyOutcome,
  WatchService,
  WatchServiceEvents,
  WatchServiceOptions,
} from './watchServiceTypes';

/** How long the window may wait to hear of what finished jobs taught: a burst of endings makes one event. */
const DURATIONS_EVENT_DELAY_MS = 1000;

export function createWatchService(options: WatchServiceOptions): WatchService {
  const { clock, logger, secrets } = options;
  const emitter = new TypedEmitter<WatchServiceEvents>((error) =>
    logger.error('A watch-service listener failed', { error: String(error) }),
  );
  const watchList = createWatchList({
    store: options.store,
    clock,
    logger,
    recovery: options.recovery ?? null,
  });

  let apiKey: string | null = null;
  let suspended = false;
  // Two separate facts: the system's network status, and whether CAMB.AI answers. Reconnecting the
  // system must not hide that CAMB.AI is still unreachable (the scheduler reports that only once).
  let systemOnline = true;
  let cambUnreachable = false;
  let schedulerHeld = true;
  let rateLimitTimer: TimerHandle | null = null;
  let budgetNoticeQueued = false;
  let state: ServiceState = {
    key: { present: false, where: null, problem: null, check: null },
    authProblem: null,
    connectivity: 'online',
    pollingPaused: watchList.getSettings().pollingPaused,
    suspended: false,
    rateLimitedUntil: null,
    budgetNotice: null,
    saveProblem: watchList.saveProblem(),
  };
  // The watch list reports a recovery while it is being created, before anyone can listen to the service.
  const recoveries: StoreRecovery[] = [];
  // Rebuilt only when a run is recorded: estimates read it for every row and every scheduling decision.
  let durations: DurationModels = buildDurationModels(watchList.finishedRuns());
  // Kinds with runs the models do not include yet: many jobs ending together make one rebuild and one
  // event (each event carries every kind's model), not one per job.
  const staleKinds = new Set<TaskKind>();
  let durationsTimer: TimerHandle | null = null;

  function currentDurations(): DurationModels {
    if (staleKinds.size === 0) return durations;
    const runs = watchList.finishedRuns();
    durations = { ...durations };
    for (const kind of staleKinds) durations[kind] = buildDurationModel(kind, runs);
    staleKinds.clear();
    return durations;
  }

  function durationsLearned(kinds: readonly TaskKind[]): void {
    for (const kind of kinds) staleKinds.add(kind);
    if (durationsTimer !== null) return;
    durationsTimer = clock.setTimer(() => {
      durationsTimer = null;
      emitter.emit('durationsChanged', { durations: currentDurations() });
      tray.refresh();
    }, DURATIONS_EVENT_DELAY_MS);
  }

  const clientOptions = {
    fetch: options.fetch,
    clock,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  };
  const client = createCambClient({ ...clientOptions, getApiKey: () => apiKey ?? '' });
  const scheduler = createScheduler({
    clock,
    check: (task) => client.getStatus(task.kind, task.taskId),
    checkKey: () => checkKey(client),
    responsiveness: watchList.getSettings().responsiveness,
    schedule: watchList.getSettings().schedule,
    durationModels: currentDurations,
    logger,
    ...(options.random !== undefined ? { random: options.random } : {}),
    ...options.scheduler,
  });
  // Held until start() has a key: nothing may be sent without one.
  scheduler.pause();

  const problems = createProblemNotifier();
  // Every notification passes here: held while Do not disturb is on, then summed up in one.
  const quiet = createDoNotDisturb({
    clock,
    until: () => watchList.getSettings().doNotDisturbUntil,
    ended: () => {
      // Not the user's action, so nobody to refuse: the end time has passed either way, and the next
      // save that works clears it.
      try {
        watchList.updateSettings({ doNotDisturbUntil: null });
      } catch (error) {
        logger.warn('The end of Do not disturb could not be saved', { error: String(error) });
      }
    },
    deliver: (notification) => emitter.emit('notification', { notification }),
  });
  const round = createNotificationRound({
    clock,
    windowMs: options.roundWindowMs ?? 1000,
    currentTask: (key) => watchList.get(key),
    settings: () => watchList.getSettings(),
    markHandled: (key) => watchList.markNotified(key),
    deliver: (notification) => quiet.offer(notification),
  });

  function setState(changes: Partial<ServiceState>): void {
    const next = { ...state, ...changes };
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    emitter.emit('stateChanged', { state });
    // Soon, not now: the budget notice changes with every job added to a long list (its count).
    tray.refreshSoon();
  }

  const tray = createTrayPublisher({
    clock,
    tasks: () => watchList.list(),
    conditions: () => ({
      connectivity: state.connectivity === 'online' ? 'online' : 'offline',
      authProblem: state.authProblem !== null,
      keyMissing: !state.key.present,
      paused: state.pollingPaused || state.suspended,
      notSaving: state.saveProblem?.summary ?? null,
    }),
    durations: currentDurations,
    publish: (model) => emitter.emit('trayChanged', { tray: model }),
  });

  function updateConnectivity(): void {
    setState({ connectivity: !systemOnline ? 'offline' : cambUnreachable ? 'unreachable' : 'online' });
  }

  function observeProblem(signal: ProblemSignal): void {
    const notification = problems.observe(signal);
    // Problems are told now or not at all (the banners keep saying them): never held for a summary.
    if (notification === null || quiet.isOn()) return;
    emitter.emit('notification', {
      notification: { ...notification, sound: watchList.getSettings().soundOnFailure },
    });
  }

  /** Polling runs only with a key, unpaused by the user, and while the computer is awake. */
  function updatePolling(): void {
    const hold = apiKey === null || state.pollingPaused || suspended;
    if (hold === schedulerHeld) return;
    schedulerHeld = hold;
    if (hold) scheduler.pause();
    else {
      scheduler.resume();
      keyRecheck.nudge();
    }
  }

  function track(task: WatchedTask): void {
    if (isTerminalStatus(task.status)) return;
    scheduler.track({
      key: taskKey(task.kind, task.taskId),
      kind: task.kind,
      taskId: task.taskId,
      addedAt: task.addedAt,
      lastCheckAt: task.lastCheckAt,
      status: task.status,
    });
    updateBudgetNotice();
  }

  /**
   * A task the user has just added (or re-kinded) is checked ahead of the queue, as one they asked to
   * check: its first answer says whether the id is right, which should not wait for a busy budget's round.
   */
  function trackAskedFor(task: WatchedTask): void {
    track(task);
    scheduler.checkNow(taskKey(task.kind, task.taskId));
  }

  /**
   * Whether the budget can still check every polled job once a minute; said quietly when it cannot. Once
   * after a batch (start, import), not per job: each change of the notice refreshes the tray.
   */
  function updateBudgetNotice(): void {
    if (budgetNoticeQueued) return;
    budgetNoticeQueued = true;
    queueMicrotask(() => {
      if (!budgetNoticeQueued) return;
      budgetNoticeQueued = false;
      const { polled, requestSpacingMs } = scheduler.state();
      setState({ budgetNotice: budgetNotice(polled, requestSpacingMs) });
    });
  }

  async function reloadKey(): Promise<void> {
    const found = await secrets.get();
    const description = await secrets.describe();
    const storeProblem = description.store.works ? null : description.store.message;
    if (found.ok) {
      apiKey = found.key;
      const check = found.key === null ? null : state.key.check;
      setState({ key: { present: found.key !== null, where: found.source, problem: storeProblem, check } });
    } else {
      apiKey = null;
      setState({ key: { present: false, where: null, problem: found.message, check: null } });
    }
  }

  function setKeyCheck(check: KeyCheck | null): void {
    if (check !== 'not-checked') keyRecheck.stop();
    setState({ key: { ...state.key, check } });
  }

  /** Any answer about a task proves the key works; an unchecked key needs no probe of its own then. */
  function keyProvedWorking(): void {
    if (state.key.check === 'not-checked') setKeyCheck('works');
  }

  async function keyChanged(check: KeyCheck | null): Promise<void> {
    setKeyCheck(check);
    await reloadKey();
    setState({ authProblem: null });
    observeProblem({ type: 'key-changed' });
    scheduler.credentialsChanged();
    updatePolling();
  }

  function applySettings(settings: Settings): void {
    quiet.refresh();
    scheduler.setResponsiveness(settings.responsiveness);
    scheduler.setSchedule(settings.schedule);
    setState({ pollingPaused: settings.pollingPaused });
    updatePolling();
  }

  // Ids already asked about under the other kinds this run: the probe goes out once, not at every Check now.
  const probed = new Set<TaskKey>();

  /** A task that just stopped: said once, after asking the other kinds about a 404'd id (smart ids). */
  async function onStopped(key: TaskKey): Promise<void> {
    const task = watchList.get(key);
    if (task === undefined) return;
    if (task.stopCause === 'not-found' && !probed.has(key)) {
      probed.add(key);
      const verdict = await probeOtherKinds(task.taskId, task.kind, (kind, id) => scheduler.probe(kind, id));
      const now = watchList.get(key);
      // Answered meanwhile, removed or switched: the finding is old news.
      if (now === undefined || !isStopped(now)) return;
      watchList.suggestKind(key, verdict.type === 'one' ? verdict.kind : null);
    }
    const stopped = watchList.get(key);
    const notification = stopped === undefined ? null : notificationForStop(stopped, watchList.getSettings());
    if (notification !== null) quiet.offer(notification);
  }

  function onChecked(key: TaskKey, check: CheckResult): void {
    const wasStopped = isStopped(watchList.get(key) ?? { status: null, stoppedReason: null });
    const applied = watchList.applyCheck(key, check);
    if (applied !== undefined && !wasStopped && isStopped(applied.task))
      void onStopped(key).catch((error: unknown) =>
        logger.error('Asking the other kinds about a task failed', { error: String(error) }),
      );
    // A task stopped for a reason of its own (a 403 included, the key being fine) means the key works.
    if (check.outcome.type === 'status' || (check.stopCause ?? null) !== null) {
      observeProblem({ type: 'answered' });
      keyProvedWorking();
    }
    if (applied?.statusChanged) round.add(key, applied.previousStatus);
    // A job that ended is polled no more.
    if (check.nextCheckAt === null) updateBudgetNotice();
  }

  const unsubscribe = [
    scheduler.on('checked', ({ key, ...check }) => onChecked(key, check)),
    scheduler.on('authProblem', ({ outcome }) => {
      setState({ authProblem: outcome.message });
      if (state.key.check !== null) setKeyCheck('rejected');
      observeProblem({ type: 'auth-rejected', httpStatus: outcome.httpStatus });
    }),
    scheduler.on('connectivityProblem', ({ outcome }) => {
      cambUnreachable = true;
      updateConnectivity();
      observeProblem({ type: 'unreachable', reason: outcome.reason });
    }),
    scheduler.on('connectivityRestored', () => {
      cambUnreachable = false;
      updateConnectivity();
      keyRecheck.nudge();
      // Any answer, an error page included, ends the outage: the next one is a new episode to tell.
      observeProblem({ type: 'answered' });
    }),
    scheduler.on('rateLimitEnded', () => {
      if (rateLimitTimer !== null) clock.clearTimer(rateLimitTimer);
      rateLimitTimer = null;
      setState({ rateLimitedUntil: null });
    }),
    scheduler.on('rateLimited', ({ until }) => {
      setState({ rateLimitedUntil: until });
      if (rateLimitTimer !== null) clock.clearTimer(rateLimitTimer);
      rateLimitTimer = clock.setTimer(() => {
        rateLimitTimer = null;
        setState({ rateLimitedUntil: null });
      }, until - clock.now());
    }),
    watchList.on('taskChanged', ({ task }) => {
      emitter.emit('taskChanged', { task });
      tray.refreshSoon();
    }),
    watchList.on('tasksRemoved', ({ keys }) => {
      for (const key of keys) scheduler.untrack(key);
      updateBudgetNotice();
      emitter.emit('tasksRemoved', { keys });
      tray.refresh();
    }),
    watchList.on('settingsChanged', ({ settings }) => {
      applySettings(settings);
      emitter.emit('settingsChanged', { settings });
    }),
    watchList.on('storeRecovered', (recovery) => {
      recoveries.push(recovery);
      emitter.emit('storeRecovered', recovery);
    }),
    watchList.on('savingChanged', ({ problem }) => setState({ saveProblem: problem })),
    watchList.on('finishedRunsChanged', ({ kinds }) => durationsLearned(kinds)),
  ];

  const probeKey = (key: string) => probeApiKey(createCambClient({ ...clientOptions, getApiKey: () => key }));

  async function testApiKey(candidate?: string): Promise<KeyTestOutcome> {
    let key = apiKey;
    if (candidate !== undefined) {
      const parsed = parseApiKey(candidate);
      if (!parsed.ok) return { verdict: 'rejected', message: parsed.message };
      key = parsed.key;
    }
    if (key === null) return { verdict: 'inconclusive', message: 'No API key is set yet.' };
    return probeKey(key);
  }

  const keyRecheck = createKeyRecheck({
    clock,
    // Held like polling: "Pause polling" and sleep mean nothing is sent, not even this one request.
    probe: async () =>
      apiKey === null || schedulerHeld ? { verdict: 'inconclusive', message: '' } : probeKey(apiKey),
    onVerdict: (verdict) => setKeyCheck(verdict),
  });

  const KEY_CHECK_OF: Record<KeyTestOutcome['verdict'], KeyCheck> = {
    works: 'works',
    rejected: 'rejected',
    inconclusive: 'not-checked',
  };

  /** Tries a key before it is saved; a key CAMB.AI rejects is saved only when the user insists. */
  async function saveApiKey(candidate: string, saveEvenIfRejected: boolean): Promise<SaveKeyOutcome> {
    const parsed = parseApiKey(candidate);
    if (!parsed.ok) return parsed;
    const test: KeyTestOutcome = saveEvenIfRejected
      ? { verdict: 'rejected', message: 'Saved although CAMB.AI rejected it.' }
      : await probeKey(parsed.key);
    if (test.verdict === 'rejected' && !saveEvenIfRejected)
      return { ok: false, problem: 'rejected-by-camb', message: test.message };
    const outcome = await secrets.set(parsed.key);
    if (!outcome.ok) return outcome;
    const check = KEY_CHECK_OF[test.verdict];
    await keyChanged(check);
    if (check === 'not-checked') keyRecheck.start();
    return { ...outcome, check };
  }

  function setSystemOnline(online: boolean): void {
    systemOnline = online;
    scheduler.setOnline(online);
    updateConnectivity();
    if (online) keyRecheck.nudge();
  }

  return {
    async start() {
      await reloadKey();
      applySettings(watchList.getSettings());
      for (const task of watchList.list()) {
        // A task CAMB.AI did not know stays stopped across restarts, until the user asks to check it.
        if (isWatching(task)) track(task);
        // A finish recorded just before a crash or quit still deserves its notification.
        if (isTerminalStatus(task.status) && !task.notified) round.add(taskKey(task.kind, task.taskId), null);
      }
      updatePolling();
      tray.refresh();
    },

    add(chosenKind, rawTaskId, label = null) {
      // "dub:8c1f…" names its kind: it wins over the kind chosen beside it.
      const prefixed = splitKindPrefix(rawTaskId);
      const kind = prefixed?.kind ?? chosenKind;
      const parsed = parseTaskId(prefixed?.rest ?? rawTaskId);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        const { task, added } = watchList.add(kind, parsed.taskId, label);
        if (added) trackAskedFor(task);
        return { ok: true, task, added };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    remove: (key) => watchList.remove(key),
    changeKind(key, kind) {
      try {
        const changed = watchList.changeKind(key, kind);
        if (changed === undefined) return { ok: false, error: 'This task is no longer in the watch list.' };
        if (!changed.merged) trackAskedFor(changed.task);
        return { ok: true, ...changed };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    rename: (key, label) => watchList.rename(key, label),
    setMuted: (key, muted) => watchList.setMuted(key, muted),
    clearFinished: () => watchList.clearFinished(),
    removeMany: (keys) => watchList.removeMany(keys),
    clearFinishedTasks: () => watchList.clearFinishedTasks(),
    restore(records) {
      const outcome = watchList.restore(records);
      // A job put back while it still runs is polled again; one that had stopped waits for Check now.
      for (const task of outcome.restored) if (isWatching(task)) track(task);
      return outcome;
    },
    markSeen: (keys) => watchList.markSeen(keys),
    markAllSeen: () => watchList.markAllSeen(),
    checkNow(key) {
      const task = key === undefined ? undefined : watchList.get(key);
      // A stopped task (404/422/403) may no longer be tracked, after a restart: "check now" brings it back.
      if (key !== undefined && task !== undefined && !scheduler.isTracked(key)) track(task);
      scheduler.checkNow(key);
      // A stopped task asked about is polled again.
      updateBudgetNotice();
      const target =
        key === undefined
          ? { scope: 'all' as const, tasks: watchList.list() }
          : { scope: 'one' as const, task };
      return checkNowOutcome(target, state, clock.now());
    },
    async retryNow() {
      const refused = retryRefusal(watchList.list(), state);
      if (refused !== null) return refused;
      const verdict = scheduler.retryNow();
      if (verdict.type !== 'sent') return retryNotSent(verdict);
      const outcome = await verdict.answer;
      // An answer proves the connection works, whatever the system last said (its offline flag can lag
      // behind a network that came back); the next change it reports is followed again.
      if (outcome.type !== 'network' && !systemOnline) setSystemOnline(true);
      return retryAnswered(outcome, state.rateLimitedUntil);
    },
    list: () => watchList.list(),
    get: (key) => watchList.get(key),
    exportJson: () => watchList.exportJson(),
    importJson(text) {
      const report = watchList.importJson(text);
      for (const key of report.added) {
        const task = watchList.get(key);
        if (task !== undefined) track(task);
      }
      return report;
    },
    getSettings: () => watchList.getSettings(),
    updateSettings: (changes) => watchList.updateSettings(changes),
    setDoNotDisturb: (choice) =>
      watchList.updateSettings({ doNotDisturbUntil: doNotDisturbEnd(choice, clock.now()) }),

    setOnline: setSystemOnline,
    setSuspended(value) {
      suspended = value;
      setState({ suspended: value });
      updatePolling();
    },

    setApiKey: (key, setOptions = {}) => saveApiKey(key, setOptions.saveEvenIfRejected ?? false),
    async clearApiKey() {
      const outcome = await secrets.clear();
      if (outcome.ok) await keyChanged(null);
      return outcome;
    },
    describeKey: () => secrets.describe(),
    testApiKey,

    async fetchResult(key, resultOptions) {
      const task = watchList.get(key);
      if (task === undefined)
        return { type: 'not-ready', message: 'This task is no longer in the watch list.' };
      if (task.status !== 'SUCCESS' || task.runId === null) {
        return { type: 'not-ready', message: 'Results can be fetched once the task has succeeded.' };
      }
      return client.getResult(task.kind, task.runId, resultOptions);
    },

    state: () => state,
    trayModel: () => tray.current(),
    durations: currentDurations,
    finishedRuns: () => watchList.finishedRuns(),
    on(name, listener) {
      const unsubscribe = emitter.on(name, listener);
      if (name === 'storeRecovered')
        for (const recovery of recoveries) (listener as Listener<StoreRecovery>)(recovery);
      return unsubscribe;
    },
    async whenIdle() {
      await keyRecheck.whenIdle();
      await scheduler.whenIdle();
    },

    dispose() {
      for (const stop of unsubscribe) stop();
      keyRecheck.stop();
      if (rateLimitTimer !== null) clock.clearTimer(rateLimitTimer);
      if (durationsTimer !== null) clock.clearTimer(durationsTimer);
      budgetNoticeQueued = false;
      tray.dispose();
      round.dispose();
      quiet.dispose();
      scheduler.dispose();
      watchList.dispose();
    },
  };
}
