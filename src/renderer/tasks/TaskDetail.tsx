import './taskDetail.css';
import { useState, type RefObject } from 'react';
import { wrongKindHint } from '../../shared/format/failureAction';
import { isTerminalStatus } from '../../shared/taskStatus';
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import type { TaskDownloads } from '../state/appStatus';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { useNextCheck, useTask } from '../state/useTaskStore';
import { CopyableValue } from './CopyableValue';
import { DetailEstimate } from './DetailEstimate';
import { RelativeTime } from './RelativeTime';
import { RenameForm } from './RenameForm';
import { TaskResult } from '../results/TaskResult';
import { MutedMark, StatusBadge } from './StatusBadge';
import { StatusHistory } from './StatusHistory';
import { statusView } from './statusView';
import { checkedNowMessage } from './checkNowMessage';
import { taskProblem } from './taskProblem';
import { KindSuggestion, TaskKindFact, type KindChanged } from './TaskKindControl';
import { FailureActionButton } from './FailureActionButton';
import { useRemoveWithUndo } from './removeWithUndo';

/**
 * Whether "About this job" was last left open: a person who unfolds it to read the facts finds it unfolded
 * on the next task too (for as long as the window lives).
 */
let aboutOpenBefore = false;

function rememberAboutOpen(open: boolean): boolean {
  aboutOpenBefore = open;
  return open;
}

interface TaskDetailProps {
  readonly taskKey: TaskKey;
  readonly downloads: TaskDownloads | undefined;
  readonly onRemoved: (key: TaskKey) => void;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  /** The task is watched as another kind now, under a new key. */
  readonly onKindChanged?: KindChanged;
}

/**
 * Everything about one task, what it gave first: its status, a failure's one action or the result (its
 * player, its files), then what can be done with it; the facts and the status history fold under "About
 * this job". The heading takes focus when asked to.
 */
export function TaskDetail({ taskKey, downloads, onRemoved, headingRef, onKindChanged }: TaskDetailProps) {
  const task = useTask(taskKey);
  if (task === undefined) {
    return (
      <section className="task-detail" aria-labelledby="task-detail-title">
        <h2 id="task-detail-title" ref={headingRef} tabIndex={-1}>
          Task details
        </h2>
        <p>This task is no longer watched.</p>
      </section>
    );
  }
  return (
    <TaskDetailBody
      key={taskKey}
      task={task}
      taskKey={taskKey}
      downloads={downloads}
      onRemoved={onRemoved}
      headingRef={headingRef}
      {...(onKindChanged === undefined ? {} : { onKindChanged })}
    />
  );
}

interface TaskDetailBodyProps extends TaskDetailProps {
  readonly task: WatchedTask;
}

