import { describe, expect, it } from 'vitest';
import {
  ATTENTION_WINDOW_MS,
  TRAY_MENU_LIMIT,
  trayAttentionEndsAt,
  trayModel,
  type TrayConditions,
} from '../../../src/main/core/tray/trayModel';
import type { WatchedTask } from '../../../src/shared/watchedTask';
import { T0, UUID, watchedTask } from '../notifications/watchedTaskFixture';

const ONLINE: TrayConditions = { connectivity: 'online', authProblem: false, paused: false };
const MIN = 60_000;
const NOW = T0 + 10 * MIN;

const pending = (id: string, overrides: Partial<WatchedTask> = {}) =>
  watchedTask({ taskId: id, status: 'PENDING', ...overrides });
const succeeded = (id: string, overrides: Partial<WatchedTask> = {}) =>
  watchedTask({ taskId: id, status: 'SUCCESS', finishedAt: NOW - MIN, ...overrides });
const failed = (id: string, overrides: Partial<WatchedTask> = {}) =>
  watchedTask({ taskId: id, status: 'ERROR', finishedAt: NOW - MIN, ...overrides });

describe('trayModel: unseen finishes', () => {
  it('counts jobs that ended since the user looked, first in the tooltip, and not running ones', () => {
    const model = trayModel(
      [succeeded('a', { unseen: true }), failed('b', { unseen: true }), succeeded('c'), pending('d')],
      ONLINE,
      NOW,
    );
    expect(model.unseenCount).toBe(2);
    expect(model.pendingCount).toBe(1);
    expect(model.tooltip).toBe('CAMB Watch — 2 new, 1 running, 1 failed');
  });
});

describe('trayModel: icon, by priority', () => {
  it('is idle with nothing to watch', () => {
    expect(trayModel([], ONLINE, NOW)).toEqual({
      icon: 'idle',
      tooltip: 'CAMB Watch — no jobs watched',
      pendingCount: 0,
      unseenCount: 0,
      menuItems: [],
      hiddenCount: 0,
      soonestFinish: null,
      notSaving: null,
    });
  });

  it('is idle when every job finished well', () => {
    const model = trayModel([succeeded('a'), succeeded('b')], ONLINE, NOW);
    expect(model.icon).toBe('idle');
    expect(model.tooltip).toBe('CAMB Watch — all jobs finished');
  });

  it('is active while any job is unfinished, including unknown statuses and unanswered ones', () => {
    for (const task of [pending('a'), watchedTask({ status: 'FAILED' }), watchedTask({ status: null })]) {
      const model = trayModel([succeeded('done'), task], ONLINE, NOW);
      expect(model.icon).toBe('active');
      expect(model.pendingCount).toBe(1);
    }
  });

  it('asks for attention after a recent failure, over activity', () => {
    const model = trayModel([pending('a'), pending('b'), pending('c'), failed('d')], ONLINE, NOW);
    expect(model.icon).toBe('attention');
    expect(model.tooltip).toBe('CAMB Watch — 3 running, 1 failed');
    expect(model.pendingCount).toBe(3);
  });

  it('counts every kind of failure: error, timeout, payment required', () => {
    const tasks = [
      failed('a'),
      failed('b', { status: 'TIMEOUT' }),
      failed('c', { status: 'PAYMENT_REQUIRED' }),
    ];
    expect(trayModel(tasks, ONLINE, NOW).tooltip).toBe('CAMB Watch — 3 failed');
  });

  it('lets a failure stop asking for attention a day after it ended', () => {
    const endedAt = NOW - MIN;
    const tasks = [failed('a', { finishedAt: endedAt })];
    expect(trayModel(tasks, ONLINE, endedAt + ATTENTION_WINDOW_MS - 1).icon).toBe('attention');
    const later = trayModel(tasks, ONLINE, endedAt + ATTENTION_WINDOW_MS);
    expect(later.icon).toBe('idle');
    expect(later.tooltip).toBe('CAMB Watch — all jobs finished');
  });

  it('asks for a key, not about a rejected one, when none is set', () => {
    const model = trayModel([pending('a')], { ...ONLINE, keyMissing: true }, NOW);
    expect(model.icon).toBe('attention');
    expect(model.tooltip).toBe('CAMB Watch — no API key set (1 waiting)');
  });

  it('asks for attention when the key is rejected, even with nothing failed', () => {
    const model = trayModel([pending('a')], { ...ONLINE, authProblem: true }, NOW);
    expect(model.icon).toBe('attention');
    expect(model.tooltip).toBe('CAMB Watch — API key rejected (1 waiting)');
  });

  it('shows offline above everything else', () => {
    const model = trayModel(
      [pending('a'), failed('b')],
      { ...ONLINE, connectivity: 'offline', authProblem: true },
      NOW,
    );
    expect(model.icon).toBe('offline');
    expect(model.tooltip).toBe('CAMB Watch — API key rejected, offline, will retry (1 waiting, 1 failed)');
    expect(trayModel([], { ...ONLINE, connectivity: 'offline' }, NOW).tooltip).toBe(
      'CAMB Watch — offline, will retry',
    );
  });

  it('does not claim activity while paused, but still shows failures', () => {
    const paused = { ...ONLINE, paused: true };
    const quiet = trayModel([pending('a'), pending('b')], paused, NOW);
    expect(quiet.icon).toBe('idle');
    expect(quiet.tooltip).toBe('CAMB Watch — paused (2 waiting)');
    expect(quiet.pendingCount).toBe(2);
    expect(trayModel([pending('a'), failed('b')], paused, NOW).icon).toBe('attention');
    expect(trayModel([], paused, NOW).tooltip).toBe('CAMB Watch — paused');
  });
});

