import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/main/core/logging/logger';
import { createScheduler } from '../../../src/main/core/scheduler';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { FakeCamb, keyOf, named, rig, T0, task } from './harness';

const ids = ['a', 'b', 'c'];

describe('scheduler controls', () => {
  it('sends nothing while offline and checks every task at once on reconnect', async () => {
    const { scheduler, camb, advance } = rig();
    scheduler.setOnline(false);
    for (const id of ids) scheduler.track(task(id));
    await advance(3600_000);
    expect(camb.sent).toEqual([]);
    scheduler.setOnline(true);
    expect(camb.sent).toEqual(ids.map((id) => ({ key: keyOf(id), at: T0 + 3600_000 })));
  });

  it('stops polling tracked tasks when going offline', async () => {
    const { scheduler, camb, advance } = rig();
    for (const id of ids) scheduler.track(task(id, { addedAt: T0 - 3600_000 }));
    await advance(30_000);
    scheduler.setOnline(false);
    const before = camb.sent.length;
    await advance(3600_000);
    expect(camb.sent).toHaveLength(before);
    scheduler.setOnline(true);
    expect(camb.sent).toHaveLength(before + ids.length);
  });

  it('pauses and resumes with an immediate round', async () => {
    const { scheduler, camb, advance, nextCheckAt } = rig();
    for (const id of ids) scheduler.track(task(id, { addedAt: T0 - 3600_000 }));
    scheduler.pause();
    expect(scheduler.state().paused).toBe(true);
    const before = camb.sent.length;
    await advance(600_000);
    expect(camb.sent).toHaveLength(before);
    scheduler.resume();
    expect(camb.sent.slice(before)).toEqual(ids.map((id) => ({ key: keyOf(id), at: T0 + 600_000 })));
    // After the round, the normal schedule goes on.
    expect(nextCheckAt(keyOf('a'))).toBeNull();
    await advance(0);
    expect(nextCheckAt(keyOf('a'))).toBe(T0 + 660_000);
  });

  it('checks one task now, or all of them, within the rate budget', async () => {
    const { scheduler, camb, advance } = rig({ ratePerSecond: 2, arrivalJitterMs: 0 });
    for (const id of ids) scheduler.track(task(id, { addedAt: T0 - 3600_000, lastCheckAt: T0 }));
    await advance(10_000);
    expect(camb.sent).toEqual([]);
    scheduler.checkNow(keyOf('b'));
    expect(camb.sent).toEqual([{ key: keyOf('b'), at: T0 + 10_000 }]);
    await advance(500);
    scheduler.checkNow();
    await advance(2_000);
    // Two requests per rolling second, paced half a second apart (no allowance for arrival jitter here).
    expect(camb.sent.slice(1)).toEqual([
      { key: keyOf('a'), at: T0 + 10_500 },
      { key: keyOf('b'), at: T0 + 11_000 },
      { key: keyOf('c'), at: T0 + 11_500 },
    ]);
  });

  it('forgets an untracked task, including an answer already in flight', async () => {
    const { scheduler, camb, events, advance } = rig({}, undefined, 500);
    scheduler.track(task('a'));
    scheduler.untrack(keyOf('a'));
    await advance(600_000);
    expect(camb.sent).toHaveLength(1);
    expect(events).toEqual([]);
    expect(scheduler.state()).toMatchObject({ tracked: 0, inFlight: 0 });
  });

  it('treats a second track of the same task as a no-op', () => {
    const { scheduler, camb } = rig();
    scheduler.track(task('a'));
    scheduler.track(task('a'));
    expect(camb.sent).toHaveLength(1);
  });

  it('stops everything on dispose, including late answers', async () => {
    const { scheduler, camb, events, clock, advance } = rig({}, undefined, 500);
    for (const id of ids) scheduler.track(task(id));
    scheduler.dispose();
    await advance(3600_000);
    expect(camb.sent).toHaveLength(3);
    expect(events).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
    scheduler.track(task('late'));
    scheduler.checkNow();
    expect(camb.sent).toHaveLength(3);
  });

  it('resolves whenIdle once the answers in flight have landed', async () => {
    const { scheduler, events } = rig();
    for (const id of ids) scheduler.track(task(id));
    await scheduler.whenIdle();
    expect(named(events, 'checked')).toHaveLength(3);
    expect(scheduler.state().inFlight).toBe(0);
  });

  it('keeps polling when a listener throws, and tells the logger', async () => {
    const errors: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn() {}, error: (message) => errors.push(message) };
    const clock = new VirtualClock(T0);
    const camb = new FakeCamb(clock);
    const scheduler = createScheduler({ clock, check: camb.check, random: () => 0, logger });
    scheduler.on('checked', () => {
      throw new Error('listener bug');
    });
    scheduler.track(task('a'));
    await clock.advance(6_000);
    expect(camb.sent).toHaveLength(3);
    expect(errors).toHaveLength(3);
  });

  it('rejects options that cannot work, in words', () => {
    const clock = new VirtualClock(T0);
    const check = new FakeCamb(clock).check;
    expect(() => createScheduler({ clock, check, maxConcurrent: 0 })).toThrow(
      /maxConcurrent must be a whole number/,
    );
    expect(() => createScheduler({ clock, check, ratePerSecond: 2.5 })).toThrow(
      /ratePerSecond must be a whole number/,
    );
    expect(() =>
      createScheduler({ clock, check, ratePerSecond: Infinity, maxConcurrent: Infinity }),
    ).not.toThrow();
  });
});
