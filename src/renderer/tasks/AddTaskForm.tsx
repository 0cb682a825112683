import './addTaskForm.css';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { WatchedTask } from '../../shared/watchedTask';
import { splitKindPrefix } from '../../shared/taskKindPrefix';
import { DEFAULT_TASK_KIND, TASK_KINDS, taskKindInfo, type TaskKind } from '../../shared/taskKinds';
import { useBridge } from '../state/bridgeContext';
import { useFocusTarget } from '../state/focusRequest';
import { errorMessage } from '../state/errorMessage';

/**
 * One line for a bare id; pasted create-call JSON shows up to six of its lines (not just its "{"), and
 * scrolls past that.
 */
function idFieldRows(text: string): number {
  return Math.min(6, text.split('\n').length);
}

/** Text pasted outside the form, to put into its id field; a new object for every paste. */
export interface PastedId {
  readonly text: string;
}

interface AddTaskFormProps {
  /** `added` is false when the task was already watched. */
  readonly onAdded: (task: WatchedTask, added: boolean) => void;
  /** Folds the form away (a "Close" button and Escape); without it the form cannot be folded. */
  readonly onClose?: () => void;
  readonly pasted?: PastedId | null;
}

/**
 * Kind, id (a bare id or the whole JSON a create call returns: the core reads either) and an optional
 * label. The core's message shows next to the id, and what was typed stays so it can be corrected.
 */
export function AddTaskForm({ onAdded, onClose, pasted = null }: AddTaskFormProps) {
  const bridge = useBridge();
  const id = useId();
  const idFieldRef = useRef<HTMLTextAreaElement>(null);
  // Opened on purpose (its button, Ctrl/Cmd+N): the id field takes the cursor when the form appears.
  useFocusTarget('addForm', idFieldRef);
  const [kind, setKind] = useState<TaskKind>(DEFAULT_TASK_KIND);
  const [taskId, setTaskId] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setNote(null);
    try {
      const trimmedLabel = label.trim();
      const outcome = await bridge.addTask({
        kind,
        taskId,
        ...(trimmedLabel === '' ? {} : { label: trimmedLabel }),
      });
      if (!outcome.ok) {
        setError(outcome.error);
        return;
      }
      setError(null);
      if (outcome.added) {
        setTaskId('');
        setLabel('');
      } else {
        setNote('Already watching this task.');
      }
      onAdded(outcome.task, outcome.added);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function changeTaskId(text: string) {
    // "dub:8c1f…" sets the kind and leaves the id, as the tray's "Add from clipboard" reads it.
    const prefixed = splitKindPrefix(text);
    if (prefixed !== null) setKind(prefixed.kind);
    setTaskId(prefixed?.rest ?? text);
    setNote(null);
  }

  // A new paste, not a re-render, fills the field (and the cursor goes there).
  const [filledFrom, setFilledFrom] = useState<PastedId | null>(null);
  if (pasted !== null && pasted !== filledFrom) {
    setFilledFrom(pasted);
    changeTaskId(pasted.text);
  }
  useEffect(() => {
    if (pasted !== null) idFieldRef.current?.focus();
  }, [pasted]);

  function onIdKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter adds, as in a one-line field; Shift+Enter still makes a new line for hand-edited JSON.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  }

  const describedBy = [`${id}-hint`, error !== null ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form
      className="add-task"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onClose !== undefined) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="add-task-header">
        <h2 id={`${id}-title`}>Add a task</h2>
        {onClose !== undefined && (
          <button type="button" className="quiet" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      <div className="add-task-fields">
        <label className="field field-kind">
          <span>Kind</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as TaskKind)}>
            {TASK_KINDS.map((name) => (
              <option key={name} value={name}>
                {taskKindInfo(name).title}
              </option>
            ))}
          </select>
        </label>
        <div className="field field-id">
          <label htmlFor={`${id}-task-id`}>Task id</label>
          <textarea
            id={`${id}-task-id`}
            rows={idFieldRows(taskId)}
            spellCheck={false}
            autoComplete="off"
            value={taskId}
            placeholder="Task id or create-call JSON"
            aria-invalid={error !== null}
            aria-describedby={describedBy}
            ref={idFieldRef}
            onChange={(event) => changeTaskId(event.target.value)}
            onKeyDown={onIdKeyDown}
          />
        </div>
        <label className="field field-label">
          <span>Label (optional)</span>
          <input
            type="text"
            value={label}
            maxLength={200}
            placeholder="e.g. Chapter 3 narration"
            onChange={(event) => setLabel(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Watch
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        A bare id such as <code>8c1f6a52-…</code> or the JSON <code>{'{ "task_id": "…" }'}</code> both work.
      </p>
      {error !== null && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      {note !== null && (
        <p className="field-note" role="status">
          {note}
        </p>
      )}
    </form>
  );
}
