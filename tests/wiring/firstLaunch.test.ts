import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCambServer, step, type FakeCambServer } from '../support/fakeCambServer';
import { cleanUpWiredApp, launchWiredApp, trays, windows } from './support/wiredApp';

const API_KEY = 'camb-wiring-key-7Hq2Lm9Zx4';
let server: FakeCambServer;

beforeAll(async () => {
  server = await startFakeCambServer({ apiKey: API_KEY });
});
afterAll(() => server.close());
afterEach(cleanUpWiredApp);

describe('first launch', () => {
  it('opens the window on a first run', async () => {
    const wired = await launchWiredApp({ apiBase: server.baseUrl, apiKey: API_KEY });
    await wired.started();
    await expect.poll(() => wired.window()?.visible).toBe(true);
    expect(trays).toHaveLength(1);
    expect(windows.length).toBeGreaterThan(0);
    void randomUUID;
    void step;
  });
});
