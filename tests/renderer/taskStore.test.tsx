import { describe, expect, it } from 'vitest';
import { TaskStore } from '../../src/renderer/state/taskStore';
import { CoreClock } from '../../src/renderer/state/coreClock';
import { statusView } from '../../src/renderer/tasks/statusView';
import { formatAgo, formatUntil } from '../../src/renderer/tasks/relativeTime';
import { newWatchedTask, type WatchedTask } from '../../src/shared/watchedTask';

function task(id: string, addedAt: number, changes: Partial<WatchedTask> = {}): WatchedTask {
  return { ...newWatchedTask('story', id, null, addedAt), ...changes };
}

describe('TaskStore', () => {
  it('keeps newest first and counts per filter as tasks change', () => {
    const store = new TaskStore();
    store.replaceAll([task('a', 1), task('b', 3)]);
    store.upsert(task('c', 2));
    expect(store.keys()).toEqual(['story:b', 'story:c', 'story:a']);
    store.upsert(task('a', 1, { status: 'ERROR' }));
    store.upsert(task('b', 3, { status: 'SUCCESS' }));
    expect(store.filterCounts()).toEqual({ all: 3, active: 1, finished: 2, failed: 1, succeeded: 1 });
    store.remove(['story:a']);
    expect(store.filterCounts()).toEqual({ all: 2, active: 1, finished: 1, failed: 0, succeeded: 1 });
    expect(store.keys()).toEqual(['story:b', 'story:c']);
    store.upsert(task('c', 2, { stoppedReason: 'CAMB.AI does not know this task', stopCause: 'not-found' }));
    expect(store.filterCounts()).toEqual({ all: 2, active: 0, finished: 2, failed: 1, succeeded: 1 });
  });

  it('follows the next checks the core plans, redrawing only the rows whose check moved', () => {
    const store = new TaskStore();
    store.replaceAll(
      [task('a', 1), task('b', 2), task('c', 3)],
      [
        { key: 'story:a', nextCheckAt: 10_000 },
        { key: 'story:b', nextCheckAt: 20_000 },
      ],
    );
    const redrawn: string[] = [];
    for (const key of ['story:a', 'story:b', 'story:c'] as const)
      store.subscribeRow(key, () => redrawn.push(key));
    const listVersion = store.listVersion();
    // A change of responsiveness: every waiting task replanned in one message.
    store.planChecks([
      { key: 'story:a', nextCheckAt: 40_000 },
      { key: 'story:b', nextCheckAt: null },
    ]);
    expect([
      store.nextCheckAt('story:a'),
      store.nextCheckAt('story:b'),
      store.nextCheckAt('story:c'),
    ]).toEqual([40_000, null, null]);
    expect(redrawn).toEqual(['story:a', 'story:b']);
    // The order and the counts do not depend on it: the list is not redrawn.
    expect(store.listVersion()).toBe(listVersion);
    store.remove(['story:a']);
    expect(store.nextCheckAt('story:a')).toBeNull();
  });

  it('holds the place of the ending being read, and lets go (redrawing the list) when another is shown', () => {
    const store = new TaskStore();
    store.replaceAll([task('a', 1, { status: 'SUCCESS', unseen: true }), task('b', 2)]);
    const heard: string[] = [];
    store.subscribeList(() => heard.push('list'));
    store.holdPlace('story:a');
    expect(store.holdsPlace('story:a')).toBe(true);
    // Holding changes no order yet: the task is still sorted where it was.
    expect(heard).toEqual([]);
    store.holdPlace('story:b');
    expect(store.holdsPlace('story:a')).toBe(false);
    expect(heard).toEqual(['list']);
    store.holdPlace(null);
    expect(store.holdsPlace('story:b')).toBe(false);
    store.holdPlace(null);
    expect(heard).toEqual(['list', 'list']);
  });

  it('counts unseen endings as they come and go', () => {
    const store = new TaskStore();
    store.replaceAll([task('a', 1, { status: 'SUCCESS', unseen: true }), task('b', 2)]);
    expect(store.unseenCount()).toBe(1);
    const heard: string[] = [];
    store.subscribeList(() => heard.push('list'));
    store.upsert(task('b', 2, { status: 'ERROR', unseen: true }));
    expect(store.unseenCount()).toBe(2);
    // Seen moves a task down the list: the list redraws.
    store.upsert(task('a', 1, { status: 'SUCCESS', unseen: false }));
    expect(store.unseenCount()).toBe(1);
    expect(heard).toEqual(['list', 'list']);
    store.remove(['story:b']);
    expect(store.unseenCount()).toBe(0);
  });

  it('tells only the changed row about a check, and the list only when it must redraw', () => {
    const store = new TaskStore();
    store.replaceAll([task('a', 1, { status: 'PENDING' }), task('b', 2)]);
    const heard: string[] = [];
    store.subscribeRow('story:a', () => heard.push('a'));
    store.subscribeRow('story:b', () => heard.push('b'));
    store.subscribeList(() => heard.push('list'));

    store.upsert(task('a', 1, { status: 'PENDING', lastCheckAt: 5 }));
    expect(heard).toEqual(['a']);
    store.upsert(task('a', 1, { status: 'SUCCESS' }));
    expect(heard).toEqual(['a', 'list', 'a']);
    store.upsert(task('b', 2, { label: 'Named' }));
    expect(heard).toEqual(['a', 'list', 'a', 'list', 'b']);
  });
});

