import './statusBadge.css';
import { BellOff } from 'lucide-react';
import type { OutcomeFacts } from '../../shared/format/taskOutcome';
import type { PollingHold } from './pollingHold';
import { statusView } from './statusView';

interface StatusBadgeProps {
  readonly task: OutcomeFacts;
  /** Why the app checks nothing at the moment, if it does not. */
  readonly hold?: PollingHold | null;
}

/** The task's state in words and a shape, so it reads without colour. */
export function StatusBadge({ task, hold = null }: StatusBadgeProps) {
  const view = statusView(task, hold);
  const Glyph = view.glyph;
  return (
    <span className={`badge badge-${view.tone}`} title={view.description}>
      <span className="badge-glyph" aria-hidden="true">
        <Glyph size={12} strokeWidth={2.5} />
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
        <BellOff size={12} strokeWidth={2.5} />
      </span>
      Muted
    </span>
  );
}
