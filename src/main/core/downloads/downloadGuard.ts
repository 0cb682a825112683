import type { Clock } from '../clock';
import { DownloadStalled } from './downloadErrors';

/**
 * What stops a download, whichever path moves its bytes: the user's cancel (`outer`), no byte for
 * `stallMs`, or a rule the transfer found broken. `reason` keeps the first cause, since an aborted fetch
 * or DownloadItem only says "aborted".
 */
export interface DownloadGuard {
  readonly signal: AbortSignal;
  readonly reason: Error | null;
  /** Bytes (or headers) arrived: the stall timeout starts again. */
  fed(): void;
  stop(reason: Error): void;
  /** The transfer ended: no more timers, no more listening to `outer`. */
  dispose(): void;
}

export class DownloadCancelled extends Error {
  constructor() {
    super('cancelled by the user');
    this.name = 'DownloadCancelled';
  }
}

export function guardDownload(outer: AbortSignal, clock: Clock, stallMs: number): DownloadGuard {
  const controller = new AbortController();
  let reason: Error | null = null;
  const stop = (cause: Error) => {
    reason ??= cause;
    controller.abort(cause);
  };
  const onCancel = () => stop(new DownloadCancelled());
  const stall = () => stop(new DownloadStalled(stallMs));
  outer.addEventListener('abort', onCancel, { once: true });
  if (outer.aborted) onCancel();
  let timer = clock.setTimer(stall, stallMs);
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    fed() {
      clock.clearTimer(timer);
      timer = clock.setTimer(stall, stallMs);
    },
    stop,
    dispose() {
      clock.clearTimer(timer);
      outer.removeEventListener('abort', onCancel);
    },
  };
}
