import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { faults, startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { Fault, FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { ensureCliBuilt, jsonLines, runCli, SPEEDUP, TEST_KEY } from './runCli';

/**
 * Transient faults never end `camb-watch wait`: each is reported on stderr, retried, and the wait still
 * ends with the task's real terminal state. Retry-After is honoured.
 */

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
});

afterAll(() => server.close());

function statusLog(taskId: string) {
  return server.requests.filter((entry) => entry.route === 'status' && entry.id === taskId);
}

interface TransientCase {
  readonly name: string;
  readonly fault: () => Fault;
  /** What stderr must say about it. */
  readonly reported: RegExp;
}

const TRANSIENT: readonly TransientCase[] = [
  { name: '500', fault: () => faults.serverError(500), reported: /HTTP 500\)[^\n]*Retrying in \d+ s/ },
  {
    name: '502 with an HTML page',
    fault: () => faults.serverError(502, { html: true }),
    reported: /HTTP 502\)[^\n]*HTML page titled "502 Bad Gateway"[^\n]*Retrying in \d+ s/,
  },
  { name: '503', fault: () => faults.serverError(503), reported: /HTTP 503\)[^\n]*Retrying in \d+ s/ },
  {
    name: '429 with Retry-After seconds',
    fault: () => faults.rateLimited(7),
    // The CLI's clock moves on while it reports, so the wait it names can be a little shorter than 7 s.
    reported: /HTTP 429\); it asks to wait 7 s\. Retrying in \d+ s/,
  },
  {
    name: '429 with an HTTP-date Retry-After',
    fault: () => faults.rateLimited(new Date(Date.now() + 60_000)),
    reported: /HTTP 429\)[^\n]*Retrying in \d+ s/,
  },
  {
    name: '429 without Retry-After',
    fault: () => faults.rateLimited(),
    reported: /HTTP 429\)\. Retrying in \d+ s/,
  },
  {
    name: 'a connection reset',
    fault: () => faults.reset(),
    reported: /closed before an answer came[^\n]*Retrying in \d+ s/,
  },
  {
    name: 'a request that hangs',
    fault: () => faults.hang(),
    reported: /no answer within 15 s[^\n]*Retrying in \d+ s/,
  },
  {
    name: 'malformed JSON',
    fault: () => faults.malformedJson(),
    reported: /not JSON[^\n]*Retrying in \d+ s/,
  },
  {
    name: 'an HTML page with 200',
    fault: () => faults.html200(),
    reported: /HTML page titled "CAMB\.AI \| Scheduled maintenance"[^\n]*Retrying in \d+ s/,
  },
  {
    name: 'unexpected JSON',
    fault: () => faults.unexpectedJson(),
    reported: /JSON that is not the task status[^\n]*Retrying in \d+ s/,
  },
  {
    name: 'the undocumented status FAILED',
    fault: () => faults.unknownStatus('FAILED'),
    reported: /"FAILED", which it does not document; still watching/,
  },
];

// Several of these mostly wait (a hung request lasts 2 s of real time): let more of them run at once.
vi.setConfig({ maxConcurrency: 8 });

