import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { ensureCliBuilt, REPO_ROOT, runCli, runCliProcess, TEST_KEY } from './runCli';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bad usage and invalid input: exit 2, a message naming the problem, and nothing sent. Every command here
 * points at a live fake server that would answer, so a request that slipped through would show in its log.
 */

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
  server.addTask('story', 'abc', step.success(1));
});

afterAll(() => server.close());

afterEach(() => {
  expect(server.requests).toEqual([]);
});

async function expectUsageError(args: readonly string[], problem: RegExp | string) {
  const run = await runCli(args, { server });
  expect(run.exitCode).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(typeof problem === 'string' ? new RegExp(escape(problem)) : problem);
  expect(run.stderr).toContain('camb-watch --help');
  return run;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.concurrent('invalid task ids are refused before anything is sent', () => {
  // The ids of the contract, for both commands that take one.
  it.each([
    ['with a space', 'abc def', 'cannot contain spaces'],
    ['with a slash', 'abc/def', 'cannot contain a slash'],
    ['that is ..', '..', 'two dots in a row'],
    ['that is .', '.', 'cannot be a single dot'],
    ['that is empty', '', 'The task id is empty'],
    ['of 129 characters', 'x'.repeat(129), '129 characters long; task ids are at most 128'],
    ['with a control character', 'abc\u0007def', 'control characters (found U+0007)'],
  ])('an id %s, for status and wait', async (_what, id, problem) => {
    await expectUsageError(['status', id], problem);
    await expectUsageError(['wait', id, '--timeout', '1m'], problem);
  });

  it.each([
    ['with .. inside', 'a..b', 'two dots in a row'],
    ['that is only blanks', '   ', 'The task id is empty'],
    ['with an escape sequence', 'abc\u001b[31m', 'control characters (found U+001B)'],
    ['with a line break', 'abc\ndef', 'cannot contain line breaks'],
    ['that climbs out of the path', '../dub/abc', 'cannot contain a slash'],
    ['in JSON without task_id', '{"id": "abc"}', 'no "task_id" field'],
  ])('an id %s', async (_what, id, problem) => {
    await expectUsageError(['wait', id], problem);
  });
});

describe.concurrent('bad options and arguments', () => {
  it('names an unknown --kind and lists the valid ones', async () => {
    const run = await expectUsageError(['status', 'abc', '--kind', 'podcast'], 'unknown job kind "podcast"');
    expect(run.stderr).toContain('story, translated-story, dub');
  });

  it.each([
    ['soon', 'Could not read "soon" as a duration'],
    ['=-5m', 'cannot be negative'],
    ['10x', '"x" in "10x" is not a unit'],
    ['', 'cannot be empty'],
  ])('names a bad --timeout %j', async (value, problem) => {
    // "=" glues a value that starts with a dash to its option.
    const args = value.startsWith('=') ? [`--timeout${value}`] : ['--timeout', value];
    const run = await expectUsageError(['wait', 'abc', ...args], problem);
    expect(run.stderr).toContain('--timeout');
  });

  it('names an unknown option', async () => {
    await expectUsageError(['status', 'abc', '--verbose'], 'unknown option --verbose');
  });

  it('names an option the command does not take', async () => {
    await expectUsageError(['status', 'abc', '--timeout', '5m'], '"status" does not take --timeout');
    await expectUsageError(['result', '42', '--timeout', '5m'], '"result" does not take --timeout');
  });

  it('names an option that lacks its value', async () => {
    await expectUsageError(['wait', 'abc', '--kind'], '--kind needs a value');
    await expectUsageError(
      ['wait', 'abc', '--timeout', '-5m'],
      '--timeout needs a value; to give one that starts with "-", write --timeout=<value>',
    );
  });

  it.each([
    [['status'], '"status" needs a task id'],
    [['wait', '--json'], '"wait" needs a task id'],
    [['result'], '"result" needs a run id'],
    [['status', 'abc', 'def'], '"status" takes one task id, not 2'],
  ])('names a missing or extra operand: %j', async (args, problem) => {
    await expectUsageError(args, problem);
  });

  it.each([
    [[], 'no command given'],
    [['watch', 'abc'], 'unknown command "watch"'],
    [['key'], '"key" takes one of: set, status, clear'],
    [['key', 'show'], '"key" takes one of: set, status, clear (not "show")'],
    [['key', 'set', 'my-key-in-argv'], '"key set" takes no further arguments'],
  ])('names a bad command: %j', async (args, problem) => {
    await expectUsageError(args, problem);
  });

  it('refuses CAMB_WATCH_SPEEDUP for anything but a local server', async () => {
    const run = await runCli(['status', 'abc'], {
      env: { CAMB_API_BASE: 'https://client.camb.ai/apis' },
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/CAMB_WATCH_SPEEDUP only works with a local CAMB_API_BASE/);
  });

  it('refuses a CAMB_API_BASE that is not an http(s) URL', async () => {
    const run = await runCli(['status', 'abc'], {
      speedup: null,
      env: { CAMB_API_BASE: 'ftp://example.test' },
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('CAMB_API_BASE');
  });

  it('refuses a CAMB_API_BASE with a query, which would swallow the request path', async () => {
    const run = await runCli(['status', 'abc'], {
      speedup: null,
      env: { CAMB_API_BASE: `${server.baseUrl}?region=eu` },
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/CAMB_API_BASE ".*\?region=eu" must not have a \?query/);
  });
});

describe.concurrent('help and version', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    for (const command of ['status <task-id>', 'wait   <task-id>', 'result <run-id>', 'key set', 'key clear'])
      expect(run.stdout).toContain(command);
    expect(run.stdout).toMatch(/Exit codes: 0 success, 1 task failed/);
  });

  it('--help works whatever CAMB_WATCH_SPEEDUP says, as it sends nothing', async () => {
    const run = await runCli(['--help'], { speedup: 1000, env: { CAMB_API_BASE: undefined } });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage:');
  });

  it('-h after a command prints the usage too', async () => {
    const run = await runCli(['wait', 'abc', '-h'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage:');
  });

  it('--version prints the package version (the built camb-watch: the version is set when it is bundled)', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runCliProcess(['--version'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});
