import { useId, useState } from 'react';
import { isWatching } from '../../shared/watchedTask';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useBridge } from '../state/bridgeContext';
import { useTaskStore } from '../state/useTaskStore';
import { removedText, useRemoveWithUndo } from './removeWithUndo';
import { clearFinishedAsks, clearFinishedQuestion, type ClearPlan } from './removalQuestion';

interface ClearFinishedButtonProps {
  /** Runs the clearing and shows what it says (null: the Undo notice says it). */
  readonly run: (action: () => Promise<string | null>) => Promise<void>;
}

/**
 * Clear finished: takes the finished and stopped tasks, but leaves the endings not looked at yet unless the
 * person ticks the box in the question. It asks first when it takes many or when unseen endings are among
 * the finished ones (to say they stay); either way Undo (or Ctrl/Cmd+Z) puts them back.
 */
export function ClearFinishedButton({ run }: ClearFinishedButtonProps) {
  const bridge = useBridge();
  const store = useTaskStore();
  const id = useId();
  const { offerUndo } = useRemoveWithUndo();
  const [asking, setAsking] = useState<ClearPlan | null>(null);
  const [includeUnseen, setIncludeUnseen] = useState(false);

  function plan(): ClearPlan {
    const finished = store.keys().flatMap((key) => {
      const task = store.get(key);
      return task !== undefined && !isWatching(task) ? [task] : [];
    });
    const unseen = finished.filter((task) => task.unseen).length;
    return { seen: finished.length - unseen, unseen };
  }

  const clear = (withUnseen: boolean) =>
    run(async () => {
      const { tasks } = await bridge.clearFinished({ includeUnseen: withUnseen });
      if (tasks.length === 0) return 'No finished tasks to clear.';
      offerUndo(tasks, removedText(tasks, 'Cleared'));
      return null;
    });

  function start() {
    const now = plan();
    if (!clearFinishedAsks(now)) {
      void clear(false);
      return;
    }
    setIncludeUnseen(false);
    setAsking(now);
  }

  const question = asking === null ? null : clearFinishedQuestion(asking, includeUnseen);
  return (
    <>
      <button type="button" className="danger" onClick={start}>
        Clear finished tasks
      </button>
      {asking !== null && question !== null && (
        <ConfirmDialog
          title={question.title}
          message={question.message}
          confirmLabel={question.confirmLabel}
          confirmDisabled={asking.seen === 0 && !includeUnseen}
          onConfirm={() => {
            setAsking(null);
            void clear(includeUnseen);
          }}
          onCancel={() => setAsking(null)}
        >
          {asking.unseen > 0 && (
            <label className="toggle" htmlFor={`${id}-unseen`}>
              <input
                id={`${id}-unseen`}
                type="checkbox"
                checked={includeUnseen}
                onChange={(event) => setIncludeUnseen(event.target.checked)}
              />
              <span>Also clear the {asking.unseen} not looked at yet</span>
            </label>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
