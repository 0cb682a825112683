import { describe, expect, it } from 'vitest';
import {
  NO_PROBLEMS,
  createProblemNotifier,
  reduceProblemSignal,
  type ProblemSignal,
} from '../../../src/main/core/notifications/problemNotifier';

const titles = (signals: readonly ProblemSignal[]): (string | null)[] => {
  const notifier = createProblemNotifier();
  return signals.map((signal) => notifier.observe(signal)?.title ?? null);
};

describe('problem notifications: the API key', () => {
  it('tells once that the key was rejected, and what to do', () => {
    const notifier = createProblemNotifier();
    const first = notifier.observe({ type: 'auth-rejected', httpStatus: 401 });
    expect(first).toEqual({
      type: 'problem',
      problem: 'auth',
      title: 'CAMB.AI rejected your API key',
      body: expect.stringMatching(
        /paused until you set a new key in Settings \(or run: camb-watch key set\)/,
      ),
    });
    expect(notifier.observe({ type: 'auth-rejected', httpStatus: 401 })).toBeNull();
    expect(notifier.observe({ type: 'auth-rejected', httpStatus: 403 })).toBeNull();
  });

  it('says a 403 key lacks permission', () => {
    const notification = createProblemNotifier().observe({ type: 'auth-rejected', httpStatus: 403 });
    expect(notification?.title).toBe('CAMB.AI refused access with your API key');
    expect(notification?.body).toMatch(/lacks permission/);
  });

  it('tells again when a new key is rejected too', () => {
    expect(
      titles([
        { type: 'auth-rejected' },
        { type: 'auth-rejected' },
        { type: 'key-changed' },
        { type: 'auth-rejected' },
      ]),
    ).toEqual(['CAMB.AI rejected your API key', null, null, 'CAMB.AI rejected your API key']);
  });

  it('tells again after the key worked for a while', () => {
    expect(titles([{ type: 'auth-rejected' }, { type: 'answered' }, { type: 'auth-rejected' }])).toEqual([
      'CAMB.AI rejected your API key',
      null,
      'CAMB.AI rejected your API key',
    ]);
  });
});

describe('problem notifications: the connection', () => {
  it('tells once per outage, not per poll, and says it will retry', () => {
    const notifier = createProblemNotifier();
    const first = notifier.observe({ type: 'unreachable', reason: 'refused' });
    expect(first).toEqual({
      type: 'problem',
      problem: 'connectivity',
      title: "Can't reach CAMB.AI",
      body: 'The connection was refused. CAMB Watch will retry by itself; nothing to do.',
    });
    for (let poll = 0; poll < 50; poll++)
      expect(notifier.observe({ type: 'unreachable', reason: 'timeout' })).toBeNull();
  });

  it('re-arms when CAMB.AI answers again', () => {
    expect(
      titles([
        { type: 'unreachable', reason: 'dns' },
        { type: 'unreachable', reason: 'dns' },
        { type: 'answered' },
        { type: 'answered' },
        { type: 'unreachable', reason: 'offline' },
      ]),
    ).toEqual(["Can't reach CAMB.AI", null, null, null, "Can't reach CAMB.AI"]);
  });

  it('explains the cause in words', () => {
    const body = (reason?: 'offline' | 'timeout') =>
      createProblemNotifier().observe({ type: 'unreachable', reason })?.body;
    expect(body('offline')).toMatch(/^This computer seems to be offline\./);
    expect(body('timeout')).toMatch(/^CAMB.AI did not answer in time\./);
    expect(body()).toMatch(/^The connection failed\./);
  });

  it('counts a rejected key as an answer: the connection is back, the key is the problem', () => {
    expect(
      titles([
        { type: 'unreachable' },
        { type: 'auth-rejected' },
        { type: 'key-changed' },
        { type: 'unreachable' },
      ]),
    ).toEqual(["Can't reach CAMB.AI", 'CAMB.AI rejected your API key', null, "Can't reach CAMB.AI"]);
  });

  it('keeps the two episodes apart', () => {
    expect(titles([{ type: 'auth-rejected' }, { type: 'unreachable' }, { type: 'auth-rejected' }])).toEqual([
      'CAMB.AI rejected your API key',
      "Can't reach CAMB.AI",
      null,
    ]);
  });
});

describe('reduceProblemSignal', () => {
  it('is pure: the same state and signal give the same answer, and the input state is untouched', () => {
    const start = { ...NO_PROBLEMS };
    const a = reduceProblemSignal(start, { type: 'unreachable' });
    const b = reduceProblemSignal(start, { type: 'unreachable' });
    expect(a).toEqual(b);
    expect(start).toEqual(NO_PROBLEMS);
    expect(a.state).toEqual({ authEpisode: false, connectivityEpisode: true });
    expect(reduceProblemSignal(a.state, { type: 'unreachable' }).notification).toBeNull();
  });

  it('can resume from a saved state', () => {
    const notifier = createProblemNotifier({ authEpisode: true, connectivityEpisode: false });
    expect(notifier.observe({ type: 'auth-rejected' })).toBeNull();
    expect(notifier.state).toEqual({ authEpisode: true, connectivityEpisode: false });
  });
});
