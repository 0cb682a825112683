import type { TaskKey } from '../../shared/watchedTask';
import { ConfirmDialog } from '../common/ConfirmDialog';
import type { RemovalQuestion } from './removalQuestion';

/** A removal waiting for its answer: the tasks, where the cursor goes after, and what to ask. */
export interface PendingRemoval {
  readonly keys: readonly TaskKey[];
  readonly next: TaskKey | null;
  readonly question: RemovalQuestion;
}

/** "Remove 12 tasks?" before a removal that takes many or unseen endings; Cancel is the safe default. */
export function RemovalConfirm({
  pending,
  onAnswer,
}: {
  readonly pending: PendingRemoval;
  readonly onAnswer: (confirmed: boolean) => void;
}) {
  const { title, message, confirmLabel } = pending.question;
  return (
    <ConfirmDialog
      title={title}
      message={message}
      confirmLabel={confirmLabel}
      onConfirm={() => onAnswer(true)}
      onCancel={() => onAnswer(false)}
    />
  );
}