describe('trayModel: menu items', () => {
  it('lists the ten most recently added tasks, newest first, and counts the rest', () => {
    const tasks = Array.from({ length: 13 }, (_, i) => pending(`task-${i}`, { addedAt: T0 + i * 1000 }));
    const model = trayModel(tasks, ONLINE, NOW);
    expect(model.menuItems).toHaveLength(TRAY_MENU_LIMIT);
    expect(model.menuItems.map((item) => item.label)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `task-${i}`),
    );
    expect(model.hiddenCount).toBe(3);
    expect(model.pendingCount).toBe(13);
  });

  it('gives each item what the menu shows: label or short id, kind title, status in words', () => {
    const tasks = [
      pending('p', { kind: 'dub', label: 'Trailer', addedAt: T0 + 6 * MIN }),
      succeeded(UUID, { addedAt: T0 + 5 * MIN }),
      failed('e', {
        kind: 'tts',
        label: 'Ad',
        exceptionReason: 'HARMFUL_CONTENT_DETECTED',
        addedAt: T0 + 4 * MIN,
      }),
      failed('e2', { label: 'No reason', addedAt: T0 + 3 * MIN }),
      failed('t', { label: 'Slow', status: 'TIMEOUT', addedAt: T0 + 2 * MIN }),
      failed('pay', { label: 'Broke', status: 'PAYMENT_REQUIRED', addedAt: T0 + MIN }),
      watchedTask({ taskId: 'new', label: 'Fresh', addedAt: T0 + 7 * MIN }),
      watchedTask({ taskId: 'odd', label: 'Odd', status: 'FAILED', addedAt: T0 }),
    ];
    expect(trayModel(tasks, ONLINE, NOW).menuItems).toEqual([
      {
        taskKey: 'story:new',
        label: 'Fresh',
        kindTitle: 'Story',
        statusText: 'Checking…',
        phase: 'checking',
        muted: false,
      },
      {
        taskKey: 'dub:p',
        label: 'Trailer',
        kindTitle: 'Dub',
        statusText: 'Running · 4 min',
        phase: 'pending',
        muted: false,
      },
      {
        taskKey: `story:${UUID}`,
        label: '3f2a9c1e…',
        kindTitle: 'Story',
        statusText: 'Ready',
        phase: 'succeeded',
        muted: false,
      },
      {
        taskKey: 'tts:e',
        label: 'Ad',
        kindTitle: 'Speech',
        statusText: 'Failed: harmful content detected',
        phase: 'failed',
        muted: false,
      },
      {
        taskKey: 'story:e2',
        label: 'No reason',
        kindTitle: 'Story',
        statusText: 'Failed',
        phase: 'failed',
        muted: false,
      },
      {
        taskKey: 'story:t',
        label: 'Slow',
        kindTitle: 'Story',
        statusText: 'Timed out',
        phase: 'failed',
        muted: false,
      },
      {
        taskKey: 'story:pay',
        label: 'Broke',
        kindTitle: 'Story',
        statusText: 'Out of credits',
        phase: 'failed',
        muted: false,
      },
      {
        taskKey: 'story:odd',
        label: 'Odd',
        kindTitle: 'Story',
        statusText: 'FAILED (unknown status) · 10 min',
        phase: 'unknown',
        muted: false,
      },
    ]);
  });

  it('shows that a pending task is being retried, and whether it is muted', () => {
    const [item] = trayModel(
      [pending('a', { lastProblem: 'server error 502', muted: true })],
      ONLINE,
      T0 + 45_000,
    ).menuItems;
    expect(item).toMatchObject({ statusText: 'Running · < 1 min · retrying', muted: true });
  });

  it('keeps long labels to menu width', () => {
    const [item] = trayModel([pending('a', { label: 'x'.repeat(200) })], ONLINE, NOW).menuItems;
    expect(item?.label).toHaveLength(40);
  });

  it('orders tasks added at the same instant the same way every time', () => {
    const tasks = [pending('b'), pending('a'), pending('c')];
    const labels = (list: WatchedTask[]) => trayModel(list, ONLINE, NOW).menuItems.map((item) => item.label);
    expect(labels(tasks)).toEqual(['a', 'b', 'c']);
    expect(labels([...tasks].reverse())).toEqual(['a', 'b', 'c']);
  });

  it('does not change the list it was given', () => {
    const tasks = [pending('a', { addedAt: T0 }), pending('b', { addedAt: T0 + 1 })];
    trayModel(tasks, ONLINE, NOW);
    expect(tasks.map((task) => task.taskId)).toEqual(['a', 'b']);
  });
});

