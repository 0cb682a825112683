import { describe, expect, it } from 'vitest';
import {
  countsMenuEntries,
  STARTING_TRAY,
  trayMenuEntries,
  trayMenuKey,
  trayTitle,
  type TrayMenuEntry,
} from '../../../src/main/core/tray/trayMenu';
import { trayModel } from '../../../src/main/core/tray/trayModel';
import { T0, watchedTask } from '../notifications/watchedTaskFixture';

const ONLINE = { connectivity: 'online', authProblem: false, paused: false } as const;
const NOW = T0 + 5 * 60_000;

const actions = (entries: readonly TrayMenuEntry[]) =>
  entries.flatMap((entry) => (entry.type === 'action' ? [entry.action] : []));

describe('trayMenuEntries', () => {
  it('offers the actions, and Pause or Resume by the setting', () => {
    const model = trayModel([], ONLINE, NOW);
    expect(actions(trayMenuEntries(model, false))).toEqual([
      'open',
      'addFromClipboard',
      'checkAll',
      'pause',
      'quit',
    ]);
    expect(actions(trayMenuEntries(model, true))).toContain('resume');
    expect(trayMenuEntries(model, false)[0]).toEqual({
      type: 'action',
      action: 'open',
      label: 'Open CAMB Watch',
    });
  });

  it('lists the recent tasks with their status, then "N more…"', () => {
    const tasks = Array.from({ length: 12 }, (_, i) =>
      watchedTask({
        taskId: `task-${i}`,
        label: `Job ${i}`,
        addedAt: T0 + i,
        status: 'PENDING',
        muted: i === 11,
      }),
    );
    const entries = trayMenuEntries(trayModel(tasks, ONLINE, NOW), false);
    const taskEntries = entries.filter((entry) => entry.type === 'task');
    expect(taskEntries).toHaveLength(10);
    expect(taskEntries[0]).toEqual({
      type: 'task',
      taskKey: 'story:task-11',
      label: 'Job 11 — Running · 4 min (muted)',
    });
    expect(entries[10]).toEqual({ type: 'more', label: '2 more…' });
    expect(entries[11]).toEqual({ type: 'separator' });
  });
});

describe('trayTitle', () => {
  it('shows how many jobs ended unseen, or nothing: running jobs ask for no look', () => {
    expect(trayTitle(trayModel([], ONLINE, NOW))).toBe('');
    expect(trayTitle(trayModel([watchedTask({ status: 'PENDING' })], ONLINE, NOW))).toBe('');
    const unseen = [
      watchedTask({ taskId: 'a', status: 'SUCCESS', unseen: true }),
      watchedTask({ taskId: 'b', status: 'ERROR', unseen: true }),
      watchedTask({ taskId: 'c', status: 'SUCCESS' }),
    ];
    expect(trayTitle(trayModel(unseen, ONLINE, NOW))).toBe('2');
  });
});

describe('trayMenuEntries: updates', () => {
  it('offers "Restart to update" just above Quit once a version is downloaded, and not before', () => {
    const model = trayModel([], ONLINE, NOW);
    expect(actions(trayMenuEntries(model, false))).not.toContain('restartToUpdate');
    const entries = trayMenuEntries(model, false, '1.2.0');
    expect(entries.slice(-3)).toEqual([
      { type: 'separator' },
      { type: 'action', action: 'restartToUpdate', label: 'Restart to update (1.2.0)' },
      { type: 'action', action: 'quit', label: 'Quit' },
    ]);
  });
});

describe('the starting tray and the menu key', () => {
  it('while starting, says so and offers only Quit', () => {
    expect(STARTING_TRAY.tooltip).toBe('CAMB Watch — starting');
    expect(actions(STARTING_TRAY.menu)).toEqual(['quit']);
    expect(STARTING_TRAY.menu[0]).toEqual({ type: 'note', label: 'Starting…' });
  });

  it('keys a menu by what it shows: equal menus, equal keys', () => {
    const model = trayModel([watchedTask({ label: 'Job' })], ONLINE, NOW);
    expect(trayMenuKey(trayMenuEntries(model, false))).toBe(trayMenuKey(trayMenuEntries(model, false)));
    expect(trayMenuKey(trayMenuEntries(model, false))).not.toBe(trayMenuKey(trayMenuEntries(model, true)));
  });
});

describe('trayMenuEntries: saving is failing', () => {
  // Linux tray hosts often show no tooltip: the menu must say it too, above the tasks, and lead to the window.
  it('says so first, in the menu and the tooltip, and opens the window where the banner says what to do', () => {
    const tasks = [watchedTask({ taskId: 'job', label: 'Trailer' })];
    const model = trayModel(tasks, { ...ONLINE, notSaving: 'the disk is full' }, NOW);
    expect(model.icon).toBe('attention');
    expect(model.tooltip).toBe('CAMB Watch — not saving changes (1 running)');
    const entries = trayMenuEntries(model, false);
    expect(entries.slice(0, 3)).toEqual([
      {
        type: 'action',
        action: 'open',
        label: 'Not saving changes: the disk is full — open CAMB Watch for what to do',
      },
      { type: 'separator' },
      expect.objectContaining({ type: 'task', label: expect.stringContaining('Trailer') }),
    ]);
  });

  it('says nothing of saving while it works', () => {
    const model = trayModel([], { ...ONLINE, notSaving: null }, NOW);
    expect(model.notSaving).toBeNull();
    expect(
      trayMenuEntries(model, false).map((entry) => ('label' in entry ? entry.label : '-')),
    ).not.toContain(expect.stringContaining('saving'));
  });
});

describe('countsMenuEntries (desktops that show no tooltip)', () => {
  it('puts the tooltip’s counts as a line that does nothing, above the rest', () => {
    const model = trayModel([], { ...ONLINE, paused: true }, NOW);
    expect(countsMenuEntries(model)).toEqual([
      { type: 'note', label: 'CAMB Watch — paused' },
      { type: 'separator' },
    ]);
  });
});
