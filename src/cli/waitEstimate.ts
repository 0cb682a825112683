import { estimateRemaining, type DurationModel } from '../shared/durations';
import { estimateBasisText, runningEstimateText } from '../shared/format/estimateText';
import { MINUTE_MS } from '../shared/time';

/** A note at most this often, and only when its words changed: a long wait stays readable. */
export const ESTIMATE_EVERY_MS = MINUTE_MS;

/** "running 4 min · usually 3–9 min more (from 12 earlier stories)". */
export function waitEstimateText(model: DurationModel, ageMs: number): string {
  const estimate = estimateRemaining(model, ageMs);
  return `${runningEstimateText(ageMs, estimate)} (${estimateBasisText(model.kind, estimate.basedOn)})`;
}

/**
 * Says how long a waited-for task may still take, on stderr beside the status lines: once at the first
 * answer that it is still running, then as the words change, at most once a minute.
 */
export function createEstimateNotes(
  model: DurationModel,
  runningSince: number,
  note: (text: string) => void,
) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastText = '';
  return {
    stillRunning(at: number): void {
      if (at - lastAt < ESTIMATE_EVERY_MS) return;
      const text = waitEstimateText(model, Math.max(0, at - runningSince));
      if (text === lastText) return;
      lastAt = at;
      lastText = text;
      note(text);
    },
  };
}
