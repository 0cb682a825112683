import type { StatusChange } from '../../shared/watchedTask';
import { RelativeTime } from './RelativeTime';
import { StatusBadge } from './StatusBadge';
import { formatClockTime } from './relativeTime';

/** Every status the task went through, oldest first, with when it was first seen. */
export function StatusHistory({ history }: { readonly history: readonly StatusChange[] }) {
  if (history.length === 0) return <p className="muted-text">No answer from CAMB.AI yet.</p>;
  return (
    <ol className="status-history">
      {history.map((change, index) => (
        <li key={`${change.at}-${index}`}>
          <StatusBadge task={{ status: change.status, stoppedReason: null }} />
          <span className="history-time">
            {formatClockTime(change.at)} (<RelativeTime at={change.at} direction="past" />)
          </span>
        </li>
      ))}
    </ol>
  );
}
