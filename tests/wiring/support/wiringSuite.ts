import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeCambServer, type FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { cleanUpWiredApp, launchWiredApp, type LaunchOptions, type WiredApp } from './wiredApp';

export const API_KEY = 'camb-wiring-key-7Hq2Lm9Zx4';

/** The fake CAMB server for a file's tests, and a launcher pointed at it; each test's app is ended after it. */
export function wiringSuite() {
  let server: FakeCambServer | null = null;
  beforeAll(async () => {
    server = await startFakeCambServer({ apiKey: API_KEY });
  });
  afterAll(() => server?.close());
  afterEach(cleanUpWiredApp);
  const running = () => {
    if (server === null) throw new Error('The fake CAMB server is not running');
    return server;
  };
  return {
    server: running,
    launch: (options: Omit<LaunchOptions, 'apiBase'> = {}): Promise<WiredApp> =>
      launchWiredApp({ apiBase: running().baseUrl, ...options }),
  };
}

/** A profile the app has started on before (so this start is not a first run). */
export function returningProfile(): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'camb-wiring-'));
  writeFileSync(path.join(profile, 'shell-state.json'), JSON.stringify({ startedBefore: true }));
  return profile;
}
