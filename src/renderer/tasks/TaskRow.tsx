import { memo } from 'react';
import { taskDisplayName } from '../../shared/format/taskLabel';
import { taskKindInfo } from '../../shared/taskKinds';
import type { TaskKey } from '../../shared/watchedTask';
import { useTask } from '../app/useTaskStore';
import { RelativeTime } from './RelativeTime';
import { MutedMark, StatusBadge } from './StatusBadge';
import { taskProblem } from './taskProblem';

export interface TaskRowProps {
  readonly taskKey: TaskKey;
  readonly id: string;
  readonly index: number;
  readonly setSize: number;
  readonly top: number;
  readonly height: number;
  readonly selected: boolean;
  readonly highlighted: boolean;
  readonly onSelect: (key: TaskKey) => void;
}

/** One watched task in the list; it re-renders only when its own task changes. */
export const TaskRow = memo(function TaskRow(props: TaskRowProps) {
  const { taskKey, id, index, setSize, top, height, selected, highlighted, onSelect } = props;
  const task = useTask(taskKey);
  if (task === undefined) return null;
  const problem = taskProblem(task);
  const className = ['task-row', selected ? 'is-selected' : '', highlighted ? 'is-highlighted' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-testid="task-row"
      data-task-key={taskKey}
      className={className}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => onSelect(taskKey)}
    >
      <div className="task-row-line">
        <span className="task-name" title={task.label ?? task.taskId}>
          {taskDisplayName(task)}
        </span>
        <span className="task-kind">{taskKindInfo(task.kind).title}</span>
        <span className="task-badges">
          <StatusBadge task={task} />
          {task.muted && <MutedMark />}
        </span>
      </div>
      <div className="task-row-line task-times">
        <span>
          Added <RelativeTime at={task.addedAt} direction="past" />
        </span>
        <span>
          Checked{' '}
          {task.lastCheckAt === null ? 'not yet' : <RelativeTime at={task.lastCheckAt} direction="past" />}
        </span>
        {task.nextCheckAt !== null && (
          <span>
            Next ≈ <RelativeTime at={task.nextCheckAt} direction="future" />
          </span>
        )}
      </div>
      {problem !== null && (
        <div className="task-row-line task-problem" title={problem}>
          {problem}
        </div>
      )}
    </div>
  );
});
