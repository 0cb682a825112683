import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { ATTENTION_WINDOW_MS, type TrayModel } from '../../../src/main/core/tray/trayModel';
import {
  createTrayPublisher,
  TRAY_INSTANT_TASKS,
  traySpacingMs,
} from '../../../src/main/core/watchService/trayPublisher';
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
    // One recompute, which reads the tasks once (for the model and its attention window).
    expect(reads).toBe(1);
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

  it('recomputes a long list at most once per spacing while adds keep coming: tasks read per add stay flat', async () => {
    /** Tasks read (each recompute reads every one) per add, adding `adds` jobs one a millisecond to `held`. */
    async function readsPerAdd(held: number, adds: number): Promise<number> {
      const clock = new VirtualClock(START);
      const tasks = Array.from({ length: held }, (_, n) => watchedTask({ taskId: `held-${n}` }));
      let read = 0;
      const tray = createTrayPublisher({
        clock,
        tasks: () => {
          read += tasks.length;
          return tasks;
        },
        conditions: () => ({ connectivity: 'online', authProblem: false, paused: false }),
        publish: () => {},
      });
      tray.refresh();
      read = 0;
      for (let n = 0; n < adds; n++) {
        tasks.push(watchedTask({ taskId: `added-${n}` }));
        // Each add is its own request, as through the contract: the microtask queue empties in between.
        tray.refreshSoon();
        await clock.advance(1);
      }
      await clock.advance(traySpacingMs(tasks.length));
      return read / adds;
    }
    const small = await readsPerAdd(2_000, 2_000);
    const large = await readsPerAdd(20_000, 2_000);
    // A recompute after every add would read the whole list per add (2,000+ and 20,000+ tasks).
    expect(small).toBeLessThan(20);
    expect(large).toBeLessThan(20);
  });

  it('follows every change at once in a short list', async () => {
    const tasks = Array.from({ length: TRAY_INSTANT_TASKS }, (_, n) => watchedTask({ taskId: `t${n}` }));
    const { tray, published } = setup(tasks);
    tray.refresh();
    tasks[0] = watchedTask({ taskId: 't0', status: 'SUCCESS' });
    tray.refreshSoon();
    await Promise.resolve();
    expect(published.map((model) => model.pendingCount)).toEqual([
      TRAY_INSTANT_TASKS,
      TRAY_INSTANT_TASKS - 1,
    ]);
  });

  it('shows a change in a long list once its spacing has passed, not sooner', async () => {
    const tasks = Array.from({ length: 4 * TRAY_INSTANT_TASKS }, (_, n) => watchedTask({ taskId: `t${n}` }));
    const { clock, tray, published } = setup(tasks);
    tray.refresh();
    tasks[0] = watchedTask({ taskId: 't0', status: 'SUCCESS' });
    tray.refreshSoon();
    await Promise.resolve();
    expect(published).toHaveLength(1);
    await clock.advance(traySpacingMs(tasks.length));
    expect(published.map((model) => model.pendingCount)).toEqual([tasks.length, tasks.length - 1]);
  });
});
