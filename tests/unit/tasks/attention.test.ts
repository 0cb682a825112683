import { describe, expect, it } from 'vitest';
import { filtersOf } from '../../../src/renderer/state/taskCategory';
import { trayModel } from '../../../src/main/core/tray/trayModel';
import { attentionRank } from '../../../src/shared/taskOrder';
import { newWatchedTask, wantsAttention, type WatchedTask } from '../../../src/shared/watchedTask';

const NOW = 1_800_000_000_000;

function task(status: string | null, stoppedReason: string | null = null): WatchedTask {
  return {
    ...newWatchedTask('story', `${status ?? 'none'}-${stoppedReason ?? 'none'}`, null, NOW - 1000),
    status,
    stoppedReason,
    finishedAt: status === null || status === 'PENDING' ? null : NOW - 500,
  };
}

const CASES: readonly [WatchedTask, boolean][] = [
  [task(null), false],
  [task('PENDING'), false],
  [task('QUEUED'), false],
  [task('SUCCESS'), false],
  [task('ERROR'), true],
  [task('TIMEOUT'), true],
  [task('PAYMENT_REQUIRED'), true],
  [task(null, 'CAMB.AI does not know this task'), true],
  [task('PENDING', 'refused'), true],
];

describe('what needs the user: one rule for the list, the filter and the tray', () => {
  it.each(CASES)('%o wants attention: %s', (watched, wanted) => {
    expect(wantsAttention(watched)).toBe(wanted);
    // "Needs me first" puts it right after the unseen endings …
    expect(attentionRank({ ...watched, unseen: false }) === 1).toBe(wanted);
    // … the Failed filter counts it …
    expect(filtersOf(watched).includes('failed')).toBe(wanted);
    // … and the tray's icon asks for attention (a failure within its day).
    const icon = trayModel(
      [watched],
      { connectivity: 'online', authProblem: false, paused: false },
      NOW,
    ).icon;
    expect(icon === 'attention').toBe(wanted);
  });
});
