import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { CannedAnswer, FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { EXIT } from '../../../src/cli/exitCodes';
import { ensureCliBuilt, jsonLines, runCli } from './runCli';
import { TEST_KEY } from './runCli';

/**
 * Answers a hostile or broken CAMB.AI could send, played by the fake server against the built CLI: none may
 * make it hammer CAMB.AI, print a wrong value as if it were right, crash, or write control bytes.
 */

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
});

afterAll(() => server.close());

/** Slow enough that the server's real clock can tell a 2 s backoff (20 ms) from no wait at all. */
const SLOW_SPEEDUP = 100;

function statusLog(taskId: string) {
  return server.requests.filter((entry) => entry.route === 'status' && entry.id === taskId);
}

const many = (fault: () => CannedAnswer, count = 300) => Array.from({ length: count }, fault);

const RETRY_ADVICE = [
  { advice: 'Retry-After: 0', fault: () => faults.rateLimited(0) },
  { advice: 'a negative Retry-After', fault: () => faults.rateLimited(-5) },
  {
    advice: 'a Retry-After date in the past',
    fault: () => faults.rateLimited(new Date(Date.UTC(2020, 0, 1))),
  },
];

describe.concurrent.each(RETRY_ADVICE)('camb-watch and a 429 with $advice', ({ advice, fault }) => {
  const id = (command: string) => `hostile-${command}-${advice.replace(/\W+/g, '-')}`;

  it('status waits at least the normal backoff (2 s, then 4 s) between its tries', async () => {
    const taskId = id('status');
    server.addTask('story', taskId, step.pending());
    server.injectFaults('story', taskId, many(fault, 3));
    const run = await runCli(['status', taskId], { server, speedup: SLOW_SPEEDUP });
    expect(run.exitCode).toBe(EXIT.unavailable);
    const at = statusLog(taskId).map((entry) => entry.at);
    expect(at).toHaveLength(3);
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(2_000 / SLOW_SPEEDUP);
    expect((at[2] ?? 0) - (at[1] ?? 0)).toBeGreaterThanOrEqual(4_000 / SLOW_SPEEDUP);
    expect(run.stderr).not.toMatch(/wait 0 s|Retrying in 0 s/);
  });

  it('wait sends at most a handful of requests in 20 s, not one per budget slot', async () => {
    const taskId = id('wait');
    server.addTask('story', taskId, step.pending());
    server.injectFaults('story', taskId, many(fault));
    const run = await runCli(['wait', taskId, '--timeout', '20s'], { server, speedup: SLOW_SPEEDUP });
    expect(run.exitCode).toBe(EXIT.timedOut);
    // Backoff 2 s, 4 s, 8 s, …: five requests fit in 20 s at most.
    expect(statusLog(taskId).length).toBeLessThanOrEqual(5);
  });
});

describe.concurrent.each([
  { shape: 'a numeric string', runIdJson: '"99999999999999999999"' },
  { shape: 'a number', runIdJson: '99999999999999999999' },
])('camb-watch status and a run_id above 2^53 as $shape', ({ shape, runIdJson }) => {
  it('calls the answer unreadable, prints no run id, and does not exit 0', async () => {
    const taskId = `hostile-run-id-${shape.replace(/\W+/g, '-')}`;
    server.addTask('story', taskId, step.pending());
    server.injectFaults(
      'story',
      taskId,
      many(() => faults.runIdAs(runIdJson), 3),
    );
    const run = await runCli(['status', taskId, '--json'], { server });
    expect(run.exitCode).toBe(EXIT.unavailable);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('run_id: should be a whole number no larger than 9007199254740991');
    expect(run.stderr).not.toMatch(/100000000000000000000|1e\+20/);
  });
});

describe.concurrent('camb-watch and an answer nested 200,000 levels deep', () => {
  it('status calls it unreadable instead of crashing', async () => {
    server.addTask('story', 'hostile-nested-status', step.pending());
    server.injectFaults(
      'story',
      'hostile-nested-status',
      many(() => faults.deeplyNested(200_000), 3),
    );
    const run = await runCli(['status', 'hostile-nested-status'], { server });
    expect(run.exitCode).toBe(EXIT.unavailable);
    expect(run.stderr).not.toContain('call stack');
    expect(run.stderr).toContain(
      'unreadable answer (HTTP 200): its JSON is nested more than 100 levels deep',
    );
  });

  it('wait calls it unreadable, retries, and ends with the real status', async () => {
    server.addTask('story', 'hostile-nested-wait', [step.pending({ polls: 1 }), step.success(5)]);
    server.injectFaults(
      'story',
      'hostile-nested-wait',
      many(() => faults.deeplyNested(200_000), 2),
    );
    const run = await runCli(['wait', 'hostile-nested-wait'], { server });
    expect(run.exitCode).toBe(EXIT.ok);
    expect(run.stderr).toMatch(/nested more than 100 levels deep[^\n]*Retrying in \d+ s/);
  });
});

describe('camb-watch status --json and C1 control characters', () => {
  it('escapes U+0080–U+009F as it escapes ESC and BEL', async () => {
    const message = 'csi\u009b31mred\u0080\u009f';
    server.addTask('story', 'hostile-c1', step.error('ERROR', message));
    const run = await runCli(['status', 'hostile-c1', '--json'], { server });
    expect(run.exitCode).toBe(EXIT.taskFailed);
    expect(run.stdout).not.toMatch(/[\u0080-\u009f]/);
    expect(run.stdout).toContain('csi\\u009b31mred\\u0080\\u009f');
    expect(jsonLines(run.stdout)[0]?.['message']).toBe(message);
  });
});
