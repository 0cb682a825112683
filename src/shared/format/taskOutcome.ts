import { TASK_KIND_TABLE, type TaskKind } from '../taskKinds';
import { statusPhase } from '../taskStatus';
import { isStopped, type StopCause, type WatchedTask } from '../watchedTask';

/**
 * What a task's state is, in words a person reads, and what to do next. One module, so the window's
 * badge, the tray menu and the notifications all say the same thing; no raw API enum reaches a reader
 * (an undocumented status is quoted as the API sent it, marked as unknown, so it can be reported).
 */

export type OutcomeKind =
  'checking' | 'pending' | 'ready' | 'timed-out' | 'out-of-credits' | 'failed' | 'stopped' | 'unknown';

export interface TaskOutcome {
  readonly kind: OutcomeKind;
  /** The badge word: "Ready", "Timed out", "Out of credits". */
  readonly word: string;
  /** What happened, as one sentence. */
  readonly summary: string;
  /** What the person can do about it, as one sentence; null when nothing is needed. */
  readonly nextStep: string | null;
  /** CAMB.AI's own explanation of a failure (reason in words, and its message), when it gave one. */
  readonly detail: string | null;
}

export type OutcomeFacts = Pick<
  WatchedTask,
  'status' | 'stoppedReason' | 'stopCause' | 'exceptionReason' | 'message'
> &
  Partial<Pick<WatchedTask, 'suggestedKind'>>;

/** Reasons CAMB.AI documents or is known to send, in the words a person would use. */
const REASON_WORDS: Readonly<Record<string, string>> = {
  HARMFUL_CONTENT_DETECTED: 'harmful content detected',
  PAYMENT_REQUIRED: 'out of credits',
  TIMEOUT: 'timed out',
};

/**
 * CAMB.AI's `exception_reason` in words: known reasons by name, other SHOUTED_SNAKE_CASE or CamelCase
 * codes split into lower-case words ("VoiceNotFound" → "voice not found"); free text is kept as it is.
 */
export function reasonInWords(reason: string): string {
  const known = REASON_WORDS[reason.trim()];
  if (known !== undefined) return known;
  const code = reason.trim();
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(code) || /^[A-Z0-9_]{4,}$/.test(code))
    return code.toLowerCase().replace(/_+/g, ' ');
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/.test(code))
    return code.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return code;
}

function failureDetail(task: OutcomeFacts): string | null {
  const reason =
    task.exceptionReason !== null && task.exceptionReason.trim() !== ''
      ? reasonInWords(task.exceptionReason)
      : null;
  const message = task.message !== null && task.message.trim() !== '' ? task.message.trim() : null;
  const parts = [reason, message].filter((part): part is string => part !== null);
  // A message that only repeats the reason adds nothing.
  const unique = parts.filter(
    (part, index) => parts.findIndex((other) => other.toLowerCase() === part.toLowerCase()) === index,
  );
  return unique.length === 0 ? null : unique.join(': ');
}

const STOPPED: Readonly<Record<StopCause, { summary: string; nextStep: string }>> = {
  'not-found': {
    summary: 'CAMB.AI does not know this task.',
    // The mix-up hint, worded for the task's kind, is the details' (failureAction.ts: wrongKindHint).
    nextStep: 'Check the id and its kind, then add it again.',
  },
  invalid: {
    summary: 'CAMB.AI refused this task id.',
    nextStep: 'Check that the whole id was copied and that its kind is right, then add it again.',
  },
  forbidden: {
    summary: 'This API key has no access to this task.',
    nextStep:
      'Check the id, or use the key of the CAMB.AI account that made the task: it may belong to another account.',
  },
};

