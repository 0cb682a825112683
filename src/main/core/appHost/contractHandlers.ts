import type { ContractHandlers, KeyStatus } from '../../../shared/contract';
import type { KeyCheck } from '../../../shared/serviceState';
import type { ClearKeyOutcome, SetKeyOutcome } from '../secrets';
import type { WatchService } from '../watchService';
import type { ResultDownloads } from '../downloads';
import type { StoreRecovery } from '../persistence';
import type { Clock } from '../clock';
import type { UpdateController } from '../updates';
import type { HostPlatform } from './appHostTypes';
import { access } from 'node:fs/promises';
import { taskKey, type TaskKey } from '../../../shared/watchedTask';
import { resultFileInSentence } from '../../../shared/results/resultFileNames';
import { formatResultText, hasResultText, isTimed } from '../../../shared/results/resultText';
import { checkExternalUrl } from '../links';
import { downloadLinkFor, kindOfKey, resultFileName } from './downloadLinks';
import { keyStatusFrom } from './keyStatus';
import { pickLink, toResultView, withPlayer } from './resultView';
import { insightsFrom } from './insights';

export interface ContractHandlerDeps {
  readonly service: WatchService;
  readonly platform: HostPlatform;
  readonly clock: Clock;
  readonly downloads: ResultDownloads;
  /** Plain-http result links are opened and downloaded only from a local simulator. */
  readonly allowLoopbackHttp: boolean;
  /** Besides CAMB.AI's hosts, the one origin whose result audio plays inline (a local simulator's). */
  readonly localMediaOrigin?: string | null;
  readonly storeRecovery: () => StoreRecovery | null;
  readonly updates: UpdateController;
}

function keyChangeMessage(outcome: SetKeyOutcome | ClearKeyOutcome, done: string): string {
  if (!outcome.ok) return outcome.message;
  return outcome.notice === undefined ? done : `${done} ${outcome.notice}`;
}

/** What saving found: the place, and what CAMB.AI said of the key (each said once). */
export function savedKeyMessage(outcome: { readonly where: string; readonly check: KeyCheck }): string {
  const saved = `Key saved in the ${outcome.where}`;
  switch (outcome.check) {
    case 'works':
      return `${saved}. CAMB.AI accepted it.`;
    case 'rejected':
      return `${saved}, although CAMB.AI rejected it.`;
    case 'not-checked':
      return `${saved}, not checked yet: CAMB.AI could not be reached.`;
  }
}

