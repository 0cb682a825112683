import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCambServer, step, type FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import { canMountSmallDisk, createFaultyDisk, type FaultyDisk } from '../../support/faultyDisk';
import { ensureCliBuilt, runCli, TEST_KEY } from './runCli';

/**
 * `camb-watch status` says when the desktop app cannot save its watch list (the profile folder is on a
 * full or read-only disk), and what to do, on stderr: the task's status stays the answer on stdout.
 */

let server: FakeCambServer;
let disk: FaultyDisk | null = null;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
  server.addTask('story', 'st-saving', step.pending());
});

afterAll(() => server.close());

afterEach(() => {
  disk?.dispose();
  disk = null;
});

const statusOn = (profile: string) =>
  runCli(['status', 'st-saving'], { server, env: { CAMB_WATCH_USER_DATA: profile } });

describe('camb-watch status: the desktop app is not saving', () => {
  it('says nothing of saving while the profile folder can be written', async () => {
    disk = createFaultyDisk();
    const run = await statusOn(disk.dir);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('story st-saving: PENDING\n');
    expect(run.stderr).toBe('');
  });

  it('on a read-only profile folder: names the folder and what to check, and still answers', async () => {
    disk = createFaultyDisk();
    disk.readOnly();
    const run = await statusOn(disk.dir);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('story st-saving: PENDING\n');
    const expected =
      disk.readOnlyCode === 'EROFS'
        ? `CAMB Watch is not saving changes: the disk is read-only. The watch list cannot be saved: ${disk.dir} is on a disk mounted read-only. Check that the disk is mounted for writing`
        : `CAMB Watch is not saving changes: no permission to write its folder. The watch list cannot be saved: CAMB Watch may not write in ${disk.dir}.`;
    expect(run.stderr).toContain(expected);
  });

  it.skipIf(!canMountSmallDisk())('on a full disk: says so and to free space', async () => {
    disk = createFaultyDisk();
    disk.fill();
    const run = await statusOn(disk.dir);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('story st-saving: PENDING\n');
    expect(run.stderr).toContain(
      `CAMB Watch is not saving changes: the disk is full. The watch list cannot be saved: the disk holding ${disk.dir} is full. Free some space on it`,
    );
  });
});
