/**
 * Adding jobs one by one through the contract, as the web host and the desktop app's windows do: each add
 * is one `addTask` request to the app host's dispatch (the handlers HTTP and IPC both call), several in
 * flight at once, every event sent on to a window as JSON, and polling running on the real clock against
 * the fake CAMB.AI over real HTTP. What a single add costs must not grow with the list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppHost } from '../src/main/core/appHost';
import { systemClock } from '../src/main/core/clock/clock';
import { silentLogger } from '../src/main/core/logging/logger';
import { openDocumentStore } from '../src/main/core/persistence/openDocumentStore';
import { memorySecretStore } from '../src/main/core/secrets/memorySecretStore';
import { createWatchService } from '../src/main/core/watchService/watchService';
import { startFakeCambServer, step } from '../tools/fakeCamb/fakeCambServer';

const API_KEY = 'camb-watch-bench-key-contract-adds';
/** Requests the page keeps in flight at once, as a burst of pasted links does. */
export const ADDS_IN_FLIGHT = 8;

/** Wall time, in milliseconds, to add `count` jobs through the contract while polling runs. */
export async function addThroughContract(count: number): Promise<number> {
  const server = await startFakeCambServer({ apiKey: API_KEY });
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-bench-contract-'));
  const downloadsDir = path.join(cwd, 'downloads');
  const secrets = memorySecretStore();
  await secrets.store.set(API_KEY);
  // A fresh folder: nothing to recover.
  const { store } = openDocumentStore({ cwd, clock: systemClock, logger: silentLogger });
  const service = createWatchService({
    clock: systemClock,
    fetch,
    baseUrl: server.baseUrl,
    store,
    secrets: secrets.store,
    logger: silentLogger,
  });
  const host = createAppHost({
    service,
    platform: {
      host: 'web',
      downloadsDir,
      openExternal: async () => {},
      showItemInFolder: () => {},
    },
    fetch,
    clock: systemClock,
    logger: silentLogger,
    allowLoopbackHttp: true,
  });
  // A window's event stream: every event is serialised, as the web host's stream and IPC do.
  let sentBytes = 0;
  const detach = host.attach((event, payload) => {
    sentBytes += JSON.stringify({ event, payload }).length;
  });
  try {
    await service.start();
    let next = 0;
    const addOneByOne = async (): Promise<void> => {
      for (let i = next++; i < count; i = next++) {
        const taskId = `contract-${i}`;
        server.addTask('story', taskId, step.pending());
        const envelope = await host.dispatch('addTask', { kind: 'story', taskId });
        if (!envelope.ok) throw new Error(`Adding ${taskId} was refused: ${JSON.stringify(envelope)}`);
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: ADDS_IN_FLIGHT }, addOneByOne));
    const elapsedMs = performance.now() - startedAt;
    if (sentBytes === 0) throw new Error('No event reached the window');
    return elapsedMs;
  } finally {
    detach();
    host.dispose();
    service.dispose();
    await server.close();
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}
