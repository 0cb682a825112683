import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import {
  createDoNotDisturb,
  doNotDisturbEnd,
  doNotDisturbSummary,
} from '../../../src/main/core/notifications/doNotDisturb';
import type { NotificationModel } from '../../../src/main/core/notifications/notificationModel';
import { ended } from './taskNotificationFixture';
import { doNotDisturbEndText } from '../../../src/shared/format/doNotDisturb';

const HOUR = 3_600_000;

/** A local time, as the person sees it on their clock. */
function local(year: number, month: number, day: number, hour: number, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}

const done = ended;

describe('doNotDisturbEnd', () => {
  it('an hour from now', () => {
    expect(doNotDisturbEnd('hour', local(2026, 3, 10, 14, 30))).toBe(local(2026, 3, 10, 15, 30));
  });
  it('"until tomorrow" ends at 08:00 local time the next day', () => {
    expect(doNotDisturbEnd('tomorrow', local(2026, 3, 10, 14, 30))).toBe(local(2026, 3, 11, 8));
    expect(doNotDisturbEnd('tomorrow', local(2026, 12, 31, 23, 50))).toBe(local(2027, 1, 1, 8));
  });
  it('in the small hours, "tomorrow" is still this morning: the night is not over', () => {
    expect(doNotDisturbEnd('tomorrow', local(2026, 3, 10, 2))).toBe(local(2026, 3, 10, 8));
  });
  it('off has no end', () => {
    expect(doNotDisturbEnd('off', local(2026, 3, 10, 2))).toBeNull();
  });
});

describe('doNotDisturbEndText', () => {
  it('says the time today, and the day too when it is not today', () => {
    expect(doNotDisturbEndText(local(2026, 3, 10, 15, 30), local(2026, 3, 10, 14, 30))).toBe('15:30');
    expect(doNotDisturbEndText(local(2026, 3, 11, 8), local(2026, 3, 10, 14, 30))).toBe('Wed 08:00');
  });
});

describe('doNotDisturbSummary', () => {
  it('counts what finished, in one sentence, sounding as a failure when one failed', () => {
    expect(
      doNotDisturbSummary([done('a', 'succeeded'), done('b', 'failed'), done('c', 'succeeded')]),
    ).toEqual({
      type: 'group',
      taskKeys: ['story:a', 'story:b', 'story:c'],
      failedKeys: ['story:b'],
      title: 'While Do not disturb was on',
      body: '3 jobs finished while Do not disturb was on: 2 succeeded, 1 failed.',
      sound: 'chime',
    });
    expect(doNotDisturbSummary([done('a', 'succeeded')])?.body).toBe(
      '1 job finished while Do not disturb was on: 1 succeeded.',
    );
    expect(doNotDisturbSummary([])).toBeNull();
  });
});

describe('createDoNotDisturb', () => {
  function setup(until: number | null) {
    const clock = new VirtualClock(local(2026, 3, 10, 22));
    const delivered: NotificationModel[] = [];
    const state = { until, ended: 0 };
    const quiet = createDoNotDisturb({
      clock,
      until: () => state.until,
      ended: () => {
        state.ended++;
        state.until = null;
      },
      deliver: (n) => delivered.push(n),
    });
    quiet.refresh();
    return { clock, delivered, state, quiet };
  }

  it('passes notifications through while off', () => {
    const { delivered, quiet } = setup(null);
    quiet.offer(done('a', 'succeeded'));
    expect(delivered).toHaveLength(1);
  });

  it('holds them while on, counts a group as its jobs, and sums them up when the time is over', async () => {
    const { clock, delivered, state, quiet } = setup(local(2026, 3, 10, 22) + HOUR);
    quiet.offer(done('a', 'succeeded'));
    quiet.offer({
      type: 'group',
      taskKeys: ['dub:b', 'dub:c'],
      failedKeys: ['dub:c'],
      title: '2 jobs finished',
      body: '',
      sound: 'chime',
    });
    expect(delivered).toEqual([]);
    expect(quiet.heldCount()).toBe(3);
    await clock.advance(HOUR - 1);
    expect(delivered).toEqual([]);
    await clock.advance(1);
    expect(delivered.map((n) => n.body)).toEqual([
      '3 jobs finished while Do not disturb was on: 2 succeeded, 1 failed.',
    ]);
    expect(state).toMatchObject({ until: null, ended: 1 });
  });

  it('turned off early, releases the summary at once; turned on again, arms the new end', async () => {
    const { clock, delivered, state, quiet } = setup(local(2026, 3, 10, 22) + HOUR);
    quiet.offer(done('a', 'failed'));
    state.until = null;
    quiet.refresh();
    expect(delivered.map((n) => n.body)).toEqual(['1 job finished while Do not disturb was on: 1 failed.']);
    state.until = clock.now() + 2 * HOUR;
    quiet.refresh();
    quiet.offer(done('b', 'succeeded'));
    await clock.advance(2 * HOUR);
    expect(delivered).toHaveLength(2);
  });

  it('an end far away (a hand-edited file) is looked at twice a day, not by one overflowing timer', async () => {
    const { clock, delivered, quiet } = setup(local(2026, 3, 10, 22) + 40 * 24 * HOUR);
    quiet.offer(done('a', 'succeeded'));
    expect(clock.nextDueAt()).toBe(clock.now() + 12 * HOUR);
    await clock.advance(3 * 24 * HOUR);
    expect(delivered).toEqual([]);
    expect(quiet.heldCount()).toBe(1);
  });
});
