import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { createScheduler } from '../../../src/main/core/scheduler';
import { FakeCamb, keyOf, notFound, PENDING, T0, task } from './harness';

/**
 * What one add costs must not grow with the list: the watch service tracks each added task, asks for
 * its first check, and reads the scheduler's state (for the budget notice) after every add. Counted as
 * steps over the scheduler's maps, not timed, so the test means the same on a slow machine.
 */
afterEach(() => vi.restoreAllMocks());

/** Steps taken over any Map's values while `run` runs. */
function mapSteps(run: () => void): number {
  let steps = 0;
  const values = Map.prototype.values;
  vi.spyOn(Map.prototype, 'values').mockImplementation(function (this: Map<unknown, unknown>) {
    const iterator = values.call(this);
    const counted = {
      next: () => {
        steps++;
        return iterator.next();
      },
      [Symbol.iterator]: () => counted,
    };
    return counted as unknown as MapIterator<unknown>;
  });
  try {
    run();
  } finally {
    vi.restoreAllMocks();
  }
  return steps;
}

function stepsPerAdd(held: number, adds: number): number {
  const clock = new VirtualClock(T0);
  const camb = new FakeCamb(clock);
  const scheduler = createScheduler({ clock, check: camb.check, random: () => 0.5 });
  for (let n = 0; n < held; n++) scheduler.track(task(`held-${n}`));
  const steps = mapSteps(() => {
    for (let n = 0; n < adds; n++) {
      scheduler.track(task(`added-${n}`));
      scheduler.checkNow(keyOf(`added-${n}`));
      scheduler.state();
    }
  });
  scheduler.dispose();
  return steps / adds;
}

describe('scheduler: linear costs', () => {
  it('tracks, expedites and reports its state per add without going over every task', () => {
    const short = stepsPerAdd(100, 200);
    const long = stepsPerAdd(5_000, 200);
    // Counting the polled tasks over the list took a step per task held at every state().
    expect(long).toBeLessThanOrEqual(short + 1);
    expect(long).toBeLessThan(10);
  });

  it('still counts as polled only the tasks not stopped, as they stop and restart', async () => {
    const clock = new VirtualClock(T0);
    const camb = new FakeCamb(clock, ({ key }) => (key === keyOf('gone') ? notFound : PENDING));
    const scheduler = createScheduler({ clock, check: camb.check, random: () => 0.5 });
    for (const id of ['a', 'gone', 'b']) scheduler.track(task(id));
    await clock.advance(10_000);
    expect(scheduler.state()).toMatchObject({ tracked: 3, polled: 2 });
    scheduler.checkNow(keyOf('gone'));
    expect(scheduler.state()).toMatchObject({ tracked: 3, polled: 3 });
    await clock.advance(10_000);
    expect(scheduler.state()).toMatchObject({ tracked: 3, polled: 2 });
    scheduler.untrack(keyOf('gone'));
    expect(scheduler.state()).toMatchObject({ tracked: 2, polled: 2 });
    scheduler.dispose();
  });
});
