import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { ensureCliBuilt, jsonLines, neverPrint, runCli, TEST_KEY } from './runCli';

/*
 * The key never reaches the terminal, even when CAMB.AI (or a proxy) echoes it back. runCli already fails
 * any run that prints a known key; these tests make the server do its worst and check what was shown instead.
 */

/** Visible ASCII that JSON and URLs spell differently: `"`, `\`, `+`, `/`, `=`. */
const ODD_KEY = 'cli"odd\\key+/=5e7d';
neverPrint(ODD_KEY);

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: [TEST_KEY, ODD_KEY] });
});

afterAll(() => server.close());

describe.concurrent('the API key never appears in any output', () => {
  it('when a 500 body echoes it during wait', async () => {
    server.addTask('story', 'r-500', step.success(1));
    server.injectFaults('story', 'r-500', [
      faults.answer(500, `upstream rejected x-api-key: ${TEST_KEY}`, { 'content-type': 'text/plain' }),
    ]);
    const run = await runCli(['wait', 'r-500'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/HTTP 500\): upstream rejected x-api-key: \[redacted\]/);
  });

  it('when a 401 body echoes it', async () => {
    server.addTask('story', 'r-401', step.success(1));
    server.injectFaults('story', 'r-401', [
      faults.answer(401, JSON.stringify({ error: `Invalid API key ${TEST_KEY}`, status: 401 }), {
        'content-type': 'application/json',
      }),
    ]);
    const run = await runCli(['status', 'r-401'], { server });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('[redacted]');
  });

  it('when the task’s own message quotes it, in human and JSON output', async () => {
    server.addTask('story', 'r-message', step.error('FORBIDDEN', `key ${TEST_KEY} may not do this`));
    const human = await runCli(['status', 'r-message'], { server });
    expect(human.exitCode).toBe(1);
    expect(human.stdout).toContain('message: key [redacted] may not do this');
    const json = await runCli(['wait', 'r-message', '--json'], { server });
    expect(json.exitCode).toBe(1);
    expect(jsonLines(json.stdout)[0]?.['message']).toBe('key [redacted] may not do this');
  });

  it('when a result link carries it', async () => {
    server.addResult('story', 7001, { audio_url: `https://cdn.example.test/a.mp3?key=${TEST_KEY}` });
    const run = await runCli(['result', '7001', '--json'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('[redacted]');
  });

  it('in its JSON-escaped and URL-encoded spellings', async () => {
    server.addTask('story', 'r-spellings', step.success(1));
    server.injectFaults('story', 'r-spellings', [
      faults.answer(503, JSON.stringify({ detail: `bad key ${ODD_KEY}` }), {
        'content-type': 'application/json',
      }),
      faults.answer(502, `GET /story/r-spellings?api_key=${encodeURIComponent(ODD_KEY)}`),
    ]);
    const run = await runCli(['wait', 'r-spellings'], { server, apiKey: ODD_KEY });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/HTTP 503\): bad key \[redacted\]/);
    expect(run.stderr).toMatch(/HTTP 502\): GET \/story\/r-spellings\?api_key=\[redacted\]/);
  });

  it('when key set is given a key it refuses', async () => {
    // Refused before the keychain is touched: the message must explain without quoting it.
    neverPrint('refused key-with-space-91c2');
    const run = await runCli(['key', 'set'], { apiKey: null, stdin: 'refused key-with-space-91c2' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('space');
  });
});
