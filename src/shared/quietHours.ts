import { z } from 'zod';

/**
 * Quiet hours: a Do not disturb that comes back on by itself, e.g. 22:00–08:00 on weeknights. Times are
 * wall-clock times in the computer's own time zone ("HH:MM"), so a change of daylight saving time moves
 * nothing the person sees: 22:00 stays 22:00. A window whose end is not after its start runs overnight
 * and belongs to the day it starts on (Friday 22:00–08:00 ends on Saturday morning).
 */

/** The days of the week as Date.getDay() numbers them: 0 is Sunday. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const timeOfDaySchema = (which: string) =>
  z
    .string({ error: `The ${which} time of quiet hours must be a time such as 22:00.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, {
      error: `The ${which} time of quiet hours must be a time from 00:00 to 23:59, such as 22:00.`,
    });

export const quietHoursSchema = z
  .object({
    enabled: z.boolean({ error: 'Whether quiet hours are on must be true or false.' }),
    start: timeOfDaySchema('start'),
    end: timeOfDaySchema('end'),
    /** The days a quiet window starts on (0 Sunday … 6 Saturday). */
    days: z
      .array(z.number().int().min(0).max(6), {
        error: 'The days of quiet hours must be a list of weekdays, 0 (Sunday) to 6 (Saturday).',
      })
      .max(7)
      .refine((days) => new Set(days).size === days.length, {
        error: 'The days of quiet hours name the same day twice.',
      }),
    /** A job that fails is told at once even during quiet hours. */
    alwaysAlertOnFailure: z.boolean({ error: '"Always alert on failure" must be true or false.' }),
  })
  .refine((quiet) => quiet.start !== quiet.end, {
    error: 'Quiet hours must end at another time than they start.',
  });

export type QuietHours = z.infer<typeof quietHoursSchema>;

export const DEFAULT_QUIET_HOURS: QuietHours = {
  enabled: false,
  start: '22:00',
  end: '08:00',
  days: [0, 1, 2, 3, 4, 5, 6],
  alwaysAlertOnFailure: true,
};

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The instant a wall-clock time falls on, on the day `dayOffset` days after `now`'s local day. */
function wallClock(now: number, dayOffset: number, time: string): number {
  const day = new Date(now);
  const minutes = minutesOf(time);
  // The Date constructor settles a time that a spring-forward skips (02:30) onto the hour after.
  return new Date(
    day.getFullYear(),
    day.getMonth(),
    day.getDate() + dayOffset,
    Math.floor(minutes / 60),
    minutes % 60,
  ).getTime();
}

interface QuietWindow {
  readonly from: number;
  readonly to: number;
}

/** The quiet windows that start from yesterday to a week ahead, in time order. */
function windowsAround(quiet: QuietHours, now: number): QuietWindow[] {
  const overnight = minutesOf(quiet.end) <= minutesOf(quiet.start);
  const windows: QuietWindow[] = [];
  for (let offset = -1; offset <= 7; offset += 1) {
    const from = wallClock(now, offset, quiet.start);
    if (!quiet.days.includes(new Date(from).getDay())) continue;
    windows.push({ from, to: wallClock(now, offset + (overnight ? 1 : 0), quiet.end) });
  }
  return windows;
}

/** Whether quiet hours hold notifications at `now`. */
export function quietHoursActive(quiet: QuietHours, now: number): boolean {
  if (!quiet.enabled) return false;
  return windowsAround(quiet, now).some((window) => window.from <= now && now < window.to);
}

/** The next moment quiet hours begin or end after `now`; null when they are off or never begin. */
export function nextQuietHoursChange(quiet: QuietHours, now: number): number | null {
  if (!quiet.enabled) return null;
  const changes = windowsAround(quiet, now)
    .flatMap((window) => [window.from, window.to])
    .filter((time) => time > now);
  return changes.length === 0 ? null : Math.min(...changes);
}

/** "every day", "Monday to Friday", "on Mon, Wed, Fri": the days quiet hours start on, in words. */
export function quietDaysText(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 7) return 'every day';
  if (set.size === 0) return 'on no day';
  if (set.size === 5 && [1, 2, 3, 4, 5].every((day) => set.has(day))) return 'Monday to Friday';
  if (set.size === 2 && set.has(0) && set.has(6)) return 'on Saturday and Sunday';
  // Monday first, as a week is read.
  const named = [1, 2, 3, 4, 5, 6, 0]
    .filter((day) => set.has(day))
    .map((day) => (WEEKDAY_NAMES[day] ?? '').slice(0, 3));
  return `on ${named.join(', ')}`;
}

/** "22:00–08:00 every day": the quiet hours in words, for Settings and the summary. */
export function quietHoursText(quiet: QuietHours): string {
  return `${quiet.start}–${quiet.end} ${quietDaysText(quiet.days)}`;
}
