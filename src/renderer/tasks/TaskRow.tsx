import { memo } from 'react';
import { FailureActionButton } from './FailureActionButton';
import { taskKindInfo } from '../../shared/taskKinds';
import type { TaskKey } from '../../shared/watchedTask';
import { useTask } from '../state/useTaskStore';
import type { PollingHold } from './pollingHold';
import { RowTime } from './RowTime';
import { MutedMark, StatusBadge } from './StatusBadge';
import { statusView } from './statusView';
import { TaskName } from './TaskName';
import { taskProblem } from './taskProblem';
import { UnseenMark } from './UnseenMark';
import './taskRow.css';

/** The keys held during a click: Ctrl/Cmd adds to the selection, Shift selects a range. */
export type ClickModifiers = Pick<MouseEvent, 'shiftKey' | 'ctrlKey' | 'metaKey'>;

export interface TaskRowProps {
  readonly taskKey: TaskKey;
  readonly id: string;
  readonly index: number;
  /** Its line in the virtual list, when group headers make it differ from `index`. */
  readonly rowIndex?: number;
  readonly setSize: number;
  readonly top: number;
  readonly selected: boolean;
  readonly highlighted: boolean;
  /** What the list is searched for: marked in the name. */
  readonly query?: string;
  /** Why the app checks nothing at the moment, if it does not. */
  readonly hold: PollingHold | null;
  /** The list measures each row, so a row is as tall as what it says. */
  readonly measure: (element: Element | null) => void;
  readonly onSelect: (key: TaskKey, modifiers: ClickModifiers) => void;
}

/**
 * One watched task in the list, in two lines: its name (cut in the middle when it must be) and its status
 * word; then its kind, one time ("~8 min left", "finished 3 min ago · took 44 s") and, when the job ended
 * badly or waits, what happened in one line (all of it in the tooltip and the details). It re-renders only
 * when its own task (or the app's hold, or the search) changes.
 */
export const TaskRow = memo(function TaskRow(props: TaskRowProps) {
  const { taskKey, id, index, rowIndex, setSize, top, selected, highlighted, hold, measure, onSelect } =
    props;
  const task = useTask(taskKey);
  if (task === undefined) return null;
  const view = statusView(task, hold);
  // What is really happening: how it ended or why it waits; else any passing trouble while checking.
  const note = view.worthARowLine ? view.description : taskProblem(task);
  const className = [
    'task-row',
    selected ? 'is-selected' : '',
    highlighted ? 'is-highlighted' : '',
    task.unseen ? 'is-unseen' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={measure}
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-index={rowIndex ?? index}
      data-testid="task-row"
      data-task-key={taskKey}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => onSelect(taskKey, event)}
    >
      <div className="task-row-line">
        {task.unseen && <UnseenMark />}
        <TaskName task={task} query={props.query} />
        <span className="task-badges">
          <StatusBadge task={task} hold={hold} />
          {task.muted && <MutedMark />}
        </span>
      </div>
      <div className="task-row-line task-row-facts">
        <span className="task-kind">{taskKindInfo(task.kind).title}</span>
        <RowTime task={task} held={hold !== null && view.worthARowLine} short={note !== null} />
        {note !== null && (
          <span className={`task-note task-note-${view.tone}`} title={note}>
            {note}
          </span>
        )}
        <FailureActionButton task={task} taskKey={taskKey} place="row" />
      </div>
    </div>
  );
});
