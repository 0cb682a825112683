import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import type { NotificationModel } from '../../../src/main/core/notifications/notificationModel';
import { createNotificationRound } from '../../../src/main/core/watchService/notificationRound';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { taskKey, type TaskKey, type WatchedTask } from '../../../src/shared/watchedTask';
import { watchedTask } from '../notifications/watchedTaskFixture';

function setup() {
  const clock = new VirtualClock();
  const tasks = new Map<TaskKey, WatchedTask>();
  const delivered: NotificationModel[] = [];
  const handled: TaskKey[] = [];
  const round = createNotificationRound({
    clock,
    windowMs: 1_000,
    currentTask: (key) => tasks.get(key),
    settings: () => DEFAULT_SETTINGS,
    markHandled: (key) => handled.push(key),
    deliver: (notification) => delivered.push(notification),
  });
  const finish = (id: string, status: string, overrides: Partial<WatchedTask> = {}) => {
    const task = watchedTask({ taskId: id, status, finishedAt: clock.now(), ...overrides });
    tasks.set(taskKey(task.kind, task.taskId), task);
    return taskKey(task.kind, task.taskId);
  };
  return { clock, tasks, delivered, handled, round, finish };
}

describe('notification round', () => {
  it('waits for the window to close, then groups three finishes into one notification', async () => {
    const { clock, delivered, handled, round, finish } = setup();
    for (const id of ['a', 'b', 'c']) round.add(finish(id, 'SUCCESS'), 'PENDING');
    await clock.advance(999);
    expect(delivered).toEqual([]);
    await clock.advance(1);
    expect(delivered).toEqual([expect.objectContaining({ type: 'group', title: '3 jobs finished' })]);
    expect(handled).toEqual(['story:a', 'story:b', 'story:c']);
  });

  it('decides on the task as it is when the round closes: muted or removed meanwhile means silence', async () => {
    const { clock, tasks, delivered, handled, round, finish } = setup();
    const muted = finish('muted', 'SUCCESS');
    const removed = finish('removed', 'ERROR');
    round.add(muted, 'PENDING');
    round.add(removed, 'PENDING');
    tasks.set(muted, { ...(tasks.get(muted) as WatchedTask), muted: true });
    tasks.delete(removed);
    await clock.advance(1_000);
    expect(delivered).toEqual([]);
    // The muted finish counts as dealt with, so unmuting later never announces it.
    expect(handled).toEqual([muted]);
  });

  it('counts the status a task had when the round began: PENDING → (unknown) → SUCCESS is a finish', async () => {
    const { clock, delivered, round, finish } = setup();
    const key = finish('flaky', 'FAILED');
    round.add(key, 'PENDING');
    finish('flaky', 'SUCCESS', { runId: 9 });
    round.add(key, 'FAILED');
    await clock.advance(1_000);
    expect(delivered).toEqual([expect.objectContaining({ type: 'task', title: 'Story ready' })]);
  });

  it('sends nothing after dispose', async () => {
    const { clock, delivered, round, finish } = setup();
    round.add(finish('late', 'SUCCESS'), 'PENDING');
    round.dispose();
    await clock.advance(5_000);
    expect(delivered).toEqual([]);
  });
});
