import type { ServiceState } from '../../../shared/serviceState';
import type { Settings } from '../../../shared/settings';
import { isTerminalStatus } from '../../../shared/taskStatus';
import { isStopped, isWatching, taskKey, type TaskKey, type WatchedTask } from '../../../shared/watchedTask';
import { createCambClient } from '../camb';
import { TypedEmitter, type Listener } from '../events';
import { doNotDisturbEnd } from '../notifications';
import { budgetNotice, createScheduler } from '../scheduler';
import { parseTaskId } from '../taskId';
import { splitKindPrefix } from '../../../shared/taskKindPrefix';
import { createWatchList, type CheckResult, type WatchListEvents } from '../watchList';
import { checkNowOutcome } from './checkNowOutcome';
import { retryAnswered, retryNotSent, retryRefusal } from './retryNowOutcome';
import { checkKey, probeApiKey } from './keyProbe';
import { createApiKeyLifecycle } from './apiKeyLifecycle';
import { createDurationCache, runningAgesOf } from './durationCache';
import { createNextCheckPlan } from './nextCheckPlan';
import { createServiceNotifications } from './serviceNotifications';
import { createStoppedTaskFollowUp } from './stoppedTask';
import { onceThisTurn } from './onceThisTurn';
import { createRateLimitState } from './rateLimitState';
import { createTrayPublisher } from './trayPublisher';
import {
  isListEvent,
  type ServiceOwnEvents,
  type WatchService,
  type WatchServiceOptions,
} from './watchServiceTypes';

