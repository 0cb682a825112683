import { CAMB_STUDIO_BILLING_URL, CAMB_STUDIO_URL } from '../cambStudio';
import { isTaskKind, TASK_KIND_TABLE, type TaskKind } from '../taskKinds';
import { isStopped, type WatchedTask } from '../watchedTask';
import { taskKindInWords, taskOutcome } from './taskOutcome';

/**
 * The one thing a person can do about a job that ended badly, as a button on its row and in its details:
 * every failure's next step ("Top up your CAMB.AI credits…", "Submit it again") gets a way to do it. Pure,
 * so the row, the details and the tests read the same decision.
 */
export type FailureAction =
  | {
      readonly type: 'open-link';
      /** The button's words: "Top up credits", "Open in CAMB.AI studio". */
      readonly label: string;
      /** An https page of the CAMB.AI studio, opened in the browser through the app's one way out. */
      readonly url: string;
    }
  | {
      readonly type: 'switch-kind';
      /** "Switch to dub". */
      readonly label: string;
      /** The kind CAMB.AI knows the id as: the task is watched as that kind instead. */
      readonly kind: TaskKind;
    };

export type FailureFacts = Pick<
  WatchedTask,
  'kind' | 'status' | 'stoppedReason' | 'stopCause' | 'exceptionReason' | 'message' | 'suggestedKind'
>;

/** "Switch to dub", "Switch to translated story": the kind switch's button. */
export function switchKindLabel(kind: TaskKind): string {
  return `Switch to ${TASK_KIND_TABLE[kind].title.toLowerCase()}`;
}

/** The failure's one action, or null when it has none (still running, ready, or nothing to click helps). */
export function failureAction(task: FailureFacts): FailureAction | null {
  if (isStopped(task)) {
    // Only the id another kind knows has a fix in one click; a refused or foreign id needs the person.
    return task.stopCause === 'not-found' && task.suggestedKind !== null
      ? { type: 'switch-kind', label: switchKindLabel(task.suggestedKind), kind: task.suggestedKind }
      : null;
  }
  switch (taskOutcome(task).kind) {
    case 'out-of-credits':
      return { type: 'open-link', label: 'Top up credits', url: CAMB_STUDIO_BILLING_URL };
    case 'failed':
    case 'timed-out':
      // The job is submitted again where it was made: CAMB.AI's API has no "retry" for a task id.
      return { type: 'open-link', label: 'Open in CAMB.AI studio', url: CAMB_STUDIO_URL };
    default:
      return null;
  }
}

/**
 * The mix-up hint for a task CAMB.AI does not know under its kind, worded for that kind — "A dub id watched
 * as a story is not found." — or null: where the other kinds already named the right one (the switch says
 * it), for any other stop, and for kinds no other kind is mistaken for (speech, sound effects…).
 */
export function wrongKindHint(task: FailureFacts): string | null {
  if (!isStopped(task) || task.stopCause !== 'not-found' || task.suggestedKind !== null) return null;
  const other = TASK_KIND_TABLE[task.kind].confusedWith;
  if (other === null || !isTaskKind(other)) return null;
  const [asThis] = TASK_KIND_TABLE[task.kind].nouns;
  const theOther = taskKindInWords(other).replace(/ task$/u, ' id');
  const sentence = `${theOther} watched as ${/^[aeiou]/u.test(asThis) ? 'an' : 'a'} ${asThis} is not found.`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
}