describe('trayAttentionEndsAt', () => {
  it('is when the most recent failure still in its window leaves it, or null', () => {
    const older = failed('old', { finishedAt: NOW - 2 * MIN });
    const newer = failed('new', { finishedAt: NOW - MIN });
    const expired = failed('gone', { finishedAt: NOW - ATTENTION_WINDOW_MS });
    expect(trayAttentionEndsAt([newer, older, expired, pending('p')], NOW)).toBe(
      NOW - 2 * MIN + ATTENTION_WINDOW_MS,
    );
    expect(trayAttentionEndsAt([expired, succeeded('s'), pending('p')], NOW)).toBeNull();
  });
});

describe('trayModel: tasks CAMB.AI does not know', () => {
  const stopped = watchedTask({
    taskId: 'typo',
    stoppedReason: 'CAMB.AI does not know this task id (HTTP 404); check the id and its kind',
    lastProblem: 'CAMB.AI does not know this task id (HTTP 404); check the id and its kind',
  });

  it('are not counted as running, and ask for attention until checked again or removed', () => {
    const model = trayModel([stopped, pending('running')], ONLINE, NOW);
    expect(model.pendingCount).toBe(1);
    expect(model.icon).toBe('attention');
    expect(model.tooltip).toBe('CAMB Watch — 1 running, 1 stopped');
  });

  it('say in the menu why they are not polled', () => {
    const [item] = trayModel([stopped], ONLINE, NOW).menuItems;
    expect(item).toMatchObject({ phase: 'stopped' });
    expect(item?.statusText).toMatch(/^Stopped: CAMB\.AI does not know this task id/);
  });

  it('say which of the three reasons stopped them, in words', () => {
    const causes = [
      ['not-found', 'Stopped: CAMB.AI does not know this task.'],
      ['invalid', 'Stopped: CAMB.AI refused this task id.'],
      ['forbidden', 'Stopped: This API key has no access to this task.'],
    ] as const;
    for (const [stopCause, text] of causes) {
      const [item] = trayModel([{ ...stopped, stopCause }], ONLINE, NOW).menuItems;
      expect(item?.statusText).toBe(text);
    }
  });

  it('count with the failed ones: each kind of ending keeps the icon on attention', () => {
    const forbidden = { ...stopped, taskId: 'theirs', stopCause: 'forbidden' as const };
    const model = trayModel([stopped, forbidden, failed('f')], ONLINE, NOW);
    expect(model.icon).toBe('attention');
    expect(model.pendingCount).toBe(0);
    expect(model.tooltip).toBe('CAMB Watch — 1 failed, 2 stopped');
  });
});