function exportFileName(now: number): string {
  return `camb-watch-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * Every action of the contract, served by the watch service. The `ContractHandlers` type makes a missing
 * action a compile error; requests arrive already validated by the dispatcher.
 */
export function createContractHandlers(deps: ContractHandlerDeps): ContractHandlers {
  const { service, platform, clock, downloads, updates } = deps;

  const keyStatus = async (): Promise<KeyStatus> =>
    keyStatusFrom(await service.describeKey(), service.state().key.check);

  // The one place a link leaves the app: only after checkExternalUrl (https, no credentials; loopback
  // http only from a local simulator). A page-hosted UI gets the checked link back to open it itself.
  const openOutside = async (url: string, done: string, allowLoopbackHttp = false) => {
    const checked = checkExternalUrl(url, allowLoopbackHttp);
    if (!checked.ok) return checked;
    await platform.openExternal(checked.url);
    return {
      ok: true as const,
      message: done,
      ...(platform.linksOpenInPage === true ? { openInPage: checked.url } : {}),
    };
  };

  const kindOf = (key: TaskKey) => kindOfKey(service, key);

  const fetchView = async (key: TaskKey, targetLanguage?: string) =>
    withPlayer(
      toResultView(await service.fetchResult(key, targetLanguage === undefined ? {} : { targetLanguage })),
      kindOf(key),
      deps.localMediaOrigin ?? null,
    );

  return {
    getSnapshot: async () => ({
      tasks: service.list(),
      state: service.state(),
      settings: service.getSettings(),
      keyStatus: await keyStatus(),
      storeRecovery: deps.storeRecovery(),
      now: clock.now(),
      host: platform.host,
      updates: updates.state(),
      durations: service.durations(),
      nextChecks: service.nextChecks(),
    }),
    listTasks: () => ({ tasks: service.list(), now: clock.now() }),
    addTask: ({ kind, taskId, label }) => service.add(kind, taskId, label ?? null),
    removeTask: ({ key }) => ({ removed: service.remove(key) }),
    renameTask: ({ key, label }) => ({ task: service.rename(key, label) ?? null }),
    setMuted: ({ key, muted }) => ({ task: service.setMuted(key, muted) ?? null }),
    checkNow: ({ key }) => service.checkNow(key),
    clearFinished: ({ includeUnseen }) => {
      // From the window, endings not looked at yet stay unless the person asked for them too.
      const tasks = service.clearFinishedTasks(includeUnseen ?? false);
      return { removed: tasks.map((task) => taskKey(task.kind, task.taskId)), tasks };
    },
    removeTasks: ({ keys }) => ({ removed: service.removeMany(keys) }),
    restoreTasks: ({ tasks }) => {
      const { restored, keptNewer, rejected } = service.restore(tasks);
      return { restored: restored.map((task) => taskKey(task.kind, task.taskId)), keptNewer, rejected };
    },
    markSeen: ({ keys }) => ({ changed: service.markSeen(keys).length }),
    markAllSeen: () => ({ changed: service.markAllSeen().length }),
    setPollingPaused: ({ paused }) => service.updateSettings({ pollingPaused: paused }),
    fetchResult: ({ key, targetLanguage }) => fetchView(key, targetLanguage),
    openResult: async ({ key, targetLanguage, linkName }) => {
      const picked = pickLink(await fetchView(key, targetLanguage), linkName);
      if (!picked.ok) return picked;
      const what = resultFileInSentence(kindOf(key), picked.link.name);
      return openOutside(picked.link.url, `Opened ${what}.`, deps.allowLoopbackHttp);
    },
    downloadResult: async ({ key, targetLanguage, linkName }) => {
      const picked = pickLink(await fetchView(key, targetLanguage), linkName);
      if (!picked.ok) return picked;
      const ready = downloadLinkFor(service, key, picked.link, deps.allowLoopbackHttp);
      if (!ready.ok) return ready;
      return { ok: true, ...(await downloads.start(key, ready.link)) };
    },
    saveResultText: async ({ key, targetLanguage, format }) => {
      const view = await fetchView(key, targetLanguage);
      if (!view.ok) return { ok: false, message: view.message };
      if (!hasResultText(view)) return { ok: false, message: 'This result has no text to save.' };
      if (format !== 'txt' && !isTimed(view))
        return { ok: false, message: 'This text has no times, so it cannot be saved as subtitles.' };
      const name = resultFileName(service.get(key), `text.${format}`);
      const saved = await downloads.saveText(key, name, formatResultText(view, format));
      return { ok: true, ...saved };
    },
    cancelDownload: ({ downloadId }) =>
      downloads.cancel(downloadId)
        ? { ok: true, message: 'Download cancelled.' }
        : { ok: false, message: 'That download has already ended.' },
    showDownloadedFile: async ({ downloadId }) => {
      const path = downloads.pathOf(downloadId);
      if (path === undefined)
        return {
          ok: false,
          message: 'CAMB Watch no longer knows where that file went: look in your Downloads folder.',
        };
      try {
        await access(path);
      } catch {
        return { ok: false, message: 'The file is no longer there: it was moved or deleted.' };
      }
      platform.showItemInFolder(path);
      return { ok: true, message: 'Shown in its folder.' };
    },
    openExternalLink: ({ url }) => openOutside(url, 'Opened in your browser.'),
    getSettings: () => service.getSettings(),
    updateSettings: (changes) => {
      const settings = service.updateSettings(changes);
      if (changes.launchAtLogin !== undefined) platform.applyLaunchAtLogin?.(settings.launchAtLogin);
      return settings;
    },
    hideWindow: () => ({ hidden: platform.hideWindow?.() ?? false }),
    setWindowShortcut: ({ shortcut }) => {
      const problem = platform.applyWindowShortcut?.(shortcut) ?? null;
      if (problem !== null) return { ok: false, message: problem };
      service.updateSettings({ windowShortcut: shortcut });
      return { ok: true, message: shortcut === null ? 'Shortcut turned off.' : 'Shortcut saved.' };
    },
    setApiKey: async ({ apiKey, saveEvenIfRejected }) => {
      const outcome = await service.setApiKey(apiKey, { saveEvenIfRejected: saveEvenIfRejected ?? false });
      if (!outcome.ok)
        return {
          ok: false,
          message: outcome.message,
          rejectedByCamb: outcome.problem === 'rejected-by-camb',
        };
      return {
        ok: true,
        message: keyChangeMessage(outcome, savedKeyMessage(outcome)),
        status: await keyStatus(),
      };
    },
    clearApiKey: async () => {
      const outcome = await service.clearApiKey();
      if (!outcome.ok) return { ok: false, message: outcome.message };
      const done = outcome.removed ? `Key removed from ${outcome.where}.` : 'No key was saved.';
      return { ok: true, message: keyChangeMessage(outcome, done), status: await keyStatus() };
    },
    testApiKey: ({ apiKey }) => service.testApiKey(apiKey),
    getKeyStatus: keyStatus,
    exportWatchList: () => ({
      json: service.exportJson(),
      suggestedFileName: exportFileName(clock.now()),
    }),
    importWatchList: ({ json }) => service.importJson(json),
    checkForUpdatesNow: () => updates.checkNow(),
    restartToUpdate: () => updates.restartToUpdate(),
    changeTaskKind: ({ key, kind }) => service.changeKind(key, kind),
    setDoNotDisturb: ({ choice }) => service.setDoNotDisturb(choice),
    getInsights: () => insightsFrom(service.finishedRuns(), clock.now()),
    retryNow: () => service.retryNow(),
  };
}
