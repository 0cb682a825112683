import type { NotificationSound } from '../../../shared/settings';
import type { TaskKey } from '../../../shared/watchedTask';

/**
 * What the shell shows as a desktop notification and the CLI or UI can show as a line. Models carry
 * finished words, so the front ends only display them; the keys say which tasks a click should open.
 */

export type TaskOutcome = 'succeeded' | 'failed';

/** One task reached an end: "Story ready" / "Chapter 1 (run 4242) after 4 min 12 s". */
export interface TaskNotification {
  readonly type: 'task';
  readonly taskKey: TaskKey;
  readonly outcome: TaskOutcome;
  /** The task's label or short id, kept for grouping ("… Chapter 1, Chapter 2 and 1 more"). */
  readonly taskName: string;
  readonly title: string;
  readonly body: string;
  /** What it sounds like, as the user chose for this outcome. */
  readonly sound: NotificationSound;
  /**
   * A failed or stopped job's one action, in words ("Top up credits", "Switch to dub"), as its window's
   * button says it (shared/format/failureAction); null or absent when it has none.
   */
  readonly fixLabel?: string | null;
}

/** Several tasks that ended in the same poll round, as one notification: "3 jobs finished". */
export interface GroupNotification {
  readonly type: 'group';
  readonly taskKeys: readonly TaskKey[];
  /** Those of `taskKeys` whose job failed. */
  readonly failedKeys: readonly TaskKey[];
  readonly title: string;
  readonly body: string;
  /** A failure among them sounds as a failure does; otherwise as a success. */
  readonly sound: NotificationSound;
}

export type ProblemKind = 'auth' | 'connectivity';

/** A problem with the key or the connection, once per episode: "CAMB.AI rejected your API key". */
export interface ProblemNotification {
  readonly type: 'problem';
  readonly problem: ProblemKind;
  readonly title: string;
  readonly body: string;
  /** A problem sounds as a failure does; the notifier leaves it to whoever knows the settings. */
  readonly sound?: NotificationSound;
}

/**
 * What a "taking longer than usual" notification offers where the OS shows actions: open the job in
 * CAMB.AI's studio, or keep waiting (close it; it is told once per job anyway). Ids, not labels: the
 * shell's action support words and wires them.
 */
export type LateAlertAction = 'open-studio' | 'keep-waiting';

/** One running job is past its kind's usual time, told once: "Dub taking longer than usual". */
export interface LateNotification {
  readonly type: 'late';
  readonly taskKey: TaskKey;
  readonly taskName: string;
  readonly title: string;
  readonly body: string;
  readonly sound: NotificationSound;
  readonly actions: readonly LateAlertAction[];
}

export type NotificationModel = TaskNotification | GroupNotification | ProblemNotification | LateNotification;
