import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { ensureCliBuilt, runCliProcess, TEST_KEY } from './runCli';

/**
 * Ctrl-C ends every command at once with exit 130, whatever it is waiting for: a hung request, a retry's
 * backoff, a task that keeps running. The server hangs each request, so only the interrupt can end the run.
 */

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
});

afterAll(() => server.close());

function requestFor(id: string): Promise<void> {
  return server.waitForRequests(1, (entry) => entry.id === id);
}

describe.concurrent('Ctrl-C', () => {
  it.each([
    ['status', 'int-status'],
    ['wait', 'int-wait'],
  ])('ends `%s` during a hung request with exit 130', async (command, id) => {
    server.addTask('story', id, step.pending());
    server.injectFaults('story', id, [faults.hang()]);
    // Without a speedup the hung request would only be abandoned after 15 real seconds.
    const run = await runCliProcess([command, id], { server, speedup: null, interruptWhen: requestFor(id) });
    expect(run.exitCode).toBe(130);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('ends `result` during a hung request with exit 130', async () => {
    server.addResult('story', 7001, { audio_url: 'https://cdn.example/a.mp3' });
    server.injectResultFaults('story', 7001, [faults.hang()]);
    const run = await runCliProcess(['result', '7001'], {
      server,
      speedup: null,
      interruptWhen: requestFor('7001'),
    });
    expect(run.exitCode).toBe(130);
    expect(run.stdout).toBe('');
  });
});
