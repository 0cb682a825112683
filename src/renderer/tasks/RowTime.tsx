import { isWatching, type WatchedTask } from '../../shared/watchedTask';
import { estimateText } from '../../shared/format/estimateText';
import { useEstimate } from '../estimates/useEstimate';
import { RunningTime } from './RelativeTime';
import '../estimates/estimates.css';

/**
 * A running job's line in the list: "Running 4 min · usually 3–9 min more", or "· longer than usual"
 * once it has run past what nine in ten jobs of its kind took. A line of its own, so it wraps rather than
 * being cut in a narrow window.
 */
export function RowEstimate({ task }: { readonly task: WatchedTask }) {
  if (!isWatching(task)) return null;
  return <RunningEstimate task={task} />;
}

function RunningEstimate({ task }: { readonly task: WatchedTask }) {
  const estimate = useEstimate(task);
  const late = estimate?.longerThanUsual === true;
  return (
    <p className={`task-estimate${late ? ' is-late' : ''}`} data-testid="row-estimate">
      Running <RunningTime since={task.addedAt} />
      {estimate !== null && <span className="task-estimate-left"> · {estimateText(estimate)}</span>}
    </p>
  );
}
