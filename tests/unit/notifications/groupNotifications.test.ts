import { describe, expect, it } from 'vitest';
import {
  groupNotifications,
  notificationsForRound,
} from '../../../src/main/core/notifications/groupNotifications';
import type { TaskNotification } from '../../../src/main/core/notifications/notificationModel';
import type { TaskKey } from '../../../src/shared/watchedTask';
import { T0, watchedTask } from './watchedTaskFixture';

function notification(name: string, outcome: TaskNotification['outcome']): TaskNotification {
  const taskKey: TaskKey = `story:${name}`;
  const sound = outcome === 'failed' ? 'chime' : 'system';
  return { type: 'task', taskKey, outcome, taskName: name, title: 'Story ready', body: name, sound };
}

describe('groupNotifications', () => {
  it('shows nothing for a quiet round', () => {
    expect(groupNotifications([])).toEqual([]);
  });

  it('shows one or two finishes as they are', () => {
    const two = [notification('a', 'succeeded'), notification('b', 'failed')];
    expect(groupNotifications(two.slice(0, 1))).toEqual(two.slice(0, 1));
    expect(groupNotifications(two)).toEqual(two);
  });

  it('turns three or more into one summary that keeps every task key', () => {
    const round = [
      notification('Ch 1', 'succeeded'),
      notification('Ch 2', 'failed'),
      notification('Ch 3', 'succeeded'),
    ];
    expect(groupNotifications(round)).toEqual([
      {
        type: 'group',
        taskKeys: ['story:Ch 1', 'story:Ch 2', 'story:Ch 3'],
        failedKeys: ['story:Ch 2'],
        title: '3 jobs finished',
        body: '2 ready, 1 failed — Ch 1, Ch 2, Ch 3',
        // A failure among them: it sounds as the failure does.
        sound: 'chime',
      },
    ]);
  });

  it('names the first three and counts the rest', () => {
    const round = ['a', 'b', 'c', 'd', 'e'].map((name) => notification(name, 'failed'));
    const [group] = groupNotifications(round);
    expect(group).toMatchObject({ title: '5 jobs finished', body: '5 failed — a, b, c and 2 more' });
  });

  it('groups from a threshold the caller chooses', () => {
    const two = [notification('a', 'succeeded'), notification('b', 'succeeded')];
    expect(groupNotifications(two, 2)).toEqual([
      {
        type: 'group',
        taskKeys: ['story:a', 'story:b'],
        failedKeys: [],
        title: '2 jobs finished',
        body: '2 ready — a, b',
        sound: 'system',
      },
    ]);
  });
});

describe('notificationsForRound', () => {
  it('decides each change, drops the silent ones, then groups', () => {
    const settings = {
      notifyOnSuccess: true,
      notifyOnFailure: true,
      soundOnSuccess: 'none',
      soundOnFailure: 'chime',
    } as const;
    const done = (label: string, status: string, muted = false) => ({
      previousStatus: 'PENDING',
      task: watchedTask({ taskId: label, label, status, muted, finishedAt: T0 + 1000 }),
    });
    const round = [
      done('a', 'SUCCESS'),
      done('b', 'ERROR'),
      done('c', 'PENDING'),
      done('d', 'SUCCESS', true),
    ];
    expect(notificationsForRound(round, settings).map((n) => [n.title, n.sound])).toEqual([
      ['Story ready', 'none'],
      ['Story failed', 'chime'],
    ]);

    const busy = [...round, done('e', 'TIMEOUT')];
    expect(notificationsForRound(busy, settings)).toEqual([
      {
        type: 'group',
        taskKeys: ['story:a', 'story:b', 'story:e'],
        failedKeys: ['story:b', 'story:e'],
        title: '3 jobs finished',
        body: '1 ready, 2 failed — a, b, e',
        sound: 'chime',
      },
    ]);
  });
});
