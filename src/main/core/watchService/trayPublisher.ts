import type { DurationModels } from '../../../shared/durations';
import type { WatchedTask } from '../../../shared/watchedTask';
import type { Clock, TimerHandle } from '../clock';
import { trayAttentionEndsAt, trayModel, type TrayConditions, type TrayModel } from '../tray';

export interface TrayPublisherOptions {
  readonly clock: Clock;
  readonly tasks: () => readonly WatchedTask[];
  readonly conditions: () => TrayConditions;
  /** How long jobs usually take, for the soonest expected finish; without it the tray does not say. */
  readonly durations?: () => DurationModels;
  /** Hears of each tray model that differs from the last one published. */
  readonly publish: (tray: TrayModel) => void;
}

/** Up to this many tasks a recompute costs well under a millisecond: it follows every change at once. */
export const TRAY_INSTANT_TASKS = 500;
/**
 * Beyond TRAY_INSTANT_TASKS, the least time between two recomputes that follow changes, per task held.
 * A recompute reads every task (and estimates every running job's finish): after every add of a burst
 * into a long list, that made adding n jobs cost n² (5,000 adds through the contract: 21.7 s). Spaced
 * in proportion to the list, the recomputes take a bounded share of the time however long the list, and
 * each add costs the same; the tray of 5,000 jobs lags a change by at most half a second.
 */
export const TRAY_SPACING_MS_PER_TASK = 0.1;

/** How long after a recompute over `taskCount` tasks the next one triggered by a change may come. */
export function traySpacingMs(taskCount: number): number {
  return taskCount <= TRAY_INSTANT_TASKS ? 0 : Math.ceil(taskCount * TRAY_SPACING_MS_PER_TASK);
}

/**
 * Keeps the tray model current: recomputed when asked (after any change), published only when it differs,
 * and recomputed by itself when a failure leaves its attention window, when no other event may come.
 */
export function createTrayPublisher(options: TrayPublisherOptions) {
  const { clock } = options;
  let lastText = '';
  let expiryTimer: TimerHandle | null = null;
  let expiryAt: number | null = null;
  let disposed = false;
  /** When the last recompute ran, and how many tasks it read: together they say when the next may come. */
  let refreshedAt = -Infinity;
  let refreshedCount = 0;

  const current = (): TrayModel =>
    trayModel(options.tasks(), options.conditions(), clock.now(), options.durations?.());

  function armExpiry(tasks: readonly WatchedTask[]): void {
    const endsAt = disposed ? null : trayAttentionEndsAt(tasks, clock.now());
    if (endsAt === expiryAt) return;
    if (expiryTimer !== null) clock.clearTimer(expiryTimer);
    expiryTimer = null;
    expiryAt = endsAt;
    if (endsAt === null) return;
    expiryTimer = clock.setTimer(() => {
      expiryTimer = null;
      expiryAt = null;
      refresh();
    }, endsAt - clock.now());
  }

  function refresh(): void {
    if (disposed) return;
    cancelSpacedRefresh();
    const tasks = options.tasks();
    refreshedAt = clock.now();
    refreshedCount = tasks.length;
    armExpiry(tasks);
    const tray = trayModel(tasks, options.conditions(), refreshedAt, options.durations?.());
    const text = JSON.stringify(tray);
    if (text === lastText) return;
    lastText = text;
    options.publish(tray);
  }

  // Recomputing reads every task: changes made together (a burst of adds) share one recompute, and in a
  // long list changes that keep coming share one per traySpacingMs.
  let queued = false;
  let spacedTimer: TimerHandle | null = null;
  function cancelSpacedRefresh(): void {
    if (spacedTimer !== null) clock.clearTimer(spacedTimer);
    spacedTimer = null;
  }
  function refreshSoon(): void {
    if (queued || spacedTimer !== null || disposed) return;
    const waitMs = refreshedAt + traySpacingMs(refreshedCount) - clock.now();
    if (waitMs > 0) {
      spacedTimer = clock.setTimer(() => {
        spacedTimer = null;
        refresh();
      }, waitMs);
      return;
    }
    queued = true;
    queueMicrotask(() => {
      queued = false;
      refresh();
    });
  }

  return {
    current,
    refresh,
    /** As refresh, once for every change made before the current task ends. */
    refreshSoon,
    dispose(): void {
      disposed = true;
      cancelSpacedRefresh();
      if (expiryTimer !== null) clock.clearTimer(expiryTimer);
      expiryTimer = null;
    },
  };
}
