import { isStopped, type WatchedTask } from '../../shared/watchedTask';
import { RelativeTime } from './RelativeTime';
import { StatusBadge } from './StatusBadge';
import { formatClockTime } from './relativeTime';

const NO_DETAILS = { stoppedReason: null, stopCause: null, exceptionReason: null, message: null } as const;

type HistoryFacts = Pick<WatchedTask, 'history' | 'status' | 'stoppedReason'>;

/** Every status the task went through, oldest first, with when it was first seen. */
export function StatusHistory({ task }: { readonly task: HistoryFacts }) {
  if (task.history.length === 0) {
    return (
      <p className="muted-text">
        {isStopped(task) ? 'CAMB.AI never reported a status for this task.' : 'No answer from CAMB.AI yet.'}
      </p>
    );
  }
  return (
    <ol className="status-history">
      {task.history.map((change, index) => (
        <li key={`${change.at}-${index}`}>
          <StatusBadge task={{ ...NO_DETAILS, status: change.status }} />
          <span className="history-time">
            {formatClockTime(change.at)} (<RelativeTime at={change.at} direction="past" />)
          </span>
        </li>
      ))}
    </ol>
  );
}
