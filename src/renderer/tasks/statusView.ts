import {
  CircleCheck,
  CircleHelp,
  CircleX,
  Clock,
  CreditCard,
  LoaderCircle,
  Square,
  TimerOff,
  type LucideIcon,
} from 'lucide-react';
import {
  outcomeSentences,
  taskOutcome,
  type OutcomeFacts,
  type OutcomeKind,
} from '../../shared/format/taskOutcome';
import { isWatching } from '../../shared/watchedTask';
import { HOLD_SENTENCES, type PollingHold } from './pollingHold';

export type StatusTone = 'checking' | 'pending' | 'ready' | 'failed' | 'stopped' | 'unknown';

export interface StatusView {
  readonly tone: StatusTone;
  /** A shape that tells the states apart without colour; hidden from screen readers (the text says it). */
  readonly glyph: LucideIcon;
  readonly text: string;
  /** What is happening and what to do, for the tooltip and the detail pane. */
  readonly description: string;
  /** Whether the row should say `description` too: the task ended badly, was stopped, or waits on a hold. */
  readonly worthARowLine: boolean;
}

const LOOKS: Readonly<Record<OutcomeKind, { tone: StatusTone; glyph: LucideIcon }>> = {
  checking: { tone: 'checking', glyph: LoaderCircle },
  pending: { tone: 'pending', glyph: Clock },
  ready: { tone: 'ready', glyph: CircleCheck },
  'timed-out': { tone: 'failed', glyph: TimerOff },
  'out-of-credits': { tone: 'failed', glyph: CreditCard },
  failed: { tone: 'failed', glyph: CircleX },
  stopped: { tone: 'stopped', glyph: Square },
  unknown: { tone: 'unknown', glyph: CircleHelp },
};

/**
 * The task's badge and its sentence. `hold` is why the app checks nothing at the moment (no key, paused,
 * offline…): a task still being watched then says it waits for that, not that an answer is coming.
 */
export function statusView(task: OutcomeFacts, hold: PollingHold | null = null): StatusView {
  const outcome = taskOutcome(task);
  const look = LOOKS[outcome.kind];
  if (hold !== null && isWatching(task)) {
    return {
      ...look,
      text: outcome.kind === 'checking' ? 'Waiting' : outcome.word,
      description: HOLD_SENTENCES[hold],
      worthARowLine: true,
    };
  }
  return {
    ...look,
    text: outcome.word,
    description: outcomeSentences(outcome),
    worthARowLine: outcome.nextStep !== null,
  };
}
