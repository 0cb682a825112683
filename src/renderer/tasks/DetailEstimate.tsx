import { estimateBasisText, formatRange, kindNoun } from '../../shared/format/estimateText';
import type { RemainingEstimate } from '../../shared/durations';
import type { TaskKind } from '../../shared/taskKinds';
import { isWatching, type WatchedTask } from '../../shared/watchedTask';
import { useEstimate } from '../estimates/useEstimate';
import '../estimates/estimates.css';

/**
 * What the details say of the time left, and what that rests on: "Usually 3–9 min more, from 37 earlier
 * dubs", or "… from the usual time for dubs (no dub has finished here yet)". Facts of the details' list.
 */
export function DetailEstimate({ task }: { readonly task: WatchedTask }) {
  if (!isWatching(task)) return null;
  return <TimeLeft task={task} />;
}

function TimeLeft({ task }: { readonly task: WatchedTask }) {
  const estimate = useEstimate(task);
  if (estimate === null) return null;
  return (
    <>
      <dt>Time left</dt>
      <dd data-testid="detail-estimate">{timeLeftText(task.kind, estimate)}</dd>
    </>
  );
}

/** The sentence the details show for a running job's time left. */
export function timeLeftText(kind: TaskKind, estimate: RemainingEstimate): string {
  const range = formatRange(estimate.lowMs, estimate.highMs);
  const left = estimate.longerThanUsual
    ? `Longer than usual: probably ${range} more`
    : `Usually ${range} more`;
  const basis = estimateBasisText(kind, estimate.basedOn);
  const none = estimate.basedOn === 0 ? ` (no ${kindNoun(kind, 1)} has finished here yet)` : '';
  return `${left}, ${basis}${none}.`;
}
