import { describe, expect, it } from 'vitest';
import { notificationClickTarget } from '../../../src/main/core/notifications/notificationClickTarget';

describe('notificationClickTarget', () => {
  it('opens the task, the first of a group, or nothing for a problem', () => {
    expect(
      notificationClickTarget({
        type: 'task',
        taskKey: 'story:1',
        outcome: 'succeeded',
        taskName: '1',
        title: 'Story ready',
        body: '',
        sound: 'system',
      }),
    ).toBe('story:1');
    expect(
      notificationClickTarget({
        type: 'group',
        taskKeys: ['dub:2', 'story:3'],
        failedKeys: [],
        sound: 'system',
        title: '2 jobs finished',
        body: '',
      }),
    ).toBe('dub:2');
    expect(
      notificationClickTarget({
        type: 'group',
        taskKeys: [],
        failedKeys: [],
        sound: 'none',
        title: '',
        body: '',
      }),
    ).toBeNull();
    expect(
      notificationClickTarget({ type: 'problem', problem: 'auth', title: 'Key rejected', body: '' }),
    ).toBeNull();
  });

  it('opens the job a "taking longer than usual" notification is about', () => {
    expect(
      notificationClickTarget({
        type: 'late',
        taskKey: 'dub:4',
        taskName: 'Trailer',
        title: 'Dub taking longer than usual',
        body: '',
        sound: 'system',
        actions: ['open-studio', 'keep-waiting'],
      }),
    ).toBe('dub:4');
  });
});
