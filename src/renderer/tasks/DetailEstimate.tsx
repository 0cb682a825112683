import type { RemainingEstimate } from '../../shared/durations';
import {
  estimateBasisText,
  formatRange,
  kindNoun,
  usualDurationText,
} from '../../shared/format/estimateText';
import type { TaskKind } from '../../shared/taskKinds';
import type { WatchedTask } from '../../shared/watchedTask';
import { useEstimate, useUsualDuration } from '../estimates/useEstimate';

/**
 * What the details say of a watched job's time left, and what that rests on: "Usually 3–9 min more, from
 * 37 earlier dubs", or "… from the usual time for dubs (no dub has finished here yet)". Facts of the
 * details' list; nothing once the job is no longer watched.
 */
export function DetailEstimate({ task }: { readonly task: WatchedTask }) {
  const estimate = useEstimate(task);
  const usual = useUsualDuration(task.kind);
  if (estimate === null || usual === null) return null;
  return (
    <>
      <dt>Time left</dt>
      <dd data-testid="detail-estimate">{timeLeftText(task.kind, estimate, usual)}</dd>
    </>
  );
}

/**
 * The sentence the details show for a running job's time left; `usual` (the kind's range from the start)
 * says what "longer than usual" means.
 */
export function timeLeftText(kind: TaskKind, estimate: RemainingEstimate, usual: RemainingEstimate): string {
  const range = formatRange(estimate.lowMs, estimate.highMs);
  const left = estimate.longerThanUsual
    ? `Longer than usual (${usualDurationText(kind, usual).toLowerCase()}): probably ${range} more`
    : `Usually ${range} more`;
  const basis = estimateBasisText(kind, estimate.basedOn);
  const none = estimate.basedOn === 0 ? ` (no ${kindNoun(kind, 1)} has finished here yet)` : '';
  return `${left}, ${basis}${none}.`;
}