/** Text as one sentence: a capital first letter and one final full stop. */
function asSentence(text: string): string {
  const trimmed = text.trim().replace(/[.\s]+$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

function stoppedOutcome(task: OutcomeFacts): TaskOutcome {
  const known = task.stopCause === null ? undefined : STOPPED[task.stopCause];
  // Another kind knows the id: the next step is the switch its button makes, not "add it again".
  const switchTo = task.stopCause === 'not-found' ? task.suggestedKind : null;
  return {
    kind: 'stopped',
    word: 'Stopped',
    summary: known?.summary ?? asSentence(task.stoppedReason ?? 'CAMB.AI will not report on this task'),
    nextStep:
      switchTo !== null && switchTo !== undefined
        ? `It is ${taskKindInWords(switchTo)}: switch to ${TASK_KIND_TABLE[switchTo].title.toLowerCase()}.`
        : (known?.nextStep ?? 'Check the id and its kind, then use Check now.'),
    detail: null,
  };
}

function messageOf(task: OutcomeFacts): string | null {
  return task.message !== null && task.message.trim() !== '' ? task.message.trim() : null;
}

/** The task's state in words, with its next step. */
export function taskOutcome(task: OutcomeFacts): TaskOutcome {
  if (isStopped(task)) return stoppedOutcome(task);
  const quiet = { nextStep: null, detail: null };
  if (task.status === null)
    return { ...quiet, kind: 'checking', word: 'Checking…', summary: 'Waiting for the first answer.' };
  switch (statusPhase(task.status)) {
    case 'pending':
      return { ...quiet, kind: 'pending', word: 'Running', summary: 'CAMB.AI is still working on it.' };
    case 'succeeded':
      return { ...quiet, kind: 'ready', word: 'Ready', summary: 'Finished: the result is ready.' };
    case 'unknown':
      return {
        ...quiet,
        kind: 'unknown',
        word: 'Unknown status',
        summary: `CAMB.AI reported "${task.status}", a status CAMB Watch does not know; it keeps checking.`,
      };
    case 'failed':
      break;
  }
  if (task.status === 'TIMEOUT') {
    return {
      kind: 'timed-out',
      word: 'Timed out',
      summary: 'CAMB.AI gave up on this job.',
      nextStep: 'Submit it again.',
      detail: messageOf(task),
    };
  }
  if (task.status === 'PAYMENT_REQUIRED') {
    return {
      kind: 'out-of-credits',
      word: 'Out of credits',
      summary: 'The CAMB.AI account ran out of credits for this job.',
      nextStep: 'Top up your CAMB.AI credits, then resubmit it.',
      detail: messageOf(task),
    };
  }
  const detail = failureDetail(task);
  return {
    kind: 'failed',
    word: 'Failed',
    summary: detail === null ? 'CAMB.AI could not finish this job.' : asSentence(detail),
    nextStep: 'Submit the job again once its cause is fixed.',
    detail,
  };
}

/** What happened and what to do, as one line: "CAMB.AI gave up on this job. Submit it again." */
export function outcomeSentences(outcome: TaskOutcome): string {
  return outcome.nextStep === null ? outcome.summary : `${outcome.summary} ${outcome.nextStep}`;
}

/** "Failed: harmful content detected", "Timed out", "Stopped": the word, with a failure's reason. */
export function outcomeHeadline(outcome: TaskOutcome): string {
  return outcome.kind === 'failed' && outcome.detail !== null
    ? `${outcome.word}: ${outcome.detail}`
    : outcome.word;
}

/** "a dub task", "a speech task": a kind as the words of a sentence. */
export function taskKindInWords(kind: TaskKind): string {
  const title = TASK_KIND_TABLE[kind].title.toLowerCase();
  return `${/^[aeiou]/u.test(title) ? 'an' : 'a'} ${title} task`;
}

/** The question under a stopped task whose id another kind knows: "This id is a dub task — switch?". */
export function kindSuggestionQuestion(kind: TaskKind): string {
  return `This id is ${taskKindInWords(kind)} — switch?`;
}

/** The same for a notification, where there is nothing to click but the notification itself. */
export function kindSuggestionSentences(watched: TaskKind, suggested: TaskKind): string {
  return `CAMB.AI does not know this id as ${taskKindInWords(watched)}, but as ${taskKindInWords(suggested)}. Open it to switch.`;
}
