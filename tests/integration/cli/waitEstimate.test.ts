import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCambServer, step } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { ensureCliBuilt, runCli, TEST_KEY } from './runCli';

/** `camb-watch wait` says how long a task may take, from the desktop app's history when it has one. */

let server: FakeCambServer;
let profile: string;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
  profile = mkdtempSync(join(tmpdir(), 'camb-watch-wait-estimate-'));
});

afterAll(() => {
  server.close();
  rmSync(profile, { recursive: true, force: true });
});

const MINUTE = 60_000;

describe('camb-watch wait: time remaining', () => {
  it('learns from the app’s watch list, counts the age from when the app added the task, and changes nothing', async () => {
    const now = Date.now();
    const runs = Array.from({ length: 12 }, (_, i) => ({
      kind: 'dub',
      durationMs: (3 + i / 2) * MINUTE,
      finishedAt: now - (i + 1) * MINUTE,
      succeeded: true,
      lowerBound: false,
    }));
    const file = join(profile, 'watch-list.json');
    const document = JSON.stringify({
      tasks: [{ kind: 'dub', taskId: 'w-known', addedAt: now - 4 * MINUTE }],
      settings: {},
      finishedRuns: [...runs, { ...runs[0], kind: 'tts' }, { kind: 'dub', durationMs: 'nonsense' }],
    });
    writeFileSync(file, document);
    server.addTask('dub', 'w-known', [step.pending({ polls: 1 }), step.success(5)]);

    const run = await runCli(['wait', 'w-known', '--kind', 'dub'], {
      server,
      env: { CAMB_WATCH_USER_DATA: profile },
    });
    expect(run.exitCode).toBe(0);
    // Sped-up time passes between the start and the first answer: at least the 4 minutes since it was added.
    const first = /^running (\d+) min · usually .+ min more \(from 12 earlier dubs\)$/u.exec(
      run.stderr.split('\n')[0] ?? '',
    );
    expect(Number(first?.[1])).toBeGreaterThanOrEqual(4);
    expect(readFileSync(file, 'utf8')).toBe(document);
  });

  it('says nothing of it with --json, where stderr is for problems only', async () => {
    server.addTask('story', 'w-quiet', [step.pending({ polls: 2 }), step.success(5)]);
    const run = await runCli(['wait', 'w-quiet', '--json'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('falls back to the usual time when the watch list cannot be read', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'camb-watch-wait-broken-'));
    writeFileSync(join(broken, 'watch-list.json'), '{ not json');
    server.addTask('tts', 'w-broken', [step.pending({ polls: 1 }), step.success(5)]);
    const run = await runCli(['wait', 'w-broken', '--kind', 'tts'], {
      server,
      env: { CAMB_WATCH_USER_DATA: broken },
    });
    rmSync(broken, { recursive: true, force: true });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/\(from the usual time for speech jobs\)\n$/u);
  });
});
