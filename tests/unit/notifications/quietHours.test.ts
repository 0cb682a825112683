/**
 * Quiet hours on the core's clock: the wall-clock window (across midnight, across both daylight-saving
 * changes), the days it starts on, the notification gate that holds and sums up, and "always alert on
 * failure". Time is virtual; the zone is Europe/Berlin, whose 2026 changes are on 29 March and 25 October.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { createDoNotDisturb } from '../../../src/main/core/notifications/doNotDisturb';
import type { NotificationModel } from '../../../src/main/core/notifications/notificationModel';
import { ended } from './taskNotificationFixture';
import {
  DEFAULT_QUIET_HOURS,
  nextQuietHoursChange,
  quietHoursActive,
  quietHoursSchema,
  quietHoursText,
  type QuietHours,
} from '../../../src/shared/quietHours';
import { HOUR_MS, MINUTE_MS } from '../../../src/shared/time';

const zoneBefore = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = 'Europe/Berlin';
  // Node applies a changed TZ at once; if this runtime did not, every expectation below would be a lie.
  expect(new Date(Date.UTC(2026, 6, 1, 12)).getTimezoneOffset()).toBe(-120);
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zoneBefore;
});

/** A local time, as the person sees it on their clock. */
function local(year: number, month: number, day: number, hour: number, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}

const NIGHTLY: QuietHours = { ...DEFAULT_QUIET_HOURS, enabled: true };

describe('quietHoursActive', () => {
  it('holds from the start to the end across midnight, and not outside', () => {
    expect(quietHoursActive(NIGHTLY, local(2026, 5, 12, 21, 59))).toBe(false);
    expect(quietHoursActive(NIGHTLY, local(2026, 5, 12, 22))).toBe(true);
    expect(quietHoursActive(NIGHTLY, local(2026, 5, 13, 0, 30))).toBe(true);
    expect(quietHoursActive(NIGHTLY, local(2026, 5, 13, 7, 59))).toBe(true);
    expect(quietHoursActive(NIGHTLY, local(2026, 5, 13, 8))).toBe(false);
  });

  it('is off when not enabled, whatever the time', () => {
    expect(quietHoursActive(DEFAULT_QUIET_HOURS, local(2026, 5, 13, 0, 30))).toBe(false);
  });

  it('a night belongs to the day it starts on: Friday night is quiet until Saturday 08:00, the weekend nights are not', () => {
    const weekdays = { ...NIGHTLY, days: [1, 2, 3, 4, 5] };
    // 15 May 2026 is a Friday.
    expect(quietHoursActive(weekdays, local(2026, 5, 16, 7))).toBe(true);
    expect(quietHoursActive(weekdays, local(2026, 5, 16, 23))).toBe(false);
    expect(quietHoursActive(weekdays, local(2026, 5, 17, 23))).toBe(false);
    expect(quietHoursActive(weekdays, local(2026, 5, 18, 23))).toBe(true);
  });

  it('a daytime window (09:00–17:00) does not wrap', () => {
    const office = { ...NIGHTLY, start: '09:00', end: '17:00' };
    expect(quietHoursActive(office, local(2026, 5, 12, 8, 59))).toBe(false);
    expect(quietHoursActive(office, local(2026, 5, 12, 12))).toBe(true);
    expect(quietHoursActive(office, local(2026, 5, 12, 17))).toBe(false);
  });

  it('keeps to the wall clock across the spring change: the short night still ends at 08:00', () => {
    expect(quietHoursActive(NIGHTLY, local(2026, 3, 29, 1, 30))).toBe(true);
    expect(quietHoursActive(NIGHTLY, local(2026, 3, 29, 3, 30))).toBe(true);
    const end = nextQuietHoursChange(NIGHTLY, local(2026, 3, 28, 23));
    expect(end).toBe(local(2026, 3, 29, 8));
    // Ten hours on the wall clock, nine in real time.
    expect((end as number) - local(2026, 3, 28, 22)).toBe(9 * HOUR_MS);
  });

  it('a window starting in the hour spring skips begins when the clock gets there (03:00), not never', () => {
    const skipped = { ...NIGHTLY, start: '02:30', end: '05:00' };
    expect(quietHoursActive(skipped, local(2026, 3, 29, 1, 59))).toBe(false);
    expect(quietHoursActive(skipped, local(2026, 3, 29, 3, 45))).toBe(true);
    expect(quietHoursActive(skipped, local(2026, 3, 29, 5))).toBe(false);
  });

  it('keeps to the wall clock across the autumn change: the long night ends at 08:00, an hour later in real time', () => {
    const end = nextQuietHoursChange(NIGHTLY, local(2026, 10, 24, 23));
    expect(end).toBe(local(2026, 10, 25, 8));
    expect((end as number) - local(2026, 10, 24, 22)).toBe(11 * HOUR_MS);
    expect(quietHoursActive(NIGHTLY, local(2026, 10, 25, 2, 30))).toBe(true);
  });
});

