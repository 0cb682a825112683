import { afterEach, describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../../src/shared/contract';
import { canMountSmallDisk, createFaultyDisk, type FaultyDisk } from '../../support/faultyDisk';
import { TEST_API_KEY } from '../../support/watchServiceHarness';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;
let disk: FaultyDisk;

afterEach(async () => {
  expect(a.everythingThePageSaw()).not.toContain(TEST_API_KEY);
  await a.close();
  disk.dispose();
});

const snapshot = async () => ((await a.invoke('getSnapshot')) as { value: AppSnapshot }).value;

describe('app host: saving is failing, as a state every window, the tray and a later window see', () => {
  it('on a read-only state folder: held until a save works again, with the folder and what to check', async () => {
    disk = createFaultyDisk();
    a = await createAppHostHarness({ cwd: disk.dir });
    expect(await a.invoke('addTask', { kind: 'story', taskId: 'saved-first' })).toMatchObject({ ok: true });
    expect((await snapshot()).state.saveProblem).toBeNull();
    await a.close();

    // The app starts on a folder that became read-only (a disk remounted after an error, a folder the
    // user may no longer write): the list it holds loads, and every change made now fails to save.
    disk.readOnly();
    a = await createAppHostHarness({ cwd: disk.dir });
    expect(a.h.service.get('story:saved-first')).toBeDefined();
    // A change that cannot be kept is refused in words (never acknowledged and then lost).
    expect(await a.invoke('addTask', { kind: 'story', taskId: 'unsaved' })).toMatchObject({
      ok: true,
      value: {
        ok: false,
        error: expect.stringMatching(/^Your change was not saved, so it was not made: the watch list in /),
      },
    });
    await a.h.advance(5_000);

    // A window opened now (a fresh snapshot) sees it, not only the windows open when it failed.
    const problem = (await snapshot()).state.saveProblem;
    const where = disk.readOnlyCode === 'EROFS' ? 'is on a disk mounted read-only' : 'may not write in';
    expect(problem?.message).toContain(disk.dir);
    expect(problem?.message).toContain(where);
    expect(problem?.message).toContain('a change that cannot be kept is refused with a message');
    // Never repeated to open windows, although saving is retried every second (here the first failure
    // came while the service was opening, before any window: only the snapshot can say it).
    expect(
      a.stateChanges((state) => state.saveProblem).filter((problem) => problem !== null).length,
    ).toBeLessThanOrEqual(1);
    // No one-off toast any more: the state is the message.
    expect(a.eventsOf('notice').filter((notice) => notice.level === 'error')).toEqual([]);
    expect(a.h.service.trayModel()).toMatchObject({
      icon: 'attention',
      tooltip: expect.stringMatching(/^CAMB Watch — not saving changes/),
      notSaving: `Not saving changes: ${problem?.summary}`,
    });

    disk.writable();
    await a.h.advance(5_000);
    expect((await snapshot()).state.saveProblem).toBeNull();
    expect(a.eventsOf('serviceState').at(-1)?.saveProblem).toBeNull();
    expect(a.h.service.trayModel().notSaving).toBeNull();
    // Once it can be written, the same change is taken and kept.
    expect(await a.invoke('addTask', { kind: 'story', taskId: 'unsaved' })).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    const restarted = await a.h.restart();
    expect(restarted.service.get('story:unsaved')).toBeDefined();
  });

  it.skipIf(!canMountSmallDisk())(
    'on a full disk: says the disk is full and to free space, and clears once there is room',
    async () => {
      disk = createFaultyDisk();
      a = await createAppHostHarness({ cwd: disk.dir });
      disk.fill();
      for (let i = 0; i < 3; i++)
        expect(await a.invoke('addTask', { kind: 'story', taskId: `task-${i}` })).toMatchObject({
          ok: true,
          value: { ok: false, error: expect.stringContaining('because the disk is full') },
        });
      await a.h.advance(5_000);

      const problem = (await snapshot()).state.saveProblem;
      expect(problem?.summary).toBe('the disk is full');
      expect(problem?.message).toContain(`the disk holding ${disk.dir} is full`);
      expect(problem?.message).toContain('Free some space on it');
      expect(a.h.service.trayModel().tooltip).toMatch(/^CAMB Watch — not saving changes/);

      disk.unfill();
      await a.h.advance(5_000);
      expect((await snapshot()).state.saveProblem).toBeNull();
      for (let i = 0; i < 3; i++)
        expect(await a.invoke('addTask', { kind: 'story', taskId: `task-${i}` })).toMatchObject({
          ok: true,
          value: { ok: true },
        });
      expect((await a.h.restart()).service.list()).toHaveLength(3);
    },
  );
});
