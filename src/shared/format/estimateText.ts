import type { RemainingEstimate } from '../durations/estimate';
import { TASK_KIND_TABLE, type TaskKind } from '../taskKinds';
import { formatDuration } from './duration';
import { clipText } from './clipText';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../time';

/**
 * Time-remaining estimates in words, shared by the rows, the details, the tray and the CLI so they all say
 * "usually 3–9 min more" the same way.
 */

/** The unit a duration is said in, picked by its size. */
const RANGE_UNITS = [
  { below: 90 * SECOND_MS, ms: SECOND_MS, step: 5, name: 's' },
  { below: 90 * MINUTE_MS, ms: MINUTE_MS, step: 1, name: 'min' },
  { below: 2 * DAY_MS, ms: HOUR_MS, step: 1, name: 'h' },
  { below: Infinity, ms: DAY_MS, step: 1, name: 'd' },
] as const;

type RangeUnit = (typeof RANGE_UNITS)[number];

const unitFor = (ms: number): RangeUnit => RANGE_UNITS.find((unit) => ms < unit.below) ?? RANGE_UNITS[3];

/**
 * "3–9 min", "up to 40 s", "about 4 min", "5 min–3 h": an interval rounded outwards (the low end down,
 * the high end up) so the words never claim a narrower range than the estimate. One unit when the low end
 * still reads in the high end's; a range of hours that starts within minutes says both units.
 */
export function formatRange(lowMs: number, highMs: number): string {
  const high = Math.max(0, highMs);
  const low = Math.min(Math.max(0, lowMs), high);
  const highUnit = unitFor(high);
  const to = Math.max(highUnit.step, Math.ceil(high / (highUnit.ms * highUnit.step)) * highUnit.step);
  const from = Math.floor(low / (highUnit.ms * highUnit.step)) * highUnit.step;
  const lowUnit = unitFor(low);
  if (from === 0 && highUnit.ms >= HOUR_MS && lowUnit.ms >= MINUTE_MS) {
    const fromLow = Math.floor(low / (lowUnit.ms * lowUnit.step)) * lowUnit.step;
    return `${fromLow} ${lowUnit.name}–${to} ${highUnit.name}`;
  }
  if (from === 0) return `up to ${to} ${highUnit.name}`;
  if (from === to) return `about ${to} ${highUnit.name}`;
  return `${from}–${to} ${highUnit.name}`;
}

/** "3 min", "40 s", "2 h": one duration, glanced at, rounded to the nearest unit (5 s at the least). */
function roughDuration(ms: number): string {
  const value = Math.max(0, ms);
  if (value < 60 * SECOND_MS) return `${Math.max(5, Math.round(value / (5 * SECOND_MS)) * 5)} s`;
  if (value < 90 * MINUTE_MS) return `${Math.round(value / MINUTE_MS)} min`;
  if (value < 36 * HOUR_MS) return `${Math.round(value / HOUR_MS)} h`;
  return `${Math.round(value / DAY_MS)} d`;
}

/** "about 3 min", "about 40 s", "about 2 h": one duration, glanced at, rounded to the nearest unit. */
export function formatAbout(ms: number): string {
  return `about ${roughDuration(ms)}`;
}

/** "~8 min left": the one figure a row shows (the median); the range is in its tooltip and the details. */
export function timeLeftFigure(estimate: RemainingEstimate): string {
  return `~${roughDuration(estimate.medianMs)} left`;
}

/**
 * How many runs of a kind must have finished here before a job of that kind is called "longer than
 * usual": one or two earlier runs say too little of what usual is.
 */
export const LATE_NEEDS_RUNS = 3;

/** Whether to say a job takes longer than usual: past its kind's usual time, learned from enough runs. */
export function saysLongerThanUsual(estimate: RemainingEstimate): boolean {
  return estimate.longerThanUsual && estimate.basedOn >= LATE_NEEDS_RUNS;
}

/** "usually 3–9 min more": the 80 % interval of the remaining time. */
export function estimateRangeText(estimate: RemainingEstimate): string {
  return `usually ${formatRange(estimate.lowMs, estimate.highMs)} more`;
}

export const LONGER_THAN_USUAL = 'longer than usual';

/**
 * The time left in a line of its own (the CLI's wait): the usual range, or "longer than usual" past the
 * kind's 90th percentile (see saysLongerThanUsual).
 */
export function estimateText(estimate: RemainingEstimate): string {
  return saysLongerThanUsual(estimate) ? LONGER_THAN_USUAL : estimateRangeText(estimate);
}

/** What a row says of a running job's time: "~8 min left", "~8 min left · longer than usual". */
export function rowEstimateText(estimate: RemainingEstimate): string {
  const figure = timeLeftFigure(estimate);
  return saysLongerThanUsual(estimate) ? `${figure} · ${LONGER_THAN_USUAL}` : figure;
}

/** "running 4 min · usually 3–9 min more", "running 40 min · longer than usual". */
export function runningEstimateText(ageMs: number, estimate: RemainingEstimate): string {
  return `running ${formatDuration(ageMs, { units: 1 })} · ${estimateText(estimate)}`;
}

/** "dub" or "dubs", by count. */
export function kindNoun(kind: TaskKind, count: number): string {
  const [one, many] = TASK_KIND_TABLE[kind].nouns;
  return count === 1 ? one : many;
}

/** What an estimate rests on: "from 37 earlier dubs", or "from the usual time for dubs" before any finished. */
export function estimateBasisText(kind: TaskKind, basedOn: number): string {
  if (basedOn <= 0) return `from the usual time for ${kindNoun(kind, 2)}`;
  return `from ${basedOn} earlier ${kindNoun(kind, basedOn)}`;
}

/** Long enough to tell jobs apart, short enough for a tray tooltip (Windows cuts those at 127 characters). */
const TRAY_NAME_CHARS = 24;

/**
 * The tray's line for the job expected to end first: "Soonest finish: Dub “Trailer” in about 3 min", with
 * "(taking longer than usual)" when even that one is past its kind's usual time.
 */
export function soonestFinishText(kind: TaskKind, name: string, estimate: RemainingEstimate): string {
  const what = `${TASK_KIND_TABLE[kind].title} “${clipText(name, TRAY_NAME_CHARS)}”`;
  const late = saysLongerThanUsual(estimate) ? ' (taking longer than usual)' : '';
  return `Soonest finish: ${what} in ${formatAbout(estimate.medianMs)}${late}`;
}

/** "Dubs usually take 3–9 min": the 80 % range of a kind's durations, for details and the Insights view. */
export function usualDurationText(kind: TaskKind, estimate: RemainingEstimate): string {
  const many = kindNoun(kind, 2);
  return `${many.charAt(0).toUpperCase()}${many.slice(1)} usually take ${formatRange(estimate.lowMs, estimate.highMs)}`;
}
