import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer, TimelineStep } from '../../../tools/fakeCamb/fakeCambServer';
import { ensureCliBuilt, jsonLines, runCli, TEST_KEY } from './runCli';

/** `camb-watch wait`: status timelines, the exits that end a wait, and --timeout. Faults: waitFaults.test.ts. */

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
});

afterAll(() => server.close());

function answers(taskId: string): string[] {
  return server.requests
    .filter((entry) => entry.route === 'status' && entry.id === taskId)
    .map((entry) => entry.answer);
}

const STATUS_FIELDS = ['exception_reason', 'kind', 'message', 'run_id', 'status', 'task_id'];

describe.concurrent('camb-watch wait', () => {
  it('prints each status change as a line and exits 0 on SUCCESS', async () => {
    server.addTask('story', 'w-human', [step.pending({ polls: 2 }), step.success(4242)]);
    const run = await runCli(['wait', 'w-human'], { server });
    expect(run.exitCode).toBe(0);
    // Beside the status lines, how long it may take: no history here, so the usual time for stories (once
    // a minute at most, and a loaded machine can let a minute of sped-up time pass).
    const notes = run.stderr.trimEnd().split('\n');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes)
      expect(note).toMatch(/^running [^·]+ · usually .+ more \(from the usual time for stories\)$/u);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[[^\]]+\] story w-human: PENDING$/);
    expect(lines[1]).toMatch(/^\[[^\]]+\] story w-human: SUCCESS \(run 4242\)$/);
    expect(answers('w-human')).toEqual(['status PENDING', 'status PENDING', 'status SUCCESS']);
  });

  it('with --json prints one object per status change, the last one terminal', async () => {
    server.addTask('tts', 'w-json', [step.pending({ polls: 3 }), step.success(31)]);
    const run = await runCli(['wait', 'w-json', '--kind', 'tts', '--json'], { server });
    expect(run.exitCode).toBe(0);
    const objects = jsonLines(run.stdout);
    expect(objects).toHaveLength(2);
    for (const object of objects) expect(Object.keys(object).sort()).toEqual(STATUS_FIELDS);
    expect(objects).toEqual([
      {
        kind: 'tts',
        task_id: 'w-json',
        status: 'PENDING',
        run_id: null,
        exception_reason: null,
        message: null,
      },
      {
        kind: 'tts',
        task_id: 'w-json',
        status: 'SUCCESS',
        run_id: 31,
        exception_reason: null,
        message: null,
      },
    ]);
    expect(answers('w-json')).toEqual([
      'status PENDING',
      'status PENDING',
      'status PENDING',
      'status SUCCESS',
    ]);
  });

  it('ends at once for a task that has already finished', async () => {
    server.addTask('story', 'w-done', step.success(8));
    const run = await runCli(['wait', 'w-done', '--json'], { server });
    expect(run.exitCode).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([
      {
        kind: 'story',
        task_id: 'w-done',
        status: 'SUCCESS',
        run_id: 8,
        exception_reason: null,
        message: null,
      },
    ]);
    expect(answers('w-done')).toEqual(['status SUCCESS']);
  });

  it.each([
    ['ERROR', step.error('HARMFUL_CONTENT_DETECTED', 'The text was flagged')],
    ['TIMEOUT', { ...step.timeout(), exceptionReason: 'SOURCE_TOO_LONG' }],
    ['PAYMENT_REQUIRED', step.paymentRequired()],
  ] as [string, TimelineStep][])('exits 1 when the task ends %s', async (status, ending) => {
    const id = `w-failed-${status}`;
    server.addTask('dub', id, [step.pending({ polls: 1 }), ending]);
    const human = await runCli(['wait', id, '--kind', 'dub'], { server });
    expect(human.exitCode).toBe(1);
    expect(human.stdout).toContain(`dub ${id}: ${status}`);
    expect(human.stdout).toContain(`reason: ${String(ending.exceptionReason)}`);
    if (typeof ending.message === 'string') expect(human.stdout).toContain(`message: ${ending.message}`);

    server.addTask('dub', id, [step.pending({ polls: 1 }), ending]);
    const json = await runCli(['wait', id, '--kind', 'dub', '--json'], { server });
    expect(json.exitCode).toBe(1);
    const objects = jsonLines(json.stdout);
    expect(objects.map((object) => object['status'])).toEqual(['PENDING', status]);
    expect(objects.at(-1)).toMatchObject({ exception_reason: ending.exceptionReason });
  });

  it('asks the path of the given --kind', async () => {
    server.addTask('translated-tts', 'w-kind', [step.pending({ polls: 1 }), step.success(3)]);
    const run = await runCli(['wait', 'w-kind', '--kind', 'translated-tts'], { server });
    expect(run.exitCode).toBe(0);
    const paths = server.requests.filter((entry) => entry.id === 'w-kind').map((entry) => entry.path);
    expect(paths).toEqual(['/translated-tts/w-kind', '/translated-tts/w-kind']);
  });

  it('takes a pasted {"task_id": …} answer', async () => {
    server.addTask('story', 'w-pasted', step.success(2));
    const run = await runCli(['wait', '{"task_id":"w-pasted"}'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('story w-pasted: SUCCESS (run 2)');
  });

  it.each([
    ['401', faults.unauthorized()],
    ['403', faults.forbidden()],
  ] as const)('exits 3 when CAMB.AI answers %s, and stops asking', async (code, fault) => {
    const id = `w-auth-${code}`;
    server.addTask('story', id, [step.pending({ polls: 1 }), step.success(1)]);
    server.injectFaults('story', id, [faults.serverError(500), fault]);
    const run = await runCli(['wait', id], { server });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(code);
    expect(run.stderr).toContain('CAMB_API_KEY');
    expect(answers(id)).toEqual(['fault 500 text', `fault ${code}`]);
  });

  it('exits 4 for a task CAMB.AI does not know', async () => {
    const run = await runCli(['wait', 'w-unknown-task'], { server });
    expect(run.exitCode).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/404/);
    expect(run.stderr).toMatch(/--kind/);
    expect(answers('w-unknown-task')).toEqual(['404']);
  });

  it('exits 4 when a task disappears while waiting', async () => {
    server.addTask('story', 'w-gone', [step.pending({ polls: 1 }), step.success(1)]);
    server.injectFaults('story', 'w-gone', [faults.reset(), faults.notFound('Task w-gone was deleted')]);
    const run = await runCli(['wait', 'w-gone'], { server });
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('Task w-gone was deleted');
    expect(answers('w-gone')).toEqual(['fault reset', 'fault 404']);
  });

  it('exits 2 when CAMB.AI refuses the task id as invalid (422)', async () => {
    server.addTask('story', 'w-invalid', step.pending());
    server.injectFaults('story', 'w-invalid', [faults.validationError()]);
    const run = await runCli(['wait', 'w-invalid'], { server });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/422/);
    expect(run.stderr).toContain('value is not a valid uuid');
    expect(answers('w-invalid')).toEqual(['fault 422']);
  });

  it('exits 5 with a clear message when --timeout elapses first', async () => {
    server.addTask('story', 'w-forever', step.pending());
    const run = await runCli(['wait', 'w-forever', '--timeout', '2m', '--json'], { server });
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toMatch(/Gave up after 2 min \(--timeout\)/);
    expect(run.stderr).toContain('w-forever');
    // Whatever was printed before giving up, it is never a terminal state.
    for (const object of jsonLines(run.stdout)) expect(object['status']).toBe('PENDING');
  });

  it('is not cut short by a --timeout that is not reached', async () => {
    server.addTask('story', 'w-in-time', [step.pending({ polls: 3 }), step.success(12)]);
    const run = await runCli(['wait', 'w-in-time', '--timeout', '2h'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('SUCCESS (run 12)');
  });
});
