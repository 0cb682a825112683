import type { Clock } from '../clock';
import { MINUTE_MS } from '../../../shared/time';

/** Why Electron says a page's process ended (RenderProcessGoneDetails.reason). */
export type RendererGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

/** A page that keeps dying is not reloaded for ever: at most this many reloads in the window below. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = MINUTE_MS;

/**
 * Decides whether a window whose page process is gone gets its page back. A crash, a kill or running out
 * of memory leaves a blank window, so it is reloaded — unless it happened MAX_RELOADS times within a
 * minute (a page that crashes at load would spin); a clean exit or a failed integrity check is not retried.
 */
export function createRendererRecovery(clock: Clock): (reason: RendererGoneReason) => 'reload' | 'leave' {
  const reloads: number[] = [];
  return (reason) => {
    if (reason === 'clean-exit' || reason === 'integrity-failure') return 'leave';
    const now = clock.now();
    while (reloads.length > 0 && now - (reloads[0] ?? now) >= RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) return 'leave';
    reloads.push(now);
    return 'reload';
  };
}
