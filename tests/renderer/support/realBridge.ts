import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppHost } from '../../../src/main/core/appHost';
import type { AppHost, HostPlatform } from '../../../src/main/core/appHost';
import type { CambFetch } from '../../../src/main/core/camb/cambClient';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { MemoryStore } from '../../../src/main/core/persistence/memoryStore';
import type { StoreRecovery } from '../../../src/main/core/persistence/openWithRecovery';
import { emptyDocument, type PersistedDocument } from '../../../src/main/core/persistence/persistedDocument';
import { createWatchService } from '../../../src/main/core/watchService/watchService';
import type { WatchService } from '../../../src/main/core/watchService/watchServiceTypes';
import { createBridge, type CambWatchBridge, type EventChannel } from '../../../src/shared/contract';
import { startFakeCambServer, type FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { memorySecretStore } from '../../../src/main/core/secrets/memorySecretStore';
import { advanceVirtualTime } from '../../support/advanceVirtualTime';
import { createUpdateController, type UpdaterPort } from '../../../src/main/core/updates';

/** The key the fake server accepts; long and odd so that finding it in the page would mean a leak. */
export const TEST_API_KEY = 'renderer-test-key-Vb7Qm2Xz9Lp4Kt8R';

export interface RealBridgeOptions {
  /** The key saved when the app starts; null for none. Default TEST_API_KEY. */
  readonly storedKey?: string | null;
  /** A damaged watch list the app "repaired" at start. */
  readonly recovery?: StoreRecovery | null;
  /** An updater (tests/support/scriptedUpdater) for a copy that can update; none: "not available here". */
  readonly updater?: UpdaterPort;
  /** What the desktop app adds to the platform (a window shortcut, a window that hides). */
  readonly desktop?: Pick<HostPlatform, 'applyWindowShortcut' | 'hideWindow'>;
}

export interface RealBridge {
  /** window.cambWatch as the page sees it, built from the contract over the real host. */
  readonly bridge: CambWatchBridge;
  readonly host: AppHost;
  readonly service: WatchService;
  readonly clock: VirtualClock;
  readonly server: FakeCambServer;
  readonly secrets: ReturnType<typeof memorySecretStore>;
  /** Links the app asked the platform to open. */
  readonly openedLinks: string[];
  /** Files the app asked the platform to show in their folder. */
  readonly shownFiles: string[];
  /** Every request and event that crossed the bridge, as JSON text: for "the key never reaches the page". */
  readonly traffic: string[];
  /** Waits until no status check is in flight. */
  settle(): Promise<void>;
  /** Moves the virtual clock forward timer by timer, letting real HTTP answers arrive on the way. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

interface HappyDomGlobal {
  readonly happyDOM?: { readonly settings: { fetch: { disableSameOriginPolicy: boolean } } };
}

/**
 * The core's fetch. In the happy-dom environment the global fetch is happy-dom's (Vitest replaces Node's
 * and keeps no handle on it); it makes real HTTP requests but applies a browser page's same-origin policy,
 * which would preflight the x-api-key header. The core is not a page, so that policy is switched off.
 */
function coreFetch(): CambFetch {
  const happyDOM = (globalThis as HappyDomGlobal).happyDOM;
  if (happyDOM !== undefined) happyDOM.settings.fetch.disableSameOriginPolicy = true;
  return (url, init) => fetch(url, init);
}

/**
 * The real app behind a renderer test: the watch service on a virtual clock, the fake CAMB server over real
 * HTTP, the app host with its validation, and the contract's own bridge. Requests and events are cloned on
 * the way, as IPC would, so nothing is shared by reference with the core.
 */
export async function createRealBridge(options: RealBridgeOptions = {}): Promise<RealBridge> {
  const clock = new VirtualClock();
  const server = await startFakeCambServer({ apiKey: TEST_API_KEY, now: () => clock.now() });
  const secrets = memorySecretStore('memory');
  const storedKey = options.storedKey === undefined ? TEST_API_KEY : options.storedKey;
  if (storedKey !== null) await secrets.store.set(storedKey);
  const downloadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-renderer-'));

  const fetch = coreFetch();
  const service = createWatchService({
    clock,
    fetch,
    baseUrl: server.baseUrl,
    store: new MemoryStore<PersistedDocument>(emptyDocument()),
    recovery: options.recovery ?? null,
    secrets: secrets.store,
    logger: silentLogger,
    random: () => 0.5,
  });
  const openedLinks: string[] = [];
  const shownFiles: string[] = [];
  const host = createAppHost({
    service,
    platform: {
      ...options.desktop,
      host: options.desktop === undefined ? 'web' : 'electron',
      downloadsDir,
      openExternal: async (url) => {
        openedLinks.push(url);
      },
      showItemInFolder: (file) => shownFiles.push(file),
    },
    fetch,
    clock,
    logger: silentLogger,
    allowLoopbackHttp: true,
    ...(options.updater === undefined
      ? {}
      : {
          updates: createUpdateController({
            clock,
            logger: silentLogger,
            availability: { available: true },
            updater: options.updater,
          }),
        }),
  });

  const traffic: string[] = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const detach = host.attach((event, payload) => {
    traffic.push(JSON.stringify({ event, payload }));
    for (const listener of listeners.get(event) ?? []) listener(structuredClone(payload));
  });
  const bridge = createBridge({
    async invoke(channel, request) {
      traffic.push(JSON.stringify({ channel, request }));
      const envelope = await host.dispatch(channel, structuredClone(request));
      traffic.push(JSON.stringify({ channel, envelope }));
      return structuredClone(envelope);
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  });

  await service.start();
  await service.whenIdle();

  const advance = (ms: number) => advanceVirtualTime(clock, ms, () => service.whenIdle());

  return {
    bridge,
    host,
    service,
    clock,
    server,
    secrets,
    openedLinks,
    shownFiles,
    traffic,
    settle: () => service.whenIdle(),
    advance,
    async close() {
      // Let answers in flight arrive, so closing the server does not cut requests off mid-way.
      await service.whenIdle();
      detach();
      host.dispose();
      service.dispose();
      await server.close();
      fs.rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}
