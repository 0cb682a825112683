import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import type { NotificationModel } from '../../src/main/core/notifications/notificationModel';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { createWatchService } from '../../src/main/core/watchService/watchService';
import type { WatchService, WatchServiceEvents } from '../../src/main/core/watchService/watchServiceTypes';
import type { TaskKind } from '../../src/shared/taskKinds';
import { memorySecretStore } from '../../src/main/core/secrets/memorySecretStore';
import { startFakeCambServer } from '../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../tools/fakeCamb/fakeCambServer';
import { advanceVirtualTime } from './advanceVirtualTime';

/** The key the fake server accepts unless a test rotates it; long and odd so a leak cannot hide. */
export const TEST_API_KEY = 'camb-watch-harness-key-7Qz9xK2mV4pL8sT1';

export interface CapturedEvent {
  readonly name: keyof WatchServiceEvents;
  readonly payload: unknown;
}

export interface ServiceHarnessOptions {
  /** The key in the secret store when the service starts; null for none. Default TEST_API_KEY. */
  readonly storedKey?: string | null;
  /** The key(s) the fake server accepts. Default TEST_API_KEY. */
  readonly serverKey?: string | readonly string[];
  /** Call start() before returning. Default true. */
  readonly start?: boolean;
  /** Network delay the fake server adds to each request's arrival time in its log. Default none. */
  readonly arrivalDelayMs?: () => number;
  /** The state folder, owned by the caller (e.g. a small disk it mounted); default a temporary one. */
  readonly cwd?: string;
}

export interface RestartOptions {
  /** Call start() on the new service. Default true. */
  readonly start?: boolean;
  /** Runs between the old service's last write and the new one's opening (e.g. to damage the file). */
  readonly beforeOpen?: () => void;
}

/** One service instance with everything it emitted; a harness may open several over the same store. */
export interface ServiceRun {
  readonly service: WatchService;
  readonly events: CapturedEvent[];
  notifications(): NotificationModel[];
}

export interface WatchServiceHarness {
  readonly clock: VirtualClock;
  readonly server: FakeCambServer;
  /** The folder of the conf store; survives restart(). */
  readonly cwd: string;
  readonly storeFile: string;
  readonly secrets: ReturnType<typeof memorySecretStore>;
  /** The service opened last. */
  readonly run: ServiceRun;
  readonly service: WatchService;
  /** Every run opened so far, for scanning everything ever captured. */
  readonly runs: readonly ServiceRun[];
  /** Disposes the current service and opens a new one over the same store folder (a restart of the app). */
  restart(options?: RestartOptions): Promise<ServiceRun>;
  /** Waits until no status request is in flight and none can start before virtual time moves. */
  settle(): Promise<void>;
  /**
   * Moves virtual time forward by `ms`, one timer at a time, letting real HTTP answers arrive and be
   * handled before the clock moves again, so the service sees the same order of events as in real life.
   */
  advance(ms: number): Promise<void>;
  /** Status requests the server received for the task. */
  statusRequests(kind: TaskKind, taskId: string): number;
  /** Everything captured by every run, the server's request log, the store folder's files: as text. */
  everythingSaid(): string;
  close(): Promise<void>;
}

/** A fixed jitter draw keeps intervals reproducible; the real scheduler still computes them. */
const FIXED_RANDOM = () => 0.5;

export async function createWatchServiceHarness(
  options: ServiceHarnessOptions = {},
): Promise<WatchServiceHarness> {
  const clock = new VirtualClock();
  const server = await startFakeCambServer({
    apiKey: options.serverKey ?? TEST_API_KEY,
    now: () => clock.now(),
    ...(options.arrivalDelayMs === undefined ? {} : { arrivalDelayMs: options.arrivalDelayMs }),
  });
  const cwd = options.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-service-'));
  const secrets = memorySecretStore();
  const storedKey = options.storedKey === undefined ? TEST_API_KEY : options.storedKey;
  if (storedKey !== null) await secrets.store.set(storedKey);

  const runs: ServiceRun[] = [];

  function open(): ServiceRun {
    const { store, recovery } = openDocumentStore({ cwd, clock, logger: silentLogger });
    const service = createWatchService({
      clock,
      fetch,
      baseUrl: server.baseUrl,
      store,
      recovery,
      secrets: secrets.store,
      logger: silentLogger,
      random: FIXED_RANDOM,
    });
    const events: CapturedEvent[] = [];
    const names: (keyof WatchServiceEvents)[] = [
      'taskChanged',
      'tasksRemoved',
      'notification',
      'trayChanged',
      'stateChanged',
      'settingsChanged',
      'storeRecovered',
    ];
    for (const name of names) service.on(name, (payload: unknown) => events.push({ name, payload }));
    const run: ServiceRun = {
      service,
      events,
      notifications: () =>
        events
          .filter((event) => event.name === 'notification')
          .map((event) => (event.payload as WatchServiceEvents['notification']).notification),
    };
    runs.push(run);
    return run;
  }

  const current = (): ServiceRun => {
    const run = runs.at(-1);
    if (run === undefined) throw new Error('no service has been opened');
    return run;
  };

  async function settle(): Promise<void> {
    await current().service.whenIdle();
  }

  const advance = (ms: number) => advanceVirtualTime(clock, ms, settle);

  const first = open();
  if (options.start ?? true) {
    await first.service.start();
    await settle();
  }

  return {
    clock,
    server,
    cwd,
    storeFile: documentStoreFile(cwd),
    secrets,
    get run() {
      return current();
    },
    get service() {
      return current().service;
    },
    runs,
    async restart(restartOptions = {}) {
      current().service.dispose();
      restartOptions.beforeOpen?.();
      const run = open();
      if (restartOptions.start ?? true) {
        await run.service.start();
        await settle();
      }
      return run;
    },
    settle,
    advance,
    statusRequests: (kind, taskId) => server.requestCount(kind, taskId),
    everythingSaid() {
      const files = fs
        .readdirSync(cwd)
        .map((name) => `${name}\n${fs.readFileSync(path.join(cwd, name), 'utf8')}`);
      const captured = runs.map((run) => ({
        events: run.events,
        state: run.service.state(),
        tray: run.service.trayModel(),
        list: run.service.list(),
        settings: run.service.getSettings(),
        exported: run.service.exportJson(),
      }));
      return [JSON.stringify(captured), JSON.stringify(server.requests), ...files].join('\n');
    },
    async close() {
      current().service.dispose();
      await server.close();
      if (options.cwd === undefined) fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}
