import { describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { createScheduler, UNREACHABLE_AFTER_FAILURES } from '../../../src/main/core/scheduler';
import {
  authRejected,
  keyOf,
  named,
  networkDown,
  notFound,
  PENDING,
  rateLimited,
  record,
  followPlan,
  rig,
  T0,
  task,
} from './harness';

const forbidden: StatusOutcome = { type: 'auth-rejected', httpStatus: 403, message: 'no permission' };

/** The key check: a request for a task that cannot exist, answered `answer()` after `latencyMs`. */
function keyCheck(clockRef: { clock?: VirtualClock }, answer: () => StatusOutcome, latencyMs = 0) {
  const sentAt: number[] = [];
  const check = (): Promise<StatusOutcome> => {
    const clock = clockRef.clock;
    if (clock === undefined) throw new Error('the rig is not ready');
    sentAt.push(clock.now());
    if (latencyMs <= 0) return Promise.resolve(answer());
    return new Promise((resolve) => clock.setTimer(() => resolve(answer()), latencyMs));
  };
  return { sentAt, check };
}

/** A rig whose tasks in `refused` answer 403 and the others PENDING, with a key check answering `keyAnswer`. */
function accessRig(
  refused: readonly string[],
  keyAnswer: () => StatusOutcome,
  latencyMs = 0,
  options: Parameters<typeof rig>[0] = {},
) {
  const ref: { clock?: VirtualClock } = {};
  const key = keyCheck(ref, keyAnswer, latencyMs);
  const r = rig(
    { ...options, checkKey: key.check },
    ({ key: taskKey }) => (refused.some((id) => keyOf(id) === taskKey) ? forbidden : PENDING),
    latencyMs,
  );
  ref.clock = r.clock;
  return { ...r, keyChecks: key.sentAt };
}

describe('scheduler: a task the key may not see', () => {
  it('stops only the refused task when the key works for others, and keeps polling the rest', async () => {
    const { scheduler, camb, events, advance, keyChecks } = accessRig(['other'], () => notFound);
    const nextCheckAt = followPlan(scheduler);
    scheduler.track(task('mine'));
    scheduler.track(task('other'));
    await advance(10 * 60_000);

    expect(keyChecks).toHaveLength(1);
    expect(named(events, 'authProblem')).toEqual([]);
    expect(scheduler.state().authBlocked).toBe(false);
    expect(camb.times(keyOf('other'))).toEqual([T0]);
    expect(named(events, 'checked').filter((e) => e.key === keyOf('other'))).toEqual([
      { key: keyOf('other'), outcome: forbidden, checkedAt: T0, nextCheckAt: null, stopCause: 'forbidden' },
    ]);
    expect(nextCheckAt(keyOf('other'))).toBeNull();
    expect(camb.times(keyOf('mine')).length).toBeGreaterThan(10);
  });

  it('asks about the key once for several refusals at once, within the shared rate budget', async () => {
    const refused = ['r1', 'r2', 'r3'];
    const { scheduler, camb, events, advance, keyChecks } = accessRig(refused, () => notFound, 1_000, {
      ratePerSecond: 5,
    });
    // Paced 220 ms apart, the refusals are still in flight together: each answer takes a second.
    for (const id of [...refused, 'ok1', 'ok2', 'ok3']) scheduler.track(task(id));
    await advance(10 * 60_000);

    expect(keyChecks).toHaveLength(1);
    const stopped = named(events, 'checked').filter((e) => e.stopCause === 'forbidden');
    expect(stopped.map((e) => e.key).sort()).toEqual(refused.map(keyOf).sort());
    for (const id of refused) expect(camb.times(keyOf(id))).toHaveLength(1);
    // No rolling second holds more than the budget's five requests, the key check counted.
    const times = [...camb.sent.map((r) => r.at), ...keyChecks].sort((a, b) => a - b);
    for (const start of times)
      expect(times.filter((t) => t >= start && t < start + 1_000).length).toBeLessThanOrEqual(5);
  });

  it('pauses everything when the key check is refused as well', async () => {
    const { scheduler, camb, events, advance, keyChecks } = accessRig(['a', 'b'], () => forbidden);
    scheduler.track(task('a'));
    scheduler.track(task('b'));
    await advance(10 * 60_000);

    expect(keyChecks).toHaveLength(1);
    expect(named(events, 'authProblem')).toEqual([{ outcome: forbidden }]);
    expect(scheduler.state().authBlocked).toBe(true);
    expect(named(events, 'checked').every((e) => e.stopCause === null && e.nextCheckAt === null)).toBe(true);
    expect(camb.sent).toHaveLength(2);

    scheduler.credentialsChanged();
    await advance(1_000);
    expect(camb.sent.length).toBeGreaterThan(2);
  });

  it('pauses everything on a 401 without asking about the key', async () => {
    const { scheduler, camb, events, advance, keyChecks } = accessRig([], () => notFound);
    camb.script = ({ key }) => (key === keyOf('a') ? authRejected : PENDING);
    scheduler.track(task('a'));
    await advance(10 * 60_000);
    expect(keyChecks).toEqual([]);
    expect(named(events, 'authProblem')).toEqual([{ outcome: authRejected }]);
    expect(scheduler.state().authBlocked).toBe(true);
  });

  it('without a key check, treats a 403 as the key refused, as the CLI wants', async () => {
    const { scheduler, events, advance } = rig({}, () => forbidden);
    scheduler.track(task('a'));
    await advance(60_000);
    expect(named(events, 'authProblem')).toEqual([{ outcome: forbidden }]);
  });

  it('retries a refused task on checkNow(key)', async () => {
    const { scheduler, camb, events, advance, keyChecks } = accessRig(['a'], () => notFound);
    const nextCheckAt = followPlan(scheduler);
    scheduler.track(task('a'));
    await advance(60_000);
    expect(nextCheckAt(keyOf('a'))).toBeNull();

    camb.script = () => PENDING;
    scheduler.checkNow(keyOf('a'));
    await advance(1_000);
    expect(camb.times(keyOf('a'))).toEqual([T0, T0 + 60_000]);
    expect(named(events, 'checked').at(-1)).toMatchObject({ stopCause: null, outcome: PENDING });
    expect(keyChecks).toHaveLength(1);
  });

  it('asks for the task again later when the key check cannot tell', async () => {
    const answers = [rateLimited(5_000), notFound];
    const { scheduler, camb, events, advance, keyChecks } = accessRig(
      ['a'],
      () => answers.shift() ?? notFound,
    );
    scheduler.track(task('a'));
    await advance(60_000);
    expect(named(events, 'rateLimited')).toHaveLength(1);
    expect(keyChecks).toHaveLength(2);
    expect(camb.times(keyOf('a'))[1]).toBeGreaterThanOrEqual(T0 + 5_000);
    expect(named(events, 'checked').at(-1)).toMatchObject({ key: keyOf('a'), stopCause: 'forbidden' });
  });
});

/** A scheduler whose CAMB answers each task's requests after the script's latency (virtual time). */
function timedRig(script: (key: string, nth: number) => { outcome: StatusOutcome; afterMs: number }) {
  const clock = new VirtualClock(T0);
  const counts = new Map<string, number>();
  const scheduler = createScheduler({
    clock,
    random: () => 0,
    check: ({ key }) => {
      const nth = counts.get(key) ?? 0;
      counts.set(key, nth + 1);
      const { outcome, afterMs } = script(key, nth);
      return new Promise((resolve) => clock.setTimer(() => resolve(outcome), afterMs));
    },
  });
  return { clock, scheduler, events: record(scheduler) };
}

describe('scheduler: unreachable means failures in a row', () => {
  it('does not call one hung request among answered ones an outage', async () => {
    const { clock, scheduler, events } = timedRig((key, nth) =>
      key === keyOf('slow') && nth === 0
        ? { outcome: { type: 'network', reason: 'timeout', message: 'timed out' }, afterMs: 15_000 }
        : { outcome: PENDING, afterMs: 100 },
    );
    for (const id of ['slow', 'a', 'b']) scheduler.track(task(id));
    await clock.advance(10 * 60_000);
    expect(named(events, 'checked').filter((e) => e.outcome.type === 'network')).toHaveLength(1);
    expect(named(events, 'connectivityProblem')).toEqual([]);
    expect(scheduler.state().connectivityProblem).toBe(false);
  });

  it(`calls ${UNREACHABLE_AFTER_FAILURES} failures in a row an outage, once`, async () => {
    const { clock, scheduler, events } = timedRig(() => ({ outcome: networkDown, afterMs: 100 }));
    scheduler.track(task('a'));
    const failures = () => named(events, 'checked').length;
    while (failures() < UNREACHABLE_AFTER_FAILURES - 1) await clock.advance(500);
    expect(named(events, 'connectivityProblem')).toEqual([]);
    while (failures() < UNREACHABLE_AFTER_FAILURES) await clock.advance(500);
    expect(named(events, 'connectivityProblem')).toEqual([{ outcome: networkDown }]);
    await clock.advance(10 * 60_000);
    expect(named(events, 'connectivityProblem')).toHaveLength(1);
  });

  it('counts on through an answer to a request sent before the failures began', async () => {
    // 'old' is sent first and answered only after two failures of 'a'; every later request fails.
    const { clock, scheduler, events } = timedRig((key, nth) =>
      key === keyOf('old') && nth === 0
        ? { outcome: PENDING, afterMs: 5_000 }
        : { outcome: networkDown, afterMs: 100 },
    );
    scheduler.track(task('old'));
    scheduler.track(task('a'));
    await clock.advance(6_000);
    const answers = named(events, 'checked').map((e) => `${e.key} ${e.outcome.type}`);
    expect(answers).toEqual(['story:a network', 'story:a network', 'story:old status', 'story:old network']);
    expect(named(events, 'connectivityProblem')).toHaveLength(1);
  });
});
