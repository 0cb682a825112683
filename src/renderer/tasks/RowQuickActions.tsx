import { Copy, ExternalLink, RefreshCw, type LucideIcon } from 'lucide-react';
import { taskDisplayName } from '../../shared/format/taskLabel';
import type { TaskKey } from '../../shared/watchedTask';
import { useTask } from '../app/useTaskStore';
import { resultReady, useQuickActions, type QuickAction } from './quickActions';

interface RowQuickActionsProps {
  readonly taskKey: TaskKey;
  /** Where the row starts in the list, so the buttons sit over its second line. */
  readonly top: number;
  /** The row the list's keyboard is on: Tab from the list reaches its buttons (only its). */
  readonly selected: boolean;
}

const BUTTONS: readonly { action: QuickAction; title: string; key: string; Icon: LucideIcon }[] = [
  { action: 'openResult', title: 'Open result', key: 'O', Icon: ExternalLink },
  { action: 'copyId', title: 'Copy id', key: 'C', Icon: Copy },
  { action: 'checkNow', title: 'Check now', key: 'R', Icon: RefreshCw },
];

/**
 * A row's quick actions, shown on hover and while the row is the list's current one. A sibling of the
 * row, not inside it: a listbox option cannot hold buttons (its content is read as its name).
 */
export function RowQuickActions({ taskKey, top, selected }: RowQuickActionsProps) {
  const run = useQuickActions();
  const task = useTask(taskKey);
  if (task === undefined) return null;
  const buttons = BUTTONS.filter(({ action }) => action !== 'openResult' || resultReady(task));
  return (
    <div
      role="group"
      aria-label={`Quick actions for ${taskDisplayName(task)}`}
      className={`row-quick-actions${selected ? ' is-current' : ''}`}
      data-testid="row-quick-actions"
      style={{ transform: `translateY(${top}px)` }}
    >
      {buttons.map(({ action, title, key: letter, Icon }) => (
        <button
          key={action}
          type="button"
          className="icon-button"
          aria-label={title}
          aria-keyshortcuts={letter}
          title={`${title} (${letter})`}
          tabIndex={selected ? 0 : -1}
          onClick={() => run(action, taskKey)}
        >
          <Icon aria-hidden="true" size={16} />
        </button>
      ))}
    </div>
  );
}