describe('status and time wording', () => {
  it('never relies on colour: every state has a glyph and a word', () => {
    const facts = { stoppedReason: null, stopCause: null, exceptionReason: null, message: null };
    const views = [
      statusView({ ...facts, status: null }),
      statusView({ ...facts, status: 'PENDING' }),
      statusView({ ...facts, status: 'SUCCESS' }),
      statusView({ ...facts, status: 'ERROR' }),
      statusView({ ...facts, status: 'TIMEOUT' }),
      statusView({ ...facts, status: 'PAYMENT_REQUIRED' }),
      statusView({ ...facts, status: null, stoppedReason: 'CAMB.AI does not know this task' }),
      statusView({ ...facts, status: 'QUEUED' }),
    ];
    expect(views.map((view) => view.text)).toEqual([
      'Checking…',
      'Running',
      'Ready',
      'Failed',
      'Timed out',
      'Out of credits',
      'Stopped',
      'Unknown status',
    ]);
    expect(views.at(-1)?.description).toContain('"QUEUED"');
    expect(new Set(views.map((view) => view.glyph)).size).toBe(views.length);
  });

  it('says a watched task waits for what holds every check back, and leaves endings as they are', () => {
    const facts = { stoppedReason: null, stopCause: null, exceptionReason: null, message: null };
    expect(statusView({ ...facts, status: null }, 'no-key')).toMatchObject({
      text: 'Waiting',
      description: 'Waiting for an API key: add one in Settings.',
      worthARowLine: true,
    });
    expect(statusView({ ...facts, status: 'PENDING' }, 'paused')).toMatchObject({
      text: 'Running',
      description: 'Paused: not checked until you resume polling.',
    });
    expect(statusView({ ...facts, status: 'TIMEOUT' }, 'offline')).toMatchObject({
      text: 'Timed out',
      description: 'CAMB.AI gave up on this job. Submit it again.',
    });
    expect(statusView({ ...facts, status: 'PENDING' })).toMatchObject({ worthARowLine: false });
  });

  it('clamps ages ahead of the clock to "just now" and overdue checks to "any moment"', () => {
    expect(formatAgo(10_000, 5_000)).toBe('just now');
    expect(formatAgo(0, 180_000)).toBe('3 min ago');
    expect(formatUntil(1_000, 5_000)).toBe('any moment');
    expect(formatUntil(25_000, 5_000)).toBe('in 20 s');
  });

  it('measures against the core’s clock, not the window’s', () => {
    let local = 1_000_000;
    const clock = new CoreClock(0, () => local);
    clock.syncTo(5_000);
    expect(clock.now()).toBe(5_000);
    local += 2_500;
    expect(clock.now()).toBe(7_500);
  });

  it('catches up with a core clock that has run ahead, and never goes back', () => {
    const local = 1_000_000;
    const clock = new CoreClock(0, () => local);
    clock.syncTo(5_000);
    clock.observe(65_000);
    expect(clock.now()).toBe(65_000);
    clock.observe(10_000);
    clock.observe(null);
    expect(clock.now()).toBe(65_000);
  });
});
