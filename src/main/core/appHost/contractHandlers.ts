import type { ContractHandlers, KeyStatus } from '../../../shared/contract';
import type { KeyCheck } from '../../../shared/serviceState';
import type { ClearKeyOutcome, SetKeyOutcome } from '../secrets/secretStore';
import type { WatchService } from '../watchService/watchServiceTypes';
import type { ResultDownloads } from '../downloads/resultDownloads';
import type { StoreRecovery } from '../persistence/openWithRecovery';
import type { Clock } from '../clock/clock';
import type { HostPlatform } from './appHostTypes';
import { checkDownloadUrl, checkExternalUrl } from './externalUrl';
import { keyStatusFrom } from './keyStatus';
import { pickLink, toResultView } from './resultView';

export interface ContractHandlerDeps {
  readonly service: WatchService;
  readonly platform: HostPlatform;
  readonly clock: Clock;
  readonly downloads: ResultDownloads;
  /** Plain-http result links are downloaded only from a local simulator. */
  readonly allowLoopbackHttp: boolean;
  readonly storeRecovery: () => StoreRecovery | null;
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
  const { service, platform, clock, downloads } = deps;

  const keyStatus = async (): Promise<KeyStatus> =>
    keyStatusFrom(await service.describeKey(), service.state().key.check);

  // The one place a link leaves the app: only after checkExternalUrl (https, no credentials).
  const openOutside = async (url: string, done: string) => {
    const checked = checkExternalUrl(url);
    if (!checked.ok) return checked;
    await platform.openExternal(checked.url);
    return { ok: true as const, message: done };
  };

  const fetchView = async (key: Parameters<WatchService['get']>[0], targetLanguage?: string) =>
    toResultView(await service.fetchResult(key, targetLanguage === undefined ? {} : { targetLanguage }));

  return {
    getSnapshot: async () => ({
      tasks: service.list(),
      state: service.state(),
      settings: service.getSettings(),
      keyStatus: await keyStatus(),
      storeRecovery: deps.storeRecovery(),
      now: clock.now(),
      host: platform.host,
    }),
    listTasks: () => ({ tasks: service.list(), now: clock.now() }),
    addTask: ({ kind, taskId, label }) => service.add(kind, taskId, label ?? null),
    removeTask: ({ key }) => ({ removed: service.remove(key) }),
    renameTask: ({ key, label }) => ({ task: service.rename(key, label) ?? null }),
    setMuted: ({ key, muted }) => ({ task: service.setMuted(key, muted) ?? null }),
    checkNow: ({ key }) => {
      service.checkNow(key);
      return {};
    },
    clearFinished: () => ({ removed: [...service.clearFinished()] }),
    setPollingPaused: ({ paused }) => service.updateSettings({ pollingPaused: paused }),
    fetchResult: ({ key, targetLanguage }) => fetchView(key, targetLanguage),
    openResult: async ({ key, targetLanguage, linkName }) => {
      const picked = pickLink(await fetchView(key, targetLanguage), linkName);
      if (!picked.ok) return picked;
      return openOutside(picked.link.url, `Opened ${picked.link.name}.`);
    },
    downloadResult: async ({ key, targetLanguage, linkName }) => {
      const picked = pickLink(await fetchView(key, targetLanguage), linkName);
      if (!picked.ok) return picked;
      const checked = checkDownloadUrl(picked.link.url, deps.allowLoopbackHttp);
      if (!checked.ok) return checked;
      const task = service.get(key);
      const fallback = `camb-${task?.kind ?? 'result'}-${task?.runId ?? 'run'}-${picked.link.name}`;
      const started = await downloads.start(key, checked.url, fallback.replace(/[^\w.-]+/gu, '_'));
      return { ok: true, ...started };
    },
    openExternalLink: ({ url }) => openOutside(url, 'Opened in your browser.'),
    getSettings: () => service.getSettings(),
    updateSettings: (changes) => {
      const settings = service.updateSettings(changes);
      if (changes.launchAtLogin !== undefined) platform.applyLaunchAtLogin?.(settings.launchAtLogin);
      return settings;
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
  };
}
