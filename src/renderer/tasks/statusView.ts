import { statusPhase } from '../../shared/taskStatus';
import { isStopped, type WatchedTask } from '../../shared/watchedTask';

export type StatusTone = 'checking' | 'pending' | 'ready' | 'failed' | 'stopped' | 'unknown';

export interface StatusView {
  readonly tone: StatusTone;
  /** A shape that tells the states apart without colour; hidden from screen readers (the text says it). */
  readonly glyph: string;
  readonly text: string;
  /** One sentence for the tooltip and the detail pane. */
  readonly description: string;
}

export function statusView(task: Pick<WatchedTask, 'status' | 'stoppedReason'>): StatusView {
  if (isStopped(task)) {
    return {
      tone: 'stopped',
      glyph: '■',
      text: 'Stopped',
      description: 'Not checked any more; use "Check now" to try again.',
    };
  }
  if (task.status === null) {
    return { tone: 'checking', glyph: '…', text: 'Checking…', description: 'Waiting for the first answer.' };
  }
  switch (statusPhase(task.status)) {
    case 'pending':
      return { tone: 'pending', glyph: '◔', text: 'Pending', description: 'CAMB.AI is still working on it.' };
    case 'succeeded':
      return { tone: 'ready', glyph: '✓', text: 'Ready', description: 'Finished: the result is ready.' };
    case 'failed':
      return {
        tone: 'failed',
        glyph: '✕',
        text: 'Failed',
        description: `CAMB.AI reported ${task.status}.`,
      };
    case 'unknown':
      return {
        tone: 'unknown',
        glyph: '?',
        text: task.status,
        description: `CAMB.AI reported "${task.status}", which CAMB Watch does not know; it keeps checking.`,
      };
  }
}
