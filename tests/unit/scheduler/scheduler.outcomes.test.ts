import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../src/main/core/camb/classifyNetworkError';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import {
  authRejected,
  gaps,
  keyOf,
  named,
  networkDown,
  notFound,
  PENDING,
  rateLimited,
  report,
  rig,
  serverError,
  SUCCESS,
  T0,
  task,
} from './harness';

const invalid: StatusOutcome = { type: 'invalid', message: 'bad id', details: [] };

describe('scheduler: answers', () => {
  it('stops polling at a terminal status and says so once', async () => {
    const { scheduler, camb, events, advance } = rig({}, ({ nth }) => (nth >= 2 ? SUCCESS : PENDING));
    scheduler.track(task('a'));
    await advance(3600_000);
    expect(camb.times(keyOf('a'))).toEqual([T0, T0 + 3_000, T0 + 6_000]);
    expect(named(events, 'statusChanged').map((e) => [e.from, e.to])).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'SUCCESS'],
    ]);
    expect(named(events, 'finished')).toEqual([{ key: keyOf('a'), report: SUCCESS, at: T0 + 6_000 }]);
    expect(named(events, 'checked').at(-1)).toMatchObject({ checkedAt: T0 + 6_000, nextCheckAt: null });
    expect(scheduler.isTracked(keyOf('a'))).toBe(false);
  });

  it.each(['ERROR', 'TIMEOUT', 'PAYMENT_REQUIRED'])('also stops at %s', async (status) => {
    const { scheduler, camb, events, advance } = rig({}, () => report(status));
    scheduler.track(task('a'));
    await advance(3600_000);
    expect(camb.sent).toHaveLength(1);
    expect(named(events, 'finished').map((e) => e.report.status)).toEqual([status]);
  });

  it('does not track a task that already ended', async () => {
    const { scheduler, camb, advance } = rig();
    scheduler.track(task('a', { status: 'SUCCESS', lastCheckAt: T0 - 1_000 }));
    await advance(600_000);
    expect(camb.sent).toEqual([]);
    expect(scheduler.isTracked(keyOf('a'))).toBe(false);
  });

  it('keeps polling an unknown status with growing backoff, reports it verbatim, and recovers', async () => {
    const { scheduler, camb, events, advance } = rig({}, ({ nth }) =>
      nth >= 1 && nth <= 5 ? report('FAILED') : PENDING,
    );
    scheduler.track(task('a'));
    await advance(100_000);
    // Normal interval 3 s while young; backoff 2 s, 4 s, 8 s, 16 s, 32 s, never below the normal interval.
    expect(gaps(camb.times(keyOf('a'))).slice(0, 7)).toEqual([
      3_000, 3_000, 4_000, 8_000, 16_000, 32_000, 6_600,
    ]);
    expect(named(events, 'statusChanged').map((e) => e.to)).toEqual(['PENDING', 'FAILED', 'PENDING']);
    expect(named(events, 'finished')).toEqual([]);
  });

  it.each([
    ['server errors', serverError],
    ['network failures', networkDown],
    ['malformed answers', { type: 'malformed', message: '<html>' } as StatusOutcome],
  ])(
    'backs off exponentially on %s and returns to the normal schedule after a good answer',
    async (_, failure) => {
      const { scheduler, camb, advance } = rig({}, ({ nth }) => (nth >= 1 && nth <= 5 ? failure : PENDING));
      scheduler.track(task('a'));
      await advance(100_000);
      expect(gaps(camb.times(keyOf('a'))).slice(0, 7)).toEqual([
        3_000, 3_000, 4_000, 8_000, 16_000, 32_000, 6_600,
      ]);
    },
  );

  it('caps the backoff and never checks sooner than the normal interval', async () => {
    const capped = rig({ backoff: { baseMs: 1_000, maxMs: 5_000 } }, () => serverError);
    capped.scheduler.track(task('a'));
    await capped.advance(60_000);
    expect(Math.max(...gaps(capped.camb.times(keyOf('a'))))).toBe(5_000);

    // An old task's normal interval is 60 s: a 2 s backoff must not make it poll faster.
    const old = rig({}, ({ nth }) => (nth === 0 ? serverError : PENDING));
    old.scheduler.track(task('b', { addedAt: T0 - 3600_000 }));
    await old.advance(120_000);
    expect(old.camb.times(keyOf('b'))).toEqual([T0, T0 + 60_000, T0 + 120_000]);
  });

  it('honours Retry-After to the second for every task, with one event', async () => {
    const { scheduler, camb, events, advance } = rig({}, ({ key, nth }) =>
      key === keyOf('a') && nth === 0 ? rateLimited(7_000) : PENDING,
    );
    for (const id of ['a', 'b', 'c']) scheduler.track(task(id));
    await advance(6_500);
    // Neither a user's "check now" nor a newly added task may jump the wait.
    scheduler.checkNow();
    scheduler.track(task('d'));
    await advance(500 - 1);
    expect(camb.sent.every((r) => r.at === T0)).toBe(true);
    expect(scheduler.state().rateLimitedUntil).toBe(T0 + 7_000);
    await advance(1);
    // 'a' was turned away, so it keeps its place at the head of the queue.
    expect(camb.sent.filter((r) => r.at === T0 + 7_000).map((r) => r.key)).toEqual([
      keyOf('a'),
      keyOf('b'),
      keyOf('c'),
      keyOf('d'),
    ]);
    expect(named(events, 'rateLimited')).toEqual([{ until: T0 + 7_000, outcome: rateLimited(7_000) }]);
  });

  it('reports one rate limit for many rejected requests in flight, and waits for the longest Retry-After', async () => {
    let rejections = 0;
    const { scheduler, camb, events, advance } = rig({}, ({ sentAt }) =>
      sentAt === T0 ? rateLimited(5_000 + 1_000 * rejections++) : PENDING,
    );
    for (const id of ['a', 'b', 'c', 'd']) scheduler.track(task(id));
    await advance(60_000);
    expect(named(events, 'rateLimited')).toHaveLength(1);
    // The fourth answer asked for 8 s: nothing goes out before then.
    expect(camb.sent.filter((r) => r.at > T0).every((r) => r.at >= T0 + 8_000)).toBe(true);
    expect(camb.sent.filter((r) => r.at === T0 + 8_000)).toHaveLength(4);
  });

  it('backs off exponentially, for everyone, after a 429 without Retry-After', async () => {
    const { scheduler, camb, events, advance } = rig({}, ({ nth }) =>
      nth <= 1 ? rateLimited(null) : PENDING,
    );
    scheduler.track(task('a'));
    await advance(10_000);
    expect(camb.times(keyOf('a')).slice(0, 3)).toEqual([T0, T0 + 2_000, T0 + 6_000]);
    expect(named(events, 'rateLimited').map((e) => e.until)).toEqual([T0 + 2_000, T0 + 6_000]);
  });

  it.each([
    ['not-found', notFound],
    ['invalid', invalid],
  ] as const)('stops polling a task on %s until checkNow(key) restarts it', async (cause, outcome) => {
    const { scheduler, camb, events, advance, nextCheckAt } = rig();
    camb.script = () => outcome;
    scheduler.track(task('a'));
    await advance(3600_000);
    expect(camb.sent).toHaveLength(1);
    expect(named(events, 'checked')).toEqual([
      { key: keyOf('a'), outcome, checkedAt: T0, nextCheckAt: null, stopCause: cause },
    ]);
    expect(scheduler.isTracked(keyOf('a'))).toBe(true);
    expect(nextCheckAt(keyOf('a'))).toBeNull();

    camb.script = () => PENDING;
    scheduler.checkNow(keyOf('a'));
    await advance(3_000);
    expect(camb.times(keyOf('a'))).toEqual([T0, T0 + 3600_000]);
    expect(nextCheckAt(keyOf('a'))).toBe(T0 + 3600_000 + 60_000);
  });

  it('pauses all polling on an auth rejection with one event, and resumes when the credentials change', async () => {
    let keyWorks = false;
    const { scheduler, camb, events, advance } = rig({}, () => (keyWorks ? PENDING : authRejected), 300);
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const id of ids) scheduler.track(task(id));
    await advance(3600_000);
    // Four were in flight when the first rejection came back; nothing more went out.
    expect(camb.sent).toHaveLength(4);
    expect(named(events, 'authProblem')).toEqual([{ outcome: authRejected }]);
    expect(scheduler.state().authBlocked).toBe(true);
    expect(named(events, 'checked').filter((e) => e.outcome.type === 'auth-rejected')).toHaveLength(4);

    keyWorks = true;
    const changedAt = T0 + 3600_000;
    scheduler.credentialsChanged();
    await advance(1_000);
    const round = camb.sent.filter((r) => r.at >= changedAt);
    expect(new Set(round.map((r) => r.key))).toEqual(new Set(ids.map(keyOf)));
    expect(round[0]?.at).toBe(changedAt);
    expect(named(events, 'authProblem')).toHaveLength(1);
    expect(scheduler.state().authBlocked).toBe(false);
  });

  it('ignores rejections of requests sent with the old key', async () => {
    const { scheduler, camb, events, clock, advance } = rig(
      {},
      ({ sentAt }) => (sentAt < T0 + 50 ? authRejected : PENDING),
      100,
    );
    scheduler.track(task('a'));
    await advance(50);
    scheduler.credentialsChanged();
    await advance(60_000);
    expect(named(events, 'authProblem')).toEqual([]);
    expect(scheduler.state().authBlocked).toBe(false);
    // The stale rejection sends the task straight back to the queue, in its old place.
    expect(camb.times(keyOf('a')).slice(0, 2)).toEqual([T0, T0 + 100]);
    expect(camb.sent.length).toBeGreaterThan(5);
    expect(clock.now()).toBe(T0 + 60_050);
  });

  it('reports a connectivity problem once per episode and its end once', async () => {
    const { scheduler, events, advance } = rig({}, ({ sentAt }) =>
      sentAt < T0 + 20_000 ? networkDown : PENDING,
    );
    for (const id of ['a', 'b', 'c']) scheduler.track(task(id));
    await advance(10_000);
    expect(named(events, 'connectivityProblem')).toEqual([{ outcome: networkDown }]);
    expect(scheduler.state().connectivityProblem).toBe(true);
    await advance(60_000);
    expect(named(events, 'connectivityProblem')).toHaveLength(1);
    expect(named(events, 'connectivityRestored')).toEqual([{}]);
    expect(scheduler.state().connectivityProblem).toBe(false);
  });

  it('a redirect Electron cancels is no connectivity problem, however often it comes', async () => {
    const redirect = classifyNetworkError(new Error('Redirect was cancelled'), { host: 'client.camb.ai' });
    const { scheduler, events, advance } = rig({}, () => redirect);
    for (const id of ['a', 'b', 'c']) scheduler.track(task(id));
    await advance(120_000);
    expect(named(events, 'checked').length).toBeGreaterThan(10);
    expect(named(events, 'connectivityProblem')).toEqual([]);
    expect(scheduler.state().connectivityProblem).toBe(false);
  });

  it('announces an episode change before the check that caused it, so listeners of a check see the new state', async () => {
    const answers: StatusOutcome[] = [networkDown, networkDown, networkDown, PENDING, authRejected];
    const { scheduler, events, advance } = rig({}, ({ nth }) => answers[nth] ?? PENDING);
    const seen: { name: string; connectivityProblem: boolean; authBlocked: boolean }[] = [];
    for (const name of ['checked', 'connectivityProblem', 'connectivityRestored', 'authProblem'] as const)
      scheduler.on(name, () => seen.push({ name, ...scheduler.state() }));
    scheduler.track(task('a'));
    await advance(60_000);
    expect(events.map((e) => e.name)).toEqual([
      'checked',
      'checked',
      'connectivityProblem',
      'checked',
      'connectivityRestored',
      'checked',
      'statusChanged',
      'authProblem',
      'checked',
    ]);
    // Whatever a listener of 'checked' reads already agrees with the answer it is told of.
    expect(
      seen.filter((e) => e.name === 'checked').map((e) => [e.connectivityProblem, e.authBlocked]),
    ).toEqual([
      [false, false],
      [false, false],
      [true, false],
      [false, false],
      [false, true],
    ]);
  });
});
