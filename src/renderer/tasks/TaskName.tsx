import { splitForMiddleEllipsis } from '../../shared/format/taskLabel';
import type { WatchedTask } from '../../shared/watchedTask';

/**
 * A task's name in the list: its label, or as much of its id as fits, cut in the middle (start…end) so
 * two ids that differ only at the end still look different. The whole id is in the tooltip.
 */
export function TaskName({ task }: { readonly task: Pick<WatchedTask, 'label' | 'taskId'> }) {
  const label = task.label?.trim() ?? '';
  if (label !== '') {
    return (
      <span className="task-name task-label" title={`${label} (${task.taskId})`}>
        {label}
      </span>
    );
  }
  const { head, tail } = splitForMiddleEllipsis(task.taskId);
  return (
    <span className="task-name task-id-name" title={task.taskId}>
      <span className="task-id-head">{head}</span>
      {tail !== '' && <span className="task-id-tail">{tail}</span>}
    </span>
  );
}
