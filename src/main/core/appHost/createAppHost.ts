import { checkedEvent, dispatchInvoke, type EventSink } from '../../../shared/contract';
import type { CambFetch } from '../camb';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { StoreRecovery } from '../persistence';
import { WatchListError } from '../watchList';
import { createResultDownloads } from '../downloads';
import type { DownloadLimits } from '../downloads';
import { checkDownloadUrl } from '../links';
import { updatesNotAvailable, WEB_HOST_REASON, type UpdateController } from '../updates';
import type { WatchService } from '../watchService';
import type { AppHost, HostPlatform } from './appHostTypes';
import { startAutoSave } from './autoSave';
import { createContractHandlers } from './contractHandlers';
import { forwardServiceEvents } from './forwardServiceEvents';
import { runNotificationAction } from './notificationActionRunner';

export interface AppHostOptions {
  readonly service: WatchService;
  readonly platform: HostPlatform;
  /** For result downloads: Node's fetch, or Electron's net.fetch (system proxy). Never carries the key. */
  readonly fetch: CambFetch;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Accept plain-http result links from this computer: only when the API itself is a local simulator. */
  readonly allowLoopbackHttp?: boolean;
  /**
   * The one origin besides CAMB.AI's hosts whose result audio the details play: a local simulator's, set
   * only by a host whose page policy admits it too (the web host; see webHost/server/securityHeaders).
   */
  readonly localMediaOrigin?: string | null;
  /** The CAMB API in use: named as the referrer in a downloaded file's OS marks. */
  readonly apiBase?: string;
  /** Size cap, stall timeout and redirect limit of result downloads (tests make them small). */
  readonly downloadLimits?: Partial<DownloadLimits>;
  /**
   * The app's own updates; the app host starts it with the "Check for updates automatically" setting,
   * follows that setting and disposes it. Without one (the web host) updates are "not available here".
   */
  readonly updates?: UpdateController;
}

export function createAppHost(options: AppHostOptions): AppHost {
  const { service, logger } = options;
  const sinks = new Set<EventSink>();
  let storeRecovery: StoreRecovery | null = null;
  const updates = options.updates ?? updatesNotAvailable(options.clock, logger, WEB_HOST_REASON);

  const broadcast: EventSink = (event, payload) => {
    const checked = checkedEvent(event, payload);
    for (const sink of sinks) {
      try {
        sink(event, checked);
      } catch (error) {
        logger.error('Could not send an event to a window', { event, error: String(error) });
      }
    }
  };

  // Manual downloads and automatic saves share everything but the folder.
  const downloadOptions = {
    fetch: options.fetch,
    clock: options.clock,
    logger,
    checkUrl: (url: string) => checkDownloadUrl(url, options.allowLoopbackHttp ?? false),
    referrer: options.apiBase ?? null,
    ...(options.platform.hostDownloader === undefined
      ? {}
      : { hostDownloader: options.platform.hostDownloader }),
    ...(options.downloadLimits === undefined ? {} : { limits: options.downloadLimits }),
  };
  const downloads = createResultDownloads({
    ...downloadOptions,
    folder: options.platform.downloadsDir,
    onEvent: (event) => broadcast('downloadProgress', event),
  });
  const autoSave = startAutoSave({
    service,
    clock: options.clock,
    logger,
    allowLoopbackHttp: options.allowLoopbackHttp ?? false,
    fetchView: async (key) => handlers.fetchResult({ key }),
    createDownloads: (folder, folderInWords, onEvent) =>
      createResultDownloads({
        ...downloadOptions,
        folder,
        folderInWords,
        onEvent: (event) => {
          broadcast('downloadProgress', event);
          onEvent(event);
        },
      }),
    notice: (level, text, key) => broadcast('notice', { level, text, key }),
  });
  const handlers = createContractHandlers({
    service,
    platform: options.platform,
    clock: options.clock,
    downloads,
    allowLoopbackHttp: options.allowLoopbackHttp ?? false,
    localMediaOrigin: options.localMediaOrigin ?? null,
    storeRecovery: () => storeRecovery,
    updates,
  });
  const stops = [
    forwardServiceEvents(service, broadcast, logger),
    service.on('storeRecovered', (recovery) => {
      storeRecovery = recovery;
    }),
    updates.onChange((state) => broadcast('updateState', state)),
    service.on('settingsChanged', ({ settings }) => updates.setAutomatic(settings.checkForUpdates)),
  ];
  updates.start(service.getSettings().checkForUpdates);

  return {
    handlers,
    dispatch: (channel, payload) =>
      dispatchInvoke(handlers, channel, payload, {
        onBug: (failed, error) =>
          logger.error('An action failed inside CAMB Watch', { channel: failed, error: String(error) }),
        // Its message is a sentence for the user (a change refused or not saved, and why).
        refusal: (error) => (error instanceof WatchListError ? error.message : null),
      }),
    attach(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    notice: (level, text, key = null, topic = null) => broadcast('notice', { level, text, key, topic }),
    showTask: (key) => broadcast('showTask', { key }),
    runNotificationAction: (key, id) =>
      runNotificationAction(key, id, {
        service,
        handlers,
        platform: options.platform,
        allowLoopbackHttp: options.allowLoopbackHttp ?? false,
        logger,
      }),
    whenDownloadsSettled: async () => {
      await autoSave.whenSettled();
      await downloads.whenSettled();
    },
    dispose() {
      for (const stop of stops) stop();
      updates.dispose();
      downloads.dispose();
      autoSave.dispose();
      sinks.clear();
    },
  };
}