describe.concurrent('camb-watch wait through transient faults', () => {
  it.each(TRANSIENT.map((entry, index) => ({ ...entry, index })))(
    'reports $name on stderr, retries, and ends with the real state',
    async ({ fault, reported, index }) => {
      const id = `wf-${index}`;
      server.addTask('story', id, [step.pending({ polls: 1 }), step.success(500 + index)]);
      server.injectFaults('story', id, [fault()]);
      const run = await runCli(['wait', id, '--json'], { server });

      expect(run.exitCode).toBe(0);
      expect(run.stderr).toMatch(reported);
      expect(run.stderr).not.toMatch(/<html|<!DOCTYPE/i);
      const objects = jsonLines(run.stdout);
      expect(objects.at(-1)).toEqual({
        kind: 'story',
        task_id: id,
        status: 'SUCCESS',
        run_id: 500 + index,
        exception_reason: null,
        message: null,
      });
      const answers = statusLog(id).map((entry) => entry.answer);
      expect(answers).toHaveLength(3);
      expect(answers[0]).toMatch(/^fault /);
      expect(answers.slice(1)).toEqual(['status PENDING', 'status SUCCESS']);
    },
  );

  it('shows an undocumented status verbatim as a status change', async () => {
    server.addTask('story', 'wf-verbatim', [step.status('FAILED', { polls: 1 }), step.success(4)]);
    const run = await runCli(['wait', 'wf-verbatim'], { server });
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/story wf-verbatim: FAILED \(a status CAMB\.AI does not document\)$/);
    expect(lines.at(-1)).toMatch(/story wf-verbatim: SUCCESS \(run 4\)$/);
    expect(run.stderr).toMatch(/"FAILED", which it does not document/);
  });

  it('keeps going through every fault in a row and exits 1 when the task then fails', async () => {
    server.addTask('story', 'wf-all', [step.pending({ polls: 1 }), step.error('SOURCE_TOO_LONG')]);
    server.injectFaults(
      'story',
      'wf-all',
      TRANSIENT.map((entry) => entry.fault()),
    );
    const run = await runCli(['wait', 'wf-all', '--json'], { server });
    expect(run.exitCode).toBe(1);
    for (const { reported } of TRANSIENT) expect(run.stderr).toMatch(reported);
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({
      status: 'ERROR',
      exception_reason: 'SOURCE_TOO_LONG',
    });
    expect(statusLog('wf-all')).toHaveLength(TRANSIENT.length + 2);
  });

  it('outlasts a long outage with growing waits', async () => {
    server.addTask('story', 'wf-outage', step.success(6));
    server.injectFaults(
      'story',
      'wf-outage',
      Array.from({ length: 6 }, () => faults.serverError(503, { html: true })),
    );
    const run = await runCli(['wait', 'wf-outage'], { server });
    expect(run.exitCode).toBe(0);
    const waits = [...run.stderr.matchAll(/Retrying in (\d+) s/g)].map((match) => Number(match[1]));
    expect(waits).toHaveLength(6);
    expect(waits.at(-1)).toBeGreaterThan(waits[0] ?? Infinity);
  });
});

describe.concurrent('camb-watch wait honours Retry-After', () => {
  // The CLI's clock runs SPEEDUP times faster than the server's (real) one, from the moment it starts.

  it('sends nothing for that many seconds', async () => {
    server.addTask('story', 'wf-retry-seconds', [step.pending({ polls: 1 }), step.success(1)]);
    server.injectFaults('story', 'wf-retry-seconds', [faults.rateLimited(120)]);
    const run = await runCli(['wait', 'wf-retry-seconds'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/it asks to wait 120 s\. Retrying in \d+ s/);
    const [limited, next] = statusLog('wf-retry-seconds');
    expect(limited?.answer).toBe('fault 429 retry-after 120');
    // 120 s for the CLI is 120 ms for the server; the normal 3 s interval would have been 3 ms.
    expect((next?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(120_000 / SPEEDUP);
  });

  it('sends nothing before an HTTP-date Retry-After', async () => {
    const startedAt = Date.now();
    const retryAt = new Date(startedAt + 30 * 60_000);
    // HTTP dates have whole seconds.
    const retryAtMs = Math.floor(retryAt.getTime() / 1000) * 1000;
    server.addTask('story', 'wf-retry-date', [step.pending({ polls: 1 }), step.success(1)]);
    server.injectFaults('story', 'wf-retry-date', [faults.rateLimited(retryAt)]);
    const run = await runCli(['wait', 'wf-retry-date'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/HTTP 429\); it asks to wait \d+ s/);
    const [limited, next] = statusLog('wf-retry-date');
    expect(limited?.answer).toMatch(/^fault 429 retry-after /);
    // The CLI's clock started at or after startedAt and runs SPEEDUP times faster: it reaches retryAt
    // no earlier than this, in server time (1 ms for rounding).
    const earliest = startedAt + (retryAtMs - startedAt) / SPEEDUP - 1;
    expect(next?.at ?? 0).toBeGreaterThanOrEqual(earliest);
  });

  it('backs off on a 429 without Retry-After instead of asking again at once', async () => {
    server.addTask('story', 'wf-retry-none', [step.pending({ polls: 1 }), step.success(1)]);
    server.injectFaults('story', 'wf-retry-none', [faults.rateLimited(), faults.rateLimited()]);
    const run = await runCli(['wait', 'wf-retry-none'], { server });
    expect(run.exitCode).toBe(0);
    const log = statusLog('wf-retry-none').map((entry) => entry.answer);
    expect(log).toEqual(['fault 429', 'fault 429', 'status PENDING', 'status SUCCESS']);
    expect(run.stderr.match(/HTTP 429\)\. Retrying in \d+ s/g)).toHaveLength(2);
  });
});
