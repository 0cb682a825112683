import {
  labelAsOneLine,
  splitForMiddleEllipsis,
  splitLabelForMiddleEllipsis,
} from '../../shared/format/taskLabel';
import type { WatchedTask } from '../../shared/watchedTask';

interface TaskNameProps {
  readonly task: Pick<WatchedTask, 'label' | 'taskId'>;
  /** What the list is searched for: where the name holds it, it is marked. */
  readonly query?: string;
}

/**
 * A task's name in the list: its label, or its id, cut in the middle when it must be (start…end), so
 * "Foley: footsteps on gravel 3" and "… gravel 4", or two ids that differ only at the end, still look
 * different. The search match is marked. The whole label and id are in the tooltip.
 */
export function TaskName({ task, query = '' }: TaskNameProps) {
  const label = labelAsOneLine(task.label ?? '');
  const text = label !== '' ? label : task.taskId;
  const match = findMatch(text, query);
  const { head, tail } =
    label !== '' ? splitLabelForMiddleEllipsis(text, match?.start ?? null) : splitForMiddleEllipsis(text);
  const kindClass = label !== '' ? 'task-label' : 'task-id-name';
  return (
    <span
      className={`task-name ${kindClass}`}
      title={label !== '' ? `${label} (${task.taskId})` : task.taskId}
    >
      <span className="task-name-head">
        <Marked text={head} offset={0} match={match} />
      </span>
      {tail !== '' && (
        <span className="task-name-tail">
          <Marked text={tail} offset={head.length} match={match} />
        </span>
      )}
    </span>
  );
}

interface Match {
  readonly start: number;
  readonly end: number;
}

/** Where `query` (trimmed, any case) first occurs in `text`, as search finds it; null for none. */
function findMatch(text: string, query: string): Match | null {
  const needle = query.trim().toLowerCase();
  const haystack = text.toLowerCase();
  // A few letters change length when lower-cased (İ): positions would not line up, so nothing is marked.
  if (needle === '' || haystack.length !== text.length) return null;
  const start = haystack.indexOf(needle);
  return start < 0 ? null : { start, end: start + needle.length };
}

/** `text` (which starts at `offset` in the whole name) with the part of `match` inside it in a <mark>. */
function Marked({ text, offset, match }: { text: string; offset: number; match: Match | null }) {
  if (match === null) return text;
  const from = Math.max(0, match.start - offset);
  const to = Math.min(text.length, match.end - offset);
  if (from >= to) return text;
  return (
    <>
      {text.slice(0, from)}
      <mark className="search-match">{text.slice(from, to)}</mark>
      {text.slice(to)}
    </>
  );
}