describe('quietHoursSchema', () => {
  it('says what is wrong with a value in words a person understands', () => {
    const message = (value: unknown) => {
      const parsed = quietHoursSchema.safeParse(value);
      return parsed.success ? null : parsed.error.issues[0]?.message;
    };
    expect(message({ ...NIGHTLY, end: '25:00' })).toBe(
      'The end time of quiet hours must be a time from 00:00 to 23:59, such as 22:00.',
    );
    expect(message({ ...NIGHTLY, end: '22:00' })).toBe(
      'Quiet hours must end at another time than they start.',
    );
    expect(message({ ...NIGHTLY, days: [1, 1] })).toBe('The days of quiet hours name the same day twice.');
    expect(message(NIGHTLY)).toBeNull();
  });

  it('reads in words', () => {
    expect(quietHoursText(NIGHTLY)).toBe('22:00–08:00 every day');
    expect(quietHoursText({ ...NIGHTLY, days: [1, 2, 3, 4, 5] })).toBe('22:00–08:00 Monday to Friday');
    expect(quietHoursText({ ...NIGHTLY, days: [5, 1] })).toBe('22:00–08:00 on Mon, Fri');
  });
});

describe('the notification gate with quiet hours', () => {
  function setup(quiet: QuietHours, startAt: number) {
    const clock = new VirtualClock(startAt);
    const delivered: NotificationModel[] = [];
    const settings = { quiet, until: null as number | null };
    const gate = createDoNotDisturb({
      clock,
      until: () => settings.until,
      quietHours: () => settings.quiet,
      ended: () => {
        settings.until = null;
      },
      deliver: (n) => delivered.push(n),
    });
    gate.refresh();
    return { clock, delivered, settings, gate };
  }

  it('holds endings overnight, lets a failure through, and sums up the rest at 08:00', async () => {
    const { clock, delivered, gate } = setup(NIGHTLY, local(2026, 5, 12, 21));
    gate.offer(ended('evening', 'succeeded'));
    expect(delivered.map((n) => n.body)).toEqual(['evening']);

    await clock.advance(2 * HOUR_MS);
    gate.offer(ended('night-1', 'succeeded'));
    gate.offer(ended('broken', 'failed'));
    gate.offer(ended('night-2', 'succeeded'));
    // The failure is told at once; the successes wait.
    expect(delivered.map((n) => n.body)).toEqual(['evening', 'broken']);
    expect(gate.isOn()).toBe(true);

    await clock.advance(local(2026, 5, 13, 8) - clock.now() - 1);
    expect(delivered).toHaveLength(2);
    await clock.advance(1);
    expect(delivered.at(-1)).toMatchObject({
      type: 'group',
      title: 'During quiet hours',
      body: '2 jobs finished during quiet hours: 2 succeeded.',
    });
    expect(gate.isOn()).toBe(false);
  });

  it('without "always alert on failure", a failure waits for the summary too', async () => {
    const { clock, delivered, gate } = setup(
      { ...NIGHTLY, alwaysAlertOnFailure: false },
      local(2026, 5, 12, 23),
    );
    gate.offer(ended('broken', 'failed'));
    expect(delivered).toEqual([]);
    await clock.advance(9 * HOUR_MS);
    expect(delivered.map((n) => n.body)).toEqual(['1 job finished during quiet hours: 1 failed.']);
  });

  it('turned off in the night, releases what it held at once', () => {
    const { delivered, settings, gate } = setup(NIGHTLY, local(2026, 5, 12, 23));
    gate.offer(ended('night', 'succeeded'));
    settings.quiet = { ...NIGHTLY, enabled: false };
    gate.refresh();
    expect(delivered.map((n) => n.body)).toEqual(['1 job finished during quiet hours: 1 succeeded.']);
  });

  it('the end is found on the short spring night, on virtual time', async () => {
    const { clock, delivered, gate } = setup(NIGHTLY, local(2026, 3, 28, 23));
    gate.offer(ended('night', 'succeeded'));
    await clock.advance(local(2026, 3, 29, 8) - clock.now() - MINUTE_MS);
    expect(delivered).toEqual([]);
    await clock.advance(MINUTE_MS);
    expect(delivered).toHaveLength(1);
  });

  it('Do not disturb turned on by hand during quiet hours holds failures too, and its summary says so', async () => {
    const { clock, delivered, settings, gate } = setup(NIGHTLY, local(2026, 5, 12, 23));
    settings.until = clock.now() + HOUR_MS;
    gate.refresh();
    gate.offer(ended('broken', 'failed'));
    expect(delivered).toEqual([]);
    // Do not disturb ends at midnight, quiet hours go on: still held.
    await clock.advance(HOUR_MS);
    expect(delivered).toEqual([]);
    await clock.advance(8 * HOUR_MS);
    expect(delivered.map((n) => n.body)).toEqual(['1 job finished while Do not disturb was on: 1 failed.']);
  });
});
