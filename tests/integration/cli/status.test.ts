import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import type { TaskKind } from '../../../src/shared/taskKinds';
import { ensureCliBuilt, jsonLines, runCli, TEST_KEY } from './runCli';

/** `camb-watch status`: one look at a task, as a process against the fake CAMB server. */

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
});

afterAll(() => server.close());

const JSON_FIELDS = ['kind', 'task_id', 'status', 'run_id', 'exception_reason', 'message'];

function statusRequests(taskId: string) {
  return server.requests.filter((entry) => entry.route === 'status' && entry.id === taskId);
}

describe.concurrent('camb-watch status', () => {
  it('shows a pending task and exits 0', async () => {
    server.addTask('story', 'st-pending', step.pending());
    const run = await runCli(['status', 'st-pending'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('story st-pending: PENDING\n');
    expect(run.stderr).toBe('');
    expect(statusRequests('st-pending').map((entry) => entry.path)).toEqual(['/story/st-pending']);
  });

  it('shows a finished task with its run id and exits 0', async () => {
    server.addTask('story', 'st-success', step.success(4242));
    const run = await runCli(['status', 'st-success'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^story st-success: SUCCESS \(run 4242\)\n$/);
  });

  it('prints exactly one JSON object with the documented fields', async () => {
    server.addTask('story', 'st-json', step.success(77));
    const run = await runCli(['status', 'st-json', '--json'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const [object] = jsonLines(run.stdout);
    expect(Object.keys(object ?? {}).sort()).toEqual([...JSON_FIELDS].sort());
    expect(object).toEqual({
      kind: 'story',
      task_id: 'st-json',
      status: 'SUCCESS',
      run_id: 77,
      exception_reason: null,
      message: null,
    });
  });

  it.each([
    ['ERROR', step.error('HARMFUL_CONTENT_DETECTED', 'The text was flagged'), 'HARMFUL_CONTENT_DETECTED'],
    [
      'TIMEOUT',
      { ...step.timeout(), exceptionReason: 'SOURCE_TOO_LONG', message: 'took too long' },
      'SOURCE_TOO_LONG',
    ],
    ['PAYMENT_REQUIRED', { ...step.paymentRequired(), message: 'Top up your credits' }, 'PAYMENT_REQUIRED'],
  ] as const)(
    'exits 1 when the task ended %s, showing reason and message',
    async (status, report, reason) => {
      const id = `st-failed-${status}`;
      server.addTask('dub', id, report);
      const human = await runCli(['status', id, '--kind', 'dub'], { server });
      expect(human.exitCode).toBe(1);
      expect(human.stdout).toContain(`dub ${id}: ${status}`);
      expect(human.stdout).toContain(`reason: ${reason}`);
      expect(human.stdout).toContain(`message: ${String(report.message)}`);

      const json = await runCli(['status', id, '--kind', 'dub', '--json'], { server });
      expect(json.exitCode).toBe(1);
      expect(jsonLines(json.stdout)).toEqual([
        {
          kind: 'dub',
          task_id: id,
          status,
          run_id: null,
          exception_reason: reason,
          message: report.message,
        },
      ]);
    },
  );

  it('never passes terminal control sequences from CAMB.AI through to the terminal', async () => {
    server.addTask('story', 'st-escape', step.error('ERROR', '\u001b]0;pwned\u0007\u001b[2Jcleared'));
    const run = await runCli(['status', 'st-escape'], { server });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\u0007');
    expect(run.stdout).toContain('cleared');
  });

  it('shows an object message as its JSON text', async () => {
    server.addTask('story', 'st-object-message', step.error('ERROR', { code: 7, why: 'voice unavailable' }));
    const run = await runCli(['status', 'st-object-message', '--json'], { server });
    expect(run.exitCode).toBe(1);
    expect(jsonLines(run.stdout)[0]?.['message']).toBe('{"code":7,"why":"voice unavailable"}');
  });

  it('keeps --json to one line when a message holds Unicode line separators', async () => {
    const message = 'line\u2028separator\u2029paragraph\u0085next-line';
    server.addTask('story', 'st-separators', step.error('ERROR', message));
    const run = await runCli(['status', 'st-separators', '--json'], { server });
    // Python's splitlines() and some editors break lines at U+2028, U+2029 and U+0085 as well.
    expect(run.stdout.trimEnd().split(/\r\n|[\n\r\u2028\u2029\u0085]/)).toHaveLength(1);
    expect(jsonLines(run.stdout)[0]?.['message']).toBe(message);
  });

  it('shows an undocumented status verbatim and exits 0', async () => {
    server.addTask('story', 'st-unknown', step.status('FAILED'));
    const human = await runCli(['status', 'st-unknown'], { server });
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain('story st-unknown: FAILED');
    expect(human.stdout).toMatch(/does not document/);

    const json = await runCli(['status', 'st-unknown', '--json'], { server });
    expect(json.exitCode).toBe(0);
    expect(jsonLines(json.stdout)[0]?.['status']).toBe('FAILED');
  });

  it.each([
    ['tts', '/tts/st-kind-1'],
    ['translated-story', '/translated-story/st-kind-2'],
    ['dub-alt-format', '/dub-alt-format/st-kind-3'],
    ['text-to-sound', '/text-to-sound/st-kind-4'],
    ['project-setup', '/project-setup/st-kind-5'],
  ] as [TaskKind, string][])('--kind %s asks %s', async (kind, path) => {
    const id = path.split('/').pop() ?? '';
    server.addTask(kind, id, step.success(5));
    const run = await runCli(['status', id, '--kind', kind, '--json'], { server });
    expect(run.exitCode).toBe(0);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ kind, task_id: id, status: 'SUCCESS', run_id: 5 });
    expect(statusRequests(id).map((entry) => entry.path)).toEqual([path]);
  });

  it('asks for a story when no --kind is given', async () => {
    // Known to the server as a dub only: a story request gets 404.
    server.addTask('dub', 'st-default-kind', step.success(1));
    const run = await runCli(['status', 'st-default-kind'], { server });
    expect(run.exitCode).toBe(4);
    expect(statusRequests('st-default-kind').map((entry) => entry.path)).toEqual(['/story/st-default-kind']);
  });

  it('accepts the pasted JSON answer of a create call, and surrounding blanks', async () => {
    server.addTask('story', 'st-pasted', step.pending());
    const pasted = await runCli(['status', '{"task_id": "st-pasted", "status": "PENDING"}'], { server });
    expect(pasted.exitCode).toBe(0);
    expect(pasted.stdout).toBe('story st-pasted: PENDING\n');
    const padded = await runCli(['status', '  st-pasted\n'], { server });
    expect(padded.exitCode).toBe(0);
    expect(statusRequests('st-pasted').map((entry) => entry.path)).toEqual([
      '/story/st-pasted',
      '/story/st-pasted',
    ]);
  });

  it('accepts a task id of exactly 128 characters', async () => {
    const id = `st-${'a'.repeat(125)}`;
    server.addTask('story', id, step.pending());
    const run = await runCli(['status', id], { server });
    expect(run.exitCode).toBe(0);
    expect(statusRequests(id)).toHaveLength(1);
  });

  it('sends the key in x-api-key and a camb-watch user agent', async () => {
    server.addTask('story', 'st-headers', step.pending());
    await runCli(['status', 'st-headers'], { server });
    const [request] = statusRequests('st-headers');
    expect(request?.hadValidKey).toBe(true);
    expect(request?.headers['user-agent']).toMatch(/^camb-watch\//);
  });

  it('retries a one-off server error, reporting it on stderr', async () => {
    server.addTask('story', 'st-502', step.success(9));
    server.injectFaults('story', 'st-502', [faults.serverError(502, { html: true })]);
    const run = await runCli(['status', 'st-502'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('story st-502: SUCCESS (run 9)\n');
    expect(run.stderr).toMatch(/502/);
    expect(run.stderr).not.toContain('<html>');
    expect(statusRequests('st-502').map((entry) => entry.answer)).toEqual([
      'fault 502 html',
      'status SUCCESS',
    ]);
  });

  it('exits 6 when CAMB.AI keeps failing, after a few tries', async () => {
    server.addTask('story', 'st-down', step.pending());
    server.injectFaults(
      'story',
      'st-down',
      Array.from({ length: 5 }, () => faults.serverError(503)),
    );
    const run = await runCli(['status', 'st-down'], { server });
    expect(run.exitCode).toBe(6);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/503/);
    expect(statusRequests('st-down')).toHaveLength(3);
  });

  it.each([
    ['401', 3, faults.unauthorized(), /401/],
    ['403', 3, faults.forbidden(), /403/],
    ['404', 4, faults.notFound(), /404/],
    ['422', 2, faults.validationError(), /422[\s\S]*not a valid uuid/],
  ] as const)(
    'turns HTTP %s into exit %i with a message on stderr',
    async (name, exitCode, fault, message) => {
      const id = `st-http-${name}`;
      server.addTask('story', id, step.success(1));
      server.injectFaults('story', id, [fault]);
      const run = await runCli(['status', id], { server });
      expect(run.exitCode).toBe(exitCode);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(statusRequests(id)).toHaveLength(1);
    },
  );

  it('exits 3 and names CAMB_API_KEY when the environment key is rejected', async () => {
    server.addTask('story', 'st-wrong-key', step.success(1));
    const run = await runCli(['status', 'st-wrong-key'], { server, apiKey: 'not-the-right-key-123' });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/401/);
    expect(run.stderr).toContain('CAMB_API_KEY');
  });

  it('exits 4 for a task CAMB.AI does not know', async () => {
    const run = await runCli(['status', 'st-nobody-added-me'], { server });
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toMatch(/404/);
    expect(run.stderr).toMatch(/--kind/);
  });
});
