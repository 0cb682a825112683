import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { ATTENTION_WINDOW_MS, type TrayModel } from '../../../src/main/core/tray/trayModel';
import { createTrayPublisher } from '../../../src/main/core/watchService/trayPublisher';
import type { WatchedTask } from '../../../src/shared/watchedTask';
import { watchedTask } from '../notifications/watchedTaskFixture';

const START = Date.UTC(2026, 10, 28);

function setup(tasks: WatchedTask[]) {
  const clock = new VirtualClock(START);
  const published: TrayModel[] = [];
  const tray = createTrayPublisher({
    clock,
    tasks: () => tasks,
    conditions: () => ({ connectivity: 'online', authProblem: false, paused: false }),
    publish: (model) => published.push(model),
  });
  return { clock, tray, published };
}

describe('tray publisher', () => {
  it('publishes a model only when it differs from the last one', () => {
    const tasks = [watchedTask({ taskId: 'a', status: 'PENDING' })];
    const { tray, published } = setup(tasks);
    tray.refresh();
    tray.refresh();
    expect(published.map((model) => model.icon)).toEqual(['active']);
    tasks[0] = watchedTask({ taskId: 'a', status: 'SUCCESS' });
    tray.refresh();
    expect(published.map((model) => model.icon)).toEqual(['active', 'idle']);
  });

  it('recomputes once for changes made together (a burst of adds), after them', async () => {
    const tasks = [watchedTask({ taskId: 'a', status: 'PENDING' })];
    let reads = 0;
    const published: TrayModel[] = [];
    const tray = createTrayPublisher({
      clock: new VirtualClock(START),
      tasks: () => {
        reads += 1;
        return tasks;
      },
      conditions: () => ({ connectivity: 'online', authProblem: false, paused: false }),
      publish: (model) => published.push(model),
    });
    for (let i = 0; i < 100; i++) tray.refreshSoon();
    expect(published).toEqual([]);
    await Promise.resolve();
    expect(published.map((model) => model.icon)).toEqual(['active']);
    // One recompute: the tasks are read once for the model and once for its attention window.
    expect(reads).toBe(2);
  });

  it('recomputes by itself when a failure leaves its attention window, and not after dispose', async () => {
    const failedNow = (id: string) => watchedTask({ taskId: id, status: 'ERROR', finishedAt: START });
    const first = setup([failedNow('f')]);
    first.tray.refresh();
    expect(first.published.map((model) => model.icon)).toEqual(['attention']);
    await first.clock.advance(ATTENTION_WINDOW_MS + 1);
    expect(first.published.map((model) => model.icon)).toEqual(['attention', 'idle']);

    const second = setup([failedNow('g')]);
    second.tray.refresh();
    second.tray.dispose();
    await second.clock.advance(ATTENTION_WINDOW_MS + 1);
    expect(second.published.map((model) => model.icon)).toEqual(['attention']);
    expect(second.clock.pendingTimers).toBe(0);
  });
});
