import type { DurationModels } from '../../../shared/durations';
import type { WatchedTask } from '../../../shared/watchedTask';
import type { Clock, TimerHandle } from '../clock/clock';
import { trayAttentionEndsAt, trayModel, type TrayConditions, type TrayModel } from '../tray/trayModel';

export interface TrayPublisherOptions {
  readonly clock: Clock;
  readonly tasks: () => readonly WatchedTask[];
  readonly conditions: () => TrayConditions;
  /** How long jobs usually take, for the soonest expected finish; without it the tray does not say. */
  readonly durations?: () => DurationModels;
  /** Hears of each tray model that differs from the last one published. */
  readonly publish: (tray: TrayModel) => void;
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

  const current = (): TrayModel =>
    trayModel(options.tasks(), options.conditions(), clock.now(), options.durations?.());

  function armExpiry(): void {
    const endsAt = disposed ? null : trayAttentionEndsAt(options.tasks(), clock.now());
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
    armExpiry();
    const tray = current();
    const text = JSON.stringify(tray);
    if (text === lastText) return;
    lastText = text;
    options.publish(tray);
  }

  return {
    current,
    refresh,
    dispose(): void {
      disposed = true;
      if (expiryTimer !== null) clock.clearTimer(expiryTimer);
      expiryTimer = null;
    },
  };
}
