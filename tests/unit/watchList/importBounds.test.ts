import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { MAX_WATCHED_TASKS } from '../../../src/main/core/persistence/persistedDocument';
import { createWatchList, HISTORY_LIMIT } from '../../../src/main/core/watchList/watchList';
import { newWatchedTask, taskKey, type WatchedTask } from '../../../src/shared/watchedTask';
import { CountingStore } from './countingStore';

/** What an import or an undo brings may be larger than anything the list makes itself; it is held to the same bounds. */
function setup() {
  const clock = new VirtualClock();
  const store = new CountingStore();
  return { clock, store, list: createWatchList({ store, clock, logger: silentLogger }) };
}

/** A finished task whose history holds `changes` status changes: far more than the list keeps. */
function taskWithHistory(taskId: string, changes: number): WatchedTask {
  const history = Array.from({ length: changes }, (_, n) => ({
    status: n % 2 === 0 ? 'PENDING' : 'RUNNING',
    at: n,
  }));
  return { ...newWatchedTask('story', taskId, null, 1), status: 'RUNNING', history };
}

describe('watch list: what an import or an undo brings is held to the list’s own bounds', () => {
  it('keeps the first and the latest status changes of an imported task, as many as the list keeps itself', () => {
    const { list } = setup();
    list.importJson(JSON.stringify({ tasks: [taskWithHistory('long', 10_000)] }));
    const history = list.get(taskKey('story', 'long'))?.history ?? [];
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toEqual({ status: 'PENDING', at: 0 });
    expect(history.at(-1)).toEqual({ status: 'RUNNING', at: 9_999 });
  });

  it('keeps the history of a task put back by Undo within the same bound', () => {
    const { list } = setup();
    const { restored } = list.restore([taskWithHistory('long', 10_000)]);
    expect(restored).toHaveLength(1);
    expect(list.get(taskKey('story', 'long'))?.history).toHaveLength(HISTORY_LIMIT);
  });

  it('adds up to the most tasks the list keeps, then refuses an add, an import and an undo in words, writing nothing', () => {
    const { list, store } = setup();
    const entries = Array.from({ length: MAX_WATCHED_TASKS }, (_, n) => ({
      kind: 'story',
      taskId: `job${n}`,
    }));
    expect(list.importJson(JSON.stringify(entries)).added).toHaveLength(MAX_WATCHED_TASKS);
    const writes = store.writes;

    expect(() => list.add('story', 'one-more')).toThrow(
      'Cannot watch this task: the watch list already holds 10,000 tasks, the most it keeps. Remove finished tasks (Clear finished) to make room.',
    );
    expect(list.importJson(JSON.stringify([{ kind: 'dub', taskId: 'one-more' }])).rejected).toEqual([
      {
        index: null,
        reason:
          'Nothing was imported. There is room for 0 more tasks, not 1: the watch list keeps at most 10,000 tasks and holds 10,000.',
      },
    ]);
    expect(list.restore([newWatchedTask('dub', 'back', null, 5)])).toEqual({
      restored: [],
      keptNewer: [],
      rejected: [
        'Nothing was put back. There is room for 0 more tasks, not 1: the watch list keeps at most 10,000 tasks and holds 10,000.',
      ],
    });
    expect(store.writes).toBe(writes);
    expect(list.list()).toHaveLength(MAX_WATCHED_TASKS);
  });

  it('reports each already-watched task once when a file of 100,000 entries repeats a full list ten times', () => {
    const { list, store } = setup();
    const entries = Array.from({ length: MAX_WATCHED_TASKS }, (_, n) => ({
      kind: 'story',
      taskId: `job${n}`,
    }));
    list.importJson(JSON.stringify(entries));
    const writes = store.writes;
    // Within the test's normal timeout: a quadratic check of "already reported" took minutes at this size.
    const report = list.importJson(JSON.stringify(Array.from({ length: 10 }, () => entries).flat()));
    expect(report.added).toEqual([]);
    expect(report.rejected).toEqual([]);
    expect(report.alreadyWatched).toHaveLength(MAX_WATCHED_TASKS);
    expect(new Set(report.alreadyWatched).size).toBe(MAX_WATCHED_TASKS);
    expect(store.writes).toBe(writes);
  });
});
