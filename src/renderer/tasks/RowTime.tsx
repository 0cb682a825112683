import { formatDuration } from '../../shared/format/duration';
import { rowEstimateText, saysLongerThanUsual } from '../../shared/format/estimateText';
import { statusPhase } from '../../shared/taskStatus';
import { isWatching, type WatchedTask } from '../../shared/watchedTask';
import { useEstimate, useUsualDuration } from '../estimates/useEstimate';
import { timeLeftText, WAITING_FOR_CAMB } from './DetailEstimate';
import { RelativeTime, RunningTime } from './RelativeTime';
import '../estimates/estimates.css';

interface RowTimeProps {
  readonly task: WatchedTask;
  /** The row says why the app checks nothing now (no key, paused…): no time would be true then. */
  readonly held: boolean;
  /** The row has a note beside its time: the time keeps to its shortest form. */
  readonly short: boolean;
}

/**
 * The one time a row shows: "~8 min left" for a running job (its range on hover and in the details),
 * "Waiting for CAMB.AI" until the first answer, "finished 3 min ago · took 44 s" once it ended, "added 5
 * min ago" for a job the app stopped checking. Check times are the details' (they tick, and say little).
 */
export function RowTime({ task, held, short }: RowTimeProps) {
  if (isWatching(task)) {
    if (task.status !== null) return <RowEstimate task={task} />;
    return held ? null : (
      <span className="task-time" data-testid="row-time">
        {WAITING_FOR_CAMB}
      </span>
    );
  }
  if (task.finishedAt === null) {
    return (
      <span className="task-time" data-testid="row-time">
        added <RelativeTime at={task.addedAt} direction="past" />
      </span>
    );
  }
  const verb = statusPhase(task.status ?? '') === 'succeeded' ? 'finished' : 'ended';
  return (
    <span className="task-time" data-testid="row-time">
      {verb} <RelativeTime at={task.finishedAt} direction="past" />
      {!short && ` · took ${formatDuration(task.finishedAt - task.addedAt, { units: 1 })}`}
    </span>
  );
}

/** A running job's time left, one figure; until the core sent what it learned, how long it has run. */
function RowEstimate({ task }: { readonly task: WatchedTask }) {
  const estimate = useEstimate(task);
  const usual = useUsualDuration(task.kind);
  if (estimate === null || usual === null) {
    return (
      <span className="task-time" data-testid="row-time">
        running <RunningTime since={task.addedAt} />
      </span>
    );
  }
  const late = saysLongerThanUsual(estimate);
  return (
    <span
      className={`task-time task-estimate-left${late ? ' is-late' : ''}`}
      data-testid="row-time"
      title={timeLeftText(task.kind, estimate, usual)}
    >
      {rowEstimateText(estimate)}
    </span>
  );
}