function TaskDetailBody({
  task,
  taskKey,
  downloads,
  onRemoved,
  headingRef,
  onKindChanged = () => undefined,
}: TaskDetailBodyProps) {
  const bridge = useBridge();
  const nextCheckAt = useNextCheck(taskKey);
  const [renaming, setRenaming] = useState(false);
  const { remove } = useRemoveWithUndo();
  const [aboutOpen, setAboutOpen] = useState(aboutOpenBefore);
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  // "Checking now." waits for the check it announced: the task's next lastCheckAt replaces it.
  const [checkAskedAfter, setCheckAskedAfter] = useState<number | null | undefined>(undefined);
  if (checkAskedAfter !== undefined && task.lastCheckAt !== null && task.lastCheckAt !== checkAskedAfter) {
    setCheckAskedAfter(undefined);
    setMessage(checkedNowMessage(task));
  }

  async function act(action: () => Promise<unknown>, done: string | null = null) {
    try {
      await action();
      setFailed(false);
      setMessage(done);
    } catch (error) {
      setFailed(true);
      setMessage(errorMessage(error));
    }
  }

  async function checkNow() {
    // Said before asking: the check's answer can arrive before the request's own reply.
    setCheckAskedAfter(task.lastCheckAt);
    setFailed(false);
    setMessage('Checking now.');
    try {
      await bridge.checkNow({ key: taskKey });
    } catch (error) {
      setCheckAskedAfter(undefined);
      setFailed(true);
      setMessage(errorMessage(error));
    }
  }

  async function rename(label: string): Promise<string | null> {
    try {
      await bridge.renameTask({ key: taskKey, label: label.trim() === '' ? null : label });
      setRenaming(false);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  const problem = taskProblem(task);
  const view = statusView(task);
  // A finished job has nothing left to check, and no ending left to be told of.
  const finished = isTerminalStatus(task.status);
  const hint = wrongKindHint(task);
  return (
    <section className="task-detail" aria-labelledby="task-detail-title">
      <h2 id="task-detail-title" ref={headingRef} tabIndex={-1}>
        {task.label?.trim() || task.taskId}
      </h2>
      <p className="task-detail-status">
        <StatusBadge task={task} /> {task.muted && <MutedMark />}{' '}
        <span className="muted-text">{view.description}</span>
      </p>
      {problem !== null && (
        <p className="task-detail-problem">
          <strong>{task.exceptionReason !== null ? 'Reason: ' : 'Problem: '}</strong>
          {problem}
        </p>
      )}
      {task.suggestedKind !== null ? (
        <KindSuggestion task={task} taskKey={taskKey} onChanged={onKindChanged} />
      ) : (
        <div className="task-detail-action">
          <FailureActionButton task={task} taskKey={taskKey} place="details" onKindChanged={onKindChanged} />
        </div>
      )}
      {hint !== null && <p className="task-detail-hint muted-text">{hint}</p>}
      {/* A running job's time left is what its details are opened for: it is not folded with the facts. */}
      <dl className="facts task-detail-estimate">
        <DetailEstimate task={task} />
      </dl>

      {task.status === 'SUCCESS' && <TaskResult key={String(task.runId)} task={task} downloads={downloads} />}

      {renaming ? (
        <RenameForm initial={task.label ?? ''} onSave={rename} onCancel={() => setRenaming(false)} />
      ) : (
        <div className="button-row task-detail-actions">
          {!finished && (
            <button type="button" onClick={() => void checkNow()}>
              Check now
            </button>
          )}
          <button type="button" onClick={() => setRenaming(true)}>
            Rename
          </button>
          {!finished && (
            <button
              type="button"
              aria-pressed={task.muted}
              onClick={() => void act(() => bridge.setMuted({ key: taskKey, muted: !task.muted }))}
            >
              {task.muted ? 'Unmute notifications' : 'Mute notifications'}
            </button>
          )}
          <button
            type="button"
            className="danger"
            aria-keyshortcuts="Delete"
            onClick={() =>
              // No confirmation: the notice that follows offers Undo.
              void remove([taskKey]).then((gone) => gone.length > 0 && onRemoved(taskKey))
            }
          >
            Remove
          </button>
        </div>
      )}
      {message !== null && (
        <p className={failed ? 'field-error' : 'field-note'} role="status">
          {message}
        </p>
      )}

      {/* What the job is and how it went: there when wanted, below what can be done with it. */}
      <details
        className="task-about"
        open={aboutOpen}
        onToggle={(event) => setAboutOpen(rememberAboutOpen(event.currentTarget.open))}
      >
        <summary>About this job</summary>
        <dl className="facts">
          <dt>Kind</dt>
          <dd>
            <TaskKindFact task={task} taskKey={taskKey} onChanged={onKindChanged} />
          </dd>
          <dt>Task id</dt>
          <dd>
            <CopyableValue value={task.taskId} name="task id" />
          </dd>
          {task.runId !== null && (
            <>
              <dt>Run id</dt>
              <dd>
                <CopyableValue value={String(task.runId)} name="run id" />
              </dd>
            </>
          )}
          <dt>Added</dt>
          <dd>
            <RelativeTime at={task.addedAt} direction="past" />
          </dd>
          <dt>Last check</dt>
          <dd>
            {task.lastCheckAt === null ? 'Not yet' : <RelativeTime at={task.lastCheckAt} direction="past" />}
          </dd>
          {nextCheckAt !== null && (
            <>
              <dt>Next check</dt>
              <dd>
                <RelativeTime at={nextCheckAt} direction="future" approximate />
              </dd>
            </>
          )}
          {task.finishedAt !== null && (
            <>
              <dt>Finished</dt>
              <dd>
                <RelativeTime at={task.finishedAt} direction="past" />
              </dd>
            </>
          )}
        </dl>
        <section aria-labelledby="task-history-title">
          <h3 id="task-history-title">Status history</h3>
          <StatusHistory task={task} />
        </section>
      </details>
    </section>
  );
}
