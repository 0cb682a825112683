import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { ensureCliBuilt, runCliProcess, TEST_KEY } from './runCli';

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
});

afterAll(() => server.close());

it('a reader that goes away (`wait --json | head -n 1`) ends wait quietly, not as a failed task', async () => {
  server.addTask('story', 'pipe-head', step.pending());
  const run = await runCliProcess(['wait', 'pipe-head', '--json'], {
    server,
    closeStdoutWhen: (stdout) => stdout.includes('\n'),
    // The task moves on only once nobody reads any more. Two more lines, because stdout is a socket here and
    // a socket takes one more write after its reader closed before it fails with EPIPE.
    afterStdoutClosed: () =>
      server.addTask('story', 'pipe-head', [step.status('RUNNING', { polls: 1 }), step.success(8)]),
  });
  // 1 would tell the script that the task failed; 141 is what a shell reports for a process cut off by SIGPIPE.
  expect(run.exitCode).toBe(141);
  expect(run.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
});
