import { describe, expect, it } from 'vitest';
import { arrangeTasks, dayTitle } from '../../../src/renderer/tasks/listRows';
import { extendTo, nextAfterRemoval, selectOnly, toggle } from '../../../src/renderer/tasks/listSelection';
import { matchesSearch } from '../../../src/renderer/state/taskCategory';
import { attentionRank, compareTasks } from '../../../src/shared/taskOrder';
import { newWatchedTask, taskKey, type TaskKey, type WatchedTask } from '../../../src/shared/watchedTask';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 28, 12);

function task(id: string, addedAt: number, changes: Partial<WatchedTask> = {}): WatchedTask {
  return { ...newWatchedTask('story', id, null, addedAt), ...changes };
}

const ids = (tasks: readonly WatchedTask[]) => tasks.map((t) => t.taskId);

const oldDone = task('old-done', NOW - 90 * MIN, { status: 'SUCCESS', finishedAt: NOW - 80 * MIN });
const newDone = task('new-done', NOW - 60 * MIN, {
  status: 'SUCCESS',
  finishedAt: NOW - 5 * MIN,
  unseen: true,
});
const failed = task('failed', NOW - 50 * MIN, { status: 'ERROR', finishedAt: NOW - 40 * MIN });
const stopped = task('stopped', NOW - 45 * MIN, { stoppedReason: 'unknown', stopCause: 'not-found' });
const runningOld = task('running-old', NOW - 30 * MIN, { status: 'PENDING' });
const runningNew = task('running-new', NOW - 10 * MIN, { status: 'PENDING' });
const unseenFail = task('unseen-fail', NOW - 70 * MIN, {
  status: 'TIMEOUT',
  finishedAt: NOW - 2 * MIN,
  unseen: true,
});
const ALL = [oldDone, runningOld, newDone, failed, stopped, runningNew, unseenFail];

describe('the default order: what needs me first', () => {
  it('puts unseen endings, then failures, then running jobs, then the rest, most recent first', () => {
    expect(ids([...ALL].sort(compareTasks('attention')))).toEqual([
      'unseen-fail',
      'new-done',
      'failed',
      'stopped',
      'running-new',
      'running-old',
      'old-done',
    ]);
    expect(attentionRank(stopped)).toBe(1);
  });

  it('orders running jobs by expected finish once an estimate exists, unknown ones after', () => {
    const finishes = new Map([
      ['running-old', NOW + 20 * MIN],
      ['running-new', NOW + 5 * MIN],
    ]);
    const third = task('running-third', NOW - MIN, { status: 'PENDING' });
    const sorted = [runningOld, third, runningNew].sort(
      compareTasks('attention', (t) => finishes.get(t.taskId) ?? null),
    );
    expect(ids(sorted)).toEqual(['running-new', 'running-old', 'running-third']);
  });

  it('offers by date added, by name and by kind', () => {
    const named = [task('b', 1, { label: 'beta' }), task('a', 2, { label: 'Alpha' }), task('c', 3)];
    expect(ids([...named].sort(compareTasks('added')))).toEqual(['c', 'a', 'b']);
    expect(ids([...named].sort(compareTasks('name')))).toEqual(['a', 'b', 'c']);
    const kinds = [
      { ...task('t', 1), kind: 'tts' as const },
      { ...task('d', 2), kind: 'dub' as const },
    ];
    expect(ids([...kinds].sort(compareTasks('kind')))).toEqual(['d', 't']);
  });
});

describe('groups', () => {
  it('adds a header per kind, kinds in the order of their most pressing task', () => {
    const dub = { ...task('dub-1', NOW - MIN, { status: 'ERROR', finishedAt: NOW }), kind: 'dub' as const };
    const { rows, keys } = arrangeTasks([runningOld, dub, oldDone], 'attention', 'kind', NOW);
    expect(rows.map((row) => (row.type === 'header' ? `# ${row.title} ${row.count}` : row.key))).toEqual([
      '# Dub 1',
      'dub:dub-1',
      expect.stringMatching(/^# /u),
      'story:running-old',
      'story:old-done',
    ]);
    expect(keys).toEqual(['dub:dub-1', 'story:running-old', 'story:old-done']);
  });

  it('adds a header per day, newest day first', () => {
    const yesterday = task('y', NOW - 26 * 60 * MIN);
    const { rows } = arrangeTasks([yesterday, runningNew], 'added', 'day', NOW);
    expect(
      rows.filter((row) => row.type === 'header').map((row) => row.type === 'header' && row.title),
    ).toEqual(['Today', dayTitle(new Date(NOW - 26 * 60 * MIN).setHours(0, 0, 0, 0), NOW)]);
  });
});

describe('search', () => {
  it('matches the status in words, the failure reason and the run id', () => {
    const done = task('x', 1, { status: 'SUCCESS', runId: 5512 });
    const broken = task('y', 1, { status: 'ERROR', exceptionReason: 'Voice not found' });
    const late = task('z', 1, { status: 'TIMEOUT' });
    expect(matchesSearch(done, '5512')).toBe(true);
    expect(matchesSearch(broken, 'voice not')).toBe(true);
    expect(matchesSearch(late, 'timed out')).toBe(true);
    expect(matchesSearch(done, 'timed out')).toBe(false);
  });
});

describe('selection', () => {
  const order = ['a', 'b', 'c', 'd'].map((id) => taskKey('story', id));
  const [a, b, c, d] = order as [TaskKey, TaskKey, TaskKey, TaskKey];

  it('extends from the anchor, toggles one in or out, and says where the cursor goes after a removal', () => {
    const range = extendTo(selectOnly(b), order, d);
    expect([...range.keys]).toEqual([b, c, d]);
    expect([...extendTo(range, order, a).keys]).toEqual([a, b]);
    const toggled = toggle(range, c);
    expect([...toggled.keys].sort()).toEqual([b, d]);
    expect(nextAfterRemoval(order, [b, c])).toBe(d);
    expect(nextAfterRemoval(order, [c, d])).toBe(b);
    expect(nextAfterRemoval([a], [a])).toBeNull();
  });
});
