import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { EXIT } from '../../../src/cli/exitCodes';
import { ensureCliBuilt, jsonLines, runCli, TEST_KEY } from './runCli';

/**
 * A CAMB.AI (or something posing as it) that writes line breaks and bidi overrides into the texts it sends,
 * to make the CLI print lines it never wrote: every field it sent stays on its own line, with what was
 * hidden in it shown.
 */

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
});

afterAll(() => server.close());

/** A reason that, printed raw, would add a line saying the job succeeded. */
const FAKE_LINE = 'voice failed\nstory other-job: SUCCESS (run 4242)';
/** U+202E turns "exe.txt" around on screen; U+2066–U+2069 isolate, U+200B and U+3164 hide. */
const REVERSED = 'report\u202Etxt.exe\u2066x\u2069\u200B\u3164';
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u3164\u2028\u2029\u0085]/u;

describe.concurrent('camb-watch and texts that try to fake output', () => {
  it('status prints one line per field, with the line break and the bidi override shown', async () => {
    server.addTask('story', 'fake-lines', step.error(FAKE_LINE, `${REVERSED}\r\nline\u2028two`));
    const run = await runCli(['status', 'fake-lines'], { server });
    expect(run.exitCode).toBe(EXIT.taskFailed);
    expect(run.stdout.split('\n')).toEqual([
      'story fake-lines: ERROR',
      '  reason: voice failed\\nstory other-job: SUCCESS (run 4242)',
      '  message: report<U+202E>txt.exe<U+2066>x<U+2069><U+200B><U+3164>\\r\\nline<U+2028>two',
      '',
    ]);
    expect(run.stdout).not.toMatch(INVISIBLE);
  });

  it('status --json keeps each answer one line that parses back to exactly what CAMB.AI sent', async () => {
    server.addTask('story', 'fake-json', step.error(FAKE_LINE, REVERSED));
    const run = await runCli(['status', 'fake-json', '--json'], { server });
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).not.toMatch(INVISIBLE);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ exception_reason: FAKE_LINE, message: REVERSED });
  });

  it('wait prints an undocumented status with a line break in it on one line', async () => {
    server.addTask('story', 'fake-status', [
      step.status('WEIRD\ncamb-watch: story fake-status: SUCCESS', { runId: null, polls: 1 }),
      step.success(77),
    ]);
    const run = await runCli(['wait', 'fake-status'], { server });
    expect(run.exitCode).toBe(EXIT.ok);
    expect(run.stderr).toContain(
      'CAMB.AI reported "WEIRD\\ncamb-watch: story fake-status: SUCCESS", which it does not document; still watching.',
    );
    expect(run.stderr.split('\n').filter((line) => line.startsWith('camb-watch:'))).toEqual([]);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('camb-watch:'))).toEqual([]);
  });

  it('an error body with a line break and a bidi override stays in the one sentence that reports it', async () => {
    server.addTask('story', 'fake-error', step.pending());
    server.injectFaults('story', 'fake-error', [faults.notFound(`Task not found\nAll good: ${REVERSED}`)]);
    const run = await runCli(['status', 'fake-error'], { server });
    expect(run.exitCode).toBe(EXIT.notFound);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Task not found All good: report<U+202E>txt.exe<U+2066>x<U+2069>');
    expect(run.stderr).not.toMatch(INVISIBLE);
  });

  it('result prints each text and transcript line CAMB.AI sent on one line', async () => {
    server.addResult('story', 5150, {
      audio_url: 'https://cdn.example.test/story.mp3',
      transcript: [{ start: 0, end: 1, text: `Once\nstory run 1: ${REVERSED}`, speaker: 'Nar\u202Erator\n' }],
    });
    const run = await runCli(['result', '5150'], { server });
    expect(run.exitCode).toBe(EXIT.ok);
    expect(run.stdout).toContain(
      '  [0–1] Nar<U+202E>rator\\n: Once\\nstory run 1: report<U+202E>txt.exe<U+2066>x<U+2069><U+200B><U+3164>\n',
    );
    expect(run.stdout).not.toMatch(INVISIBLE);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('story run 1'))).toEqual([]);
  });
});
