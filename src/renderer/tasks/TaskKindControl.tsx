import { useEffect, useId, useRef, useState } from 'react';
import { InlineEditForm } from '../common/InlineEditForm';
import { kindSuggestionQuestion } from '../../shared/format/taskOutcome';
import { TASK_KINDS, taskKindInfo, type TaskKind } from '../../shared/taskKinds';
import { isStopped, type TaskKey, type WatchedTask } from '../../shared/watchedTask';
import { useChangeKind, type KindChanged } from './changeKind';
import { FailureActionButton } from './FailureActionButton';

export type { KindChanged } from './changeKind';

interface KindProps {
  readonly task: WatchedTask;
  readonly taskKey: TaskKey;
  readonly onChanged: KindChanged;
}

/**
 * "This id is a dub task — switch?" under a task CAMB.AI did not know as its kind, when exactly one other
 * kind knows the id: one click watches it as that kind.
 */
export function KindSuggestion({ task, taskKey, onChanged }: KindProps) {
  const suggested = task.suggestedKind;
  if (suggested === null || !isStopped(task)) return null;
  return (
    <div className="kind-suggestion" role="group" aria-label="Suggested kind">
      <p>{kindSuggestionQuestion(suggested)}</p>
      <FailureActionButton task={task} taskKey={taskKey} place="details" onKindChanged={onChanged} />
    </div>
  );
}

/** The task's kind, with "Change" to watch it as another kind (a wrong kind chosen when it was added). */
export function TaskKindFact({ task, taskKey, onChanged }: KindProps) {
  const [changing, setChanging] = useState(false);
  return changing ? (
    <ChangeKindForm task={task} taskKey={taskKey} onChanged={onChanged} onCancel={() => setChanging(false)} />
  ) : (
    <span className="kind-fact">
      {taskKindInfo(task.kind).title}{' '}
      <button
        type="button"
        className="inline-action"
        aria-label="Change kind"
        onClick={() => setChanging(true)}
      >
        Change
      </button>
    </span>
  );
}

function ChangeKindForm({
  task,
  taskKey,
  onChanged,
  onCancel,
}: KindProps & { readonly onCancel: () => void }) {
  const id = useId();
  const changeKind = useChangeKind(taskKey, onChanged);
  const [kind, setKind] = useState<TaskKind>(task.suggestedKind ?? task.kind);
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => selectRef.current?.focus(), []);

  // The same kind again changes nothing: the form just closes.
  const submit = async (): Promise<string | null> => {
    if (kind === task.kind) {
      onCancel();
      return null;
    }
    return changeKind(kind);
  };

  return (
    <InlineEditForm
      submitLabel="Change kind"
      onSubmit={submit}
      onCancel={onCancel}
      note={
        <p id={`${id}-note`} className="field-note">
          The task is checked again from the start as the kind you choose.
        </p>
      }
    >
      {({ errorId }) => (
        <>
          <label htmlFor={`${id}-kind`}>Watch as</label>
          <select
            id={`${id}-kind`}
            ref={selectRef}
            value={kind}
            aria-describedby={[`${id}-note`, errorId].filter(Boolean).join(' ')}
            onChange={(event) => setKind(event.target.value as TaskKind)}
          >
            {TASK_KINDS.map((name) => (
              <option key={name} value={name}>
                {taskKindInfo(name).title}
              </option>
            ))}
          </select>
        </>
      )}
    </InlineEditForm>
  );
}
