import { describe, expect, it } from 'vitest';
import { checkNowOutcome, type CheckTarget } from '../../../src/main/core/watchService/checkNowOutcome';
import { RUNNING_STATE } from '../support/serviceState';
import { newWatchedTask, type WatchedTask } from '../../../src/shared/watchedTask';

const NOW = Date.UTC(2026, 0, 1);

const READY = RUNNING_STATE;

const task = (id: string, changes: Partial<WatchedTask> = {}): WatchedTask => ({
  ...newWatchedTask('story', id, null, NOW),
  ...changes,
});
const pending = task('a', { status: 'PENDING' });
const done = task('b', { status: 'SUCCESS', runId: 1 });
const stopped = task('c', { stoppedReason: 'no access', stopCause: 'forbidden' });
const all = (...tasks: WatchedTask[]): CheckTarget => ({ scope: 'all', tasks });

describe('what Check now says', () => {
  it('counts the tasks it checks at once', () => {
    expect(checkNowOutcome(all(pending, task('d'), done), READY, NOW)).toEqual({
      ok: true,
      message: 'Checking 2 tasks now.',
      resumesAt: null,
    });
    expect(checkNowOutcome(all(pending), READY, NOW).message).toBe('Checking 1 task now.');
    expect(checkNowOutcome({ scope: 'one', task: stopped }, READY, NOW)).toMatchObject({ ok: true });
  });

  it.each([
    [
      'no key',
      { key: { present: false, where: null, problem: null, check: null } },
      'Add your API key in Settings first.',
    ],
    ['a rejected key', { authProblem: 'Invalid API key' }, 'CAMB.AI rejected the API key.'],
    ['a pause', { pollingPaused: true }, 'Polling is paused.'],
    ['sleep', { suspended: true }, 'The computer is asleep or locked.'],
    ['no network', { connectivity: 'offline' }, 'You are offline.'],
  ] as const)('says why it cannot check with %s', (_, changes, start) => {
    const outcome = checkNowOutcome(all(pending), { ...READY, ...changes }, NOW);
    expect(outcome.ok).toBe(false);
    expect(outcome.message.startsWith(start)).toBe(true);
    expect(outcome.resumesAt).toBeNull();
  });

  it('passes the end of a rate limit as data, and checks once it is over', () => {
    const limited = { ...READY, rateLimitedUntil: NOW + 40_000 };
    expect(checkNowOutcome(all(pending), limited, NOW)).toEqual({
      ok: false,
      message: 'CAMB.AI asked CAMB Watch to slow down.',
      resumesAt: NOW + 40_000,
    });
    expect(checkNowOutcome(all(pending), limited, NOW + 40_000).ok).toBe(true);
  });

  it('says when there is nothing to check, and why', () => {
    expect(checkNowOutcome(all(), READY, NOW).message).toBe('Nothing to check: the watch list is empty.');
    expect(checkNowOutcome(all(done), READY, NOW).message).toBe('Nothing to check: every task has finished.');
    expect(checkNowOutcome(all(done, stopped), READY, NOW).message).toMatch(/Check now on a stopped task/);
    expect(checkNowOutcome({ scope: 'one', task: done }, READY, NOW).message).toMatch(/has finished/);
    expect(checkNowOutcome({ scope: 'one', task: undefined }, READY, NOW).message).toMatch(/no longer/);
  });
});
