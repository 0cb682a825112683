import type { WatchedTask } from '../../shared/watchedTask';
import { statusView } from './statusView';

/** The task's state in words and a shape, so it reads without colour. */
export function StatusBadge({ task }: { readonly task: Pick<WatchedTask, 'status' | 'stoppedReason'> }) {
  const view = statusView(task);
  return (
    <span className={`badge badge-${view.tone}`} title={view.description}>
      <span className="badge-glyph" aria-hidden="true">
        {view.glyph}
      </span>
      {view.text}
    </span>
  );
}

/** Shown next to the badge of a task whose notifications are off. */
export function MutedMark() {
  return (
    <span className="badge badge-muted" title="Notifications for this task are off">
      <span className="badge-glyph" aria-hidden="true">
        ∅
      </span>
      Muted
    </span>
  );
}