export function createWatchService(options: WatchServiceOptions): WatchService {
  const { clock, logger, secrets } = options;
  const emitter = new TypedEmitter<ServiceOwnEvents>((error) =>
    logger.error('A watch-service listener failed', { error: String(error) }),
  );
  const watchList = createWatchList({
    store: options.store,
    clock,
    logger,
    recovery: options.recovery ?? null,
  });

  let suspended = false;
  // Two separate facts: the system's network status, and whether CAMB.AI answers. Reconnecting the
  // system must not hide that CAMB.AI is still unreachable (the scheduler reports that only once).
  let systemOnline = true;
  let cambUnreachable = false;
  let schedulerHeld = true;
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
  const durations = createDurationCache({
    clock,
    finishedRuns: () => watchList.finishedRuns(),
    runningAges: (now) => runningAgesOf(watchList.list(), now),
    changed(models) {
      emitter.emit('durationsChanged', { durations: models });
      tray.refresh();
    },
  });
  const currentDurations = durations.current;
  const plan = createNextCheckPlan((planned) => emitter.emit('nextChecksChanged', { planned }));

  const clientOptions = {
    fetch: options.fetch,
    clock,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  };
  const client = createCambClient({ ...clientOptions, getApiKey: () => apiKey.key() ?? '' });
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

  const notifications = createServiceNotifications({
    clock,
    logger,
    watchList,
    roundWindowMs: options.roundWindowMs ?? 1000,
    durations: currentDurations,
    deliver: (notification) => emitter.emit('notification', { notification }),
  });
  const observeProblem = notifications.observeProblem;

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

  /** Polling runs only with a key, unpaused by the user, and while the computer is awake. */
  function updatePolling(): void {
    const hold = apiKey.key() === null || state.pollingPaused || suspended;
    if (hold === schedulerHeld) return;
    schedulerHeld = hold;
    if (hold) scheduler.pause();
    else {
      scheduler.resume();
      apiKey.nudge();
    }
  }

  function track(task: WatchedTask): void {
    if (isTerminalStatus(task.status)) return;
    const { kind, taskId, addedAt, lastCheckAt, status } = task;
    scheduler.track({ key: taskKey(kind, taskId), kind, taskId, addedAt, lastCheckAt, status });
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
  const budget = onceThisTurn(() => {
    const { polled, requestSpacingMs } = scheduler.state();
    setState({ budgetNotice: budgetNotice(polled, requestSpacingMs) });
  });
  const updateBudgetNotice = budget.request;
  const rateLimit = createRateLimitState(clock, (until) => setState({ rateLimitedUntil: until }));

  const apiKey = createApiKeyLifecycle({
    clock,
    secrets,
    probe: (key) => probeApiKey(createCambClient({ ...clientOptions, getApiKey: () => key })),
    held: () => schedulerHeld,
    publish: (key) => setState({ key }),
    replaced() {
      setState({ authProblem: null });
      observeProblem({ type: 'key-changed' });
      scheduler.credentialsChanged();
      updatePolling();
    },
  });

  function applySettings(settings: Settings): void {
    notifications.settingsChanged();
    scheduler.setResponsiveness(settings.responsiveness);
    scheduler.setSchedule(settings.schedule);
    setState({ pollingPaused: settings.pollingPaused });
    updatePolling();
  }

  /** A task that just stopped: said once, after asking the other kinds about a 404'd id (smart ids). */
  const onStopped = createStoppedTaskFollowUp({
    watchList,
    probe: (kind, id) => scheduler.probe(kind, id),
    offer: (notification) => notifications.offer(notification),
  });

  function onChecked(key: TaskKey, check: CheckResult & { readonly nextCheckAt: number | null }): void {
    const wasStopped = isStopped(watchList.get(key) ?? { status: null, stoppedReason: null });
    const applied = watchList.applyCheck(key, check);
    if (applied !== undefined && !wasStopped && isStopped(applied.task))
      void onStopped(key).catch((error: unknown) =>
        logger.error('Asking the other kinds about a task failed', { error: String(error) }),
      );
    // A task stopped for a reason of its own (a 403 included, the key being fine) means the key works.
    if (check.outcome.type === 'status' || (check.stopCause ?? null) !== null) {
      observeProblem({ type: 'answered' });
      apiKey.provedWorking();
    }
    if (applied?.statusChanged) notifications.statusChanged(key, applied.previousStatus);
    if (applied !== undefined) notifications.checked(applied.task);
    // A job that ended is polled no more.
    if (check.nextCheckAt === null) updateBudgetNotice();
  }

  const unsubscribe = [
    scheduler.on('checked', ({ key, ...check }) => onChecked(key, check)),
    scheduler.on('authProblem', ({ outcome }) => {
      setState({ authProblem: outcome.message });
      apiKey.refused();
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
      apiKey.nudge();
      // Any answer, an error page included, ends the outage: the next one is a new episode to tell.
      observeProblem({ type: 'answered' });
    }),
    scheduler.on('rateLimitEnded', () => rateLimit.ended()),
    scheduler.on('rateLimited', ({ until }) => rateLimit.limited(until)),
    scheduler.on('planned', ({ key, nextCheckAt }) => plan.planned(key, nextCheckAt)),
    // Heard before any listener of the service (they subscribe later), so the scheduler and the tray
    // have followed a change by the time the outside hears of it from the list.
    watchList.on('taskChanged', () => tray.refreshSoon()),
    watchList.on('tasksRemoved', ({ keys }) => {
      for (const key of keys) scheduler.untrack(key);
      updateBudgetNotice();
      tray.refresh();
    }),
    watchList.on('settingsChanged', ({ settings }) => applySettings(settings)),
    watchList.on('savingChanged', ({ problem }) => setState({ saveProblem: problem })),
    watchList.on('finishedRunsChanged', ({ kinds }) => durations.learned(kinds)),
  ];

  function setSystemOnline(online: boolean): void {
    systemOnline = online;
    scheduler.setOnline(online);
    updateConnectivity();
    if (online) apiKey.nudge();
  }

  return {
    async start() {
      await apiKey.reload();
      applySettings(watchList.getSettings());
      for (const task of watchList.list()) {
        // A task CAMB.AI did not know stays stopped across restarts, until the user asks to check it.
        if (isWatching(task)) track(task);
        // A finish recorded just before a crash or quit still deserves its notification.
        if (isTerminalStatus(task.status) && !task.notified)
          notifications.statusChanged(taskKey(task.kind, task.taskId), null);
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
    clearFinishedTasks: (includeUnseen) => watchList.clearFinishedTasks(includeUnseen),
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

    setApiKey: (key, setOptions = {}) => apiKey.save(key, setOptions.saveEvenIfRejected ?? false),
    clearApiKey: () => apiKey.clear(),
    describeKey: () => apiKey.describe(),
    testApiKey: (candidate) => apiKey.test(candidate),

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
    nextChecks: () => plan.current(),
    durations: currentDurations,
    finishedRuns: () => watchList.finishedRuns(),
    on(name, listener) {
      // The list's news goes straight from the list (which replays a recovery to late listeners).
      if (isListEvent(name)) return watchList.on(name, listener as Listener<WatchListEvents[typeof name]>);
      return emitter.on(name as keyof ServiceOwnEvents, listener as Listener<unknown>);
    },
    async whenIdle() {
      await apiKey.whenIdle();
      await scheduler.whenIdle();
    },

    dispose() {
      for (const stop of unsubscribe) stop();
      apiKey.dispose();
      plan.dispose();
      rateLimit.dispose();
      durations.dispose();
      budget.cancel();
      tray.dispose();
      notifications.dispose();
      scheduler.dispose();
      watchList.dispose();
    },
  };
}
