import './failureAction.css';
import { useState, type MouseEvent } from 'react';
import { failureAction, type FailureAction } from '../../shared/format/failureAction';
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import { useAddNotice } from '../notices/noticeContext';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { useChangeKind, useKindChanged, type KindChanged } from './changeKind';

interface FailureActionButtonProps {
  readonly task: WatchedTask;
  readonly taskKey: TaskKey;
  /**
   * In the details the button is the failure's primary action and says what went wrong under it. On a row
   * it is a pointer's shortcut under the note, and says what went wrong as a notice: a listbox option can
   * hold no control (ARIA: its children are presentational; axe nested-interactive), so there it is drawn
   * as a button but is no tab stop and is hidden from screen readers — the note says the same next step,
   * and Enter on the row opens the details, where the real button is.
   */
  readonly place: 'details' | 'row';
  /** Default: the window's (KindChangedContext). */
  readonly onKindChanged?: KindChanged;
}

/**
 * A failed or stopped job's one action (shared/format/failureAction): "Top up credits" and "Open in
 * CAMB.AI studio" open the studio through the app's one way out (openExternalLink: https only, checked by
 * the app); "Switch to dub" watches the id as the kind CAMB.AI knows it as. Nothing when there is none.
 */
export function FailureActionButton({ task, taskKey, place, onKindChanged }: FailureActionButtonProps) {
  const action = failureAction(task);
  return action === null ? null : (
    <ActionButton action={action} taskKey={taskKey} place={place} onKindChanged={onKindChanged} />
  );
}

function ActionButton({
  action,
  taskKey,
  place,
  onKindChanged,
}: {
  readonly action: FailureAction;
  readonly taskKey: TaskKey;
  readonly place: 'details' | 'row';
  readonly onKindChanged: KindChanged | undefined;
}) {
  const bridge = useBridge();
  const addNotice = useAddNotice();
  const windowKindChanged = useKindChanged();
  const changeKind = useChangeKind(taskKey, onKindChanged ?? windowKindChanged);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function perform(): Promise<string | null> {
    if (action.type === 'switch-kind') return changeKind(action.kind);
    try {
      const outcome = await bridge.openExternalLink({ url: action.url });
      return outcome.ok ? null : outcome.message;
    } catch (caught) {
      return errorMessage(caught);
    }
  }

  function onClick(event: MouseEvent<HTMLElement>) {
    // On a row, the click is the button's, not the row's: it neither selects the row nor opens its details.
    event.stopPropagation();
    if (busy) return;
    setBusy(true);
    void perform().then((problem) => {
      setBusy(false);
      if (place === 'details') setError(problem);
      else if (problem !== null)
        addNotice({ level: 'warning', text: `${action.label}: ${problem}`, key: taskKey });
    });
  }

  if (place === 'row')
    return (
      <span
        className="failure-action-row"
        data-testid="failure-action"
        aria-hidden="true"
        aria-disabled={busy}
        onClick={onClick}
      >
        {action.label}
      </span>
    );
  return (
    <>
      <button
        type="button"
        className="primary failure-action"
        data-testid="failure-action"
        disabled={busy}
        onClick={onClick}
      >
        {action.label}
      </button>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
