import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { TRAY_MENU_LIMIT, trayModel } from '../../../src/main/core/tray/trayModel';
import { createWatchList } from '../../../src/main/core/watchList/watchList';
import { taskKey, type WatchedTask } from '../../../src/shared/watchedTask';
import { CountingStore } from './countingStore';

/**
 * The costs of a change stay flat as the list grows: asserted by structure (writes, sorts), not by time,
 * so the test means the same on a slow machine.
 */
function setup() {
  const clock = new VirtualClock();
  const store = new CountingStore(undefined, () => clock.now());
  const list = createWatchList({ store, clock, logger: silentLogger });
  return { clock, store, list };
}

const ONLINE = { connectivity: 'online', authProblem: false, paused: false } as const;

afterEach(() => vi.restoreAllMocks());

describe('watch list: linear costs', () => {
  it('adds 1,000 tasks with one write each, and lists and shows them in the tray without sorting', async () => {
    const { clock, store, list } = setup();
    const sorts = vi.spyOn(Array.prototype, 'sort');
    for (let n = 0; n < 1000; n++) {
      list.add('story', `job${n}`);
      // Some tasks added within the same millisecond, some later.
      if (n % 3 === 0) await clock.advance(1);
      // What the tray and the page read after each change.
      if (n % 100 === 0) trayModel(list.list(), ONLINE, clock.now());
    }
    const listed = list.list();
    const tray = trayModel(listed, ONLINE, clock.now());
    expect(sorts).not.toHaveBeenCalled();
    expect(store.writes).toBe(1000);
    expect(listed.map((t) => t.taskId).slice(0, 3)).toEqual(['job997', 'job998', 'job999']);
    expect(listed).toHaveLength(1000);
    expect(tray.menuItems).toHaveLength(TRAY_MENU_LIMIT);
    expect(tray.hiddenCount).toBe(1000 - TRAY_MENU_LIMIT);
  });

  it('imports 500 tasks with one write, and removing keeps the order without a sort', () => {
    const { store, list } = setup();
    const entries = Array.from({ length: 500 }, (_, n) => ({ kind: 'story', taskId: `imp${n}` }));
    list.importJson(JSON.stringify({ tasks: entries }));
    expect(store.writes).toBe(1);
    // Imported in the same millisecond: newest first breaks the tie by key (shared/taskOrder).
    const byKey = entries.map((e) => e.taskId).sort();
    const sorts = vi.spyOn(Array.prototype, 'sort');
    expect(list.remove(taskKey('story', 'imp10'))).toBe(true);
    expect(list.list().map((t) => t.taskId)).toEqual(byKey.filter((id) => id !== 'imp10'));
    expect(sorts).not.toHaveBeenCalled();
    expect(store.writes).toBe(2);
  });

  it('still lists newest first when an import brings older tasks after newer ones', async () => {
    const { clock, list } = setup();
    await clock.advance(60_000);
    list.add('story', 'new');
    const old: Partial<WatchedTask> = { addedAt: clock.now() - 30_000 };
    const exported = JSON.parse(list.exportJson()) as { tasks: WatchedTask[] };
    const template = exported.tasks[0] as WatchedTask;
    list.importJson(JSON.stringify({ ...exported, tasks: [{ ...template, ...old, taskId: 'old' }] }));
    await clock.advance(1);
    list.add('story', 'newest');
    expect(list.list().map((t) => t.taskId)).toEqual(['newest', 'new', 'old']);
  });
});

describe('tray: the newest tasks without sorting them all', () => {
  it('shows the same tasks in the same order as a full sort, whatever order they come in', () => {
    const base = { kind: 'story', label: null, muted: false } as const;
    const tasks = Array.from({ length: 300 }, (_, n) => {
      const added = ((n * 7919) % 97) * 1000;
      return { ...base, taskId: `t${(n * 31) % 300}`, addedAt: added } as unknown as WatchedTask;
    });
    const shown = trayModel(tasks as WatchedTask[], ONLINE, 0).menuItems.map((item) => item.taskKey);
    const expected = [...tasks]
      .sort(
        (a, b) => b.addedAt - a.addedAt || taskKey(a.kind, a.taskId).localeCompare(taskKey(b.kind, b.taskId)),
      )
      .slice(0, TRAY_MENU_LIMIT)
      .map((t) => taskKey(t.kind, t.taskId));
    expect(shown).toEqual(expected);
  });
});
