import { describe, expect, it } from 'vitest';
import {
  createRendererRecovery,
  MAX_RELOADS,
  RELOAD_WINDOW_MS,
} from '../../../src/main/core/window/rendererRecovery';
import type { Clock } from '../../../src/main/core/clock/clock';

function fixedClock(): Clock & { at: number } {
  const clock = {
    at: 1_000_000,
    now: () => clock.at,
    setTimer: () => {
      throw new Error('not used');
    },
    clearTimer: () => {},
  };
  return clock as unknown as Clock & { at: number };
}

describe('createRendererRecovery', () => {
  it('reloads after a crash, a kill or running out of memory; not after a clean exit', () => {
    const decide = createRendererRecovery(fixedClock());
    expect(decide('crashed')).toBe('reload');
    expect(decide('clean-exit')).toBe('leave');
    expect(decide('integrity-failure')).toBe('leave');
    expect(decide('oom')).toBe('reload');
  });

  it(`stops after ${MAX_RELOADS} reloads within a minute, and tries again once it has passed`, () => {
    const clock = fixedClock();
    const decide = createRendererRecovery(clock);
    for (let i = 0; i < MAX_RELOADS; i++) expect(decide('crashed')).toBe('reload');
    expect(decide('crashed')).toBe('leave');
    clock.at += RELOAD_WINDOW_MS;
    expect(decide('crashed')).toBe('reload');
  });
});
