import type { RemainingEstimate } from '../../shared/durations';
import {
  estimateBasisText,
  formatRange,
  kindNoun,
  saysLongerThanUsual,
  timeLeftFigure,
  usualDurationText,
} from '../../shared/format/estimateText';
import type { TaskKind } from '../../shared/taskKinds';
import type { WatchedTask } from '../../shared/watchedTask';
import { useEstimate, useUsualDuration } from '../estimates/useEstimate';

/** What the row and the details say of a job CAMB.AI has not answered for yet: no time is known. */
export const WAITING_FOR_CAMB = 'Waiting for CAMB.AI';

/**
 * What the details say of a watched job's time left, and what that rests on: "~6 min left (usually 3–9
 * min more), from 37 earlier dubs", or "… from the usual time for dubs (no dub has finished here yet)".
 * Facts of the details' list; nothing once the job is no longer watched.
 */
export function DetailEstimate({ task }: { readonly task: WatchedTask }) {
  const estimate = useEstimate(task);
  const usual = useUsualDuration(task.kind);
  if (estimate === null || usual === null) return null;
  return (
    <>
      <dt>Time left</dt>
      <dd data-testid="detail-estimate">
        {task.status === null
          ? `${WAITING_FOR_CAMB}'s first answer.`
          : timeLeftText(task.kind, estimate, usual)}
      </dd>
    </>
  );
}

/**
 * The sentence the details (and the row's tooltip) show for a running job's time left: the one figure,
 * then the range it comes from; `usual` (the kind's range from the start) says what "longer than usual"
 * means, said only once enough runs of the kind have finished (saysLongerThanUsual).
 */
export function timeLeftText(kind: TaskKind, estimate: RemainingEstimate, usual: RemainingEstimate): string {
  const range = formatRange(estimate.lowMs, estimate.highMs);
  const figure = timeLeftFigure(estimate);
  const left = saysLongerThanUsual(estimate)
    ? `Longer than usual (${usualDurationText(kind, usual).toLowerCase()}): ${figure}, probably ${range} more`
    : `${figure.charAt(0).toUpperCase()}${figure.slice(1)} (usually ${range} more)`;
  const basis = estimateBasisText(kind, estimate.basedOn);
  const none = estimate.basedOn === 0 ? ` (no ${kindNoun(kind, 1)} has finished here yet)` : '';
  return `${left}, ${basis}${none}.`;
}
