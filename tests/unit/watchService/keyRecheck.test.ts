import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { createKeyRecheck } from '../../../src/main/core/watchService/keyRecheck';
import type { KeyTestOutcome } from '../../../src/main/core/watchService/watchServiceTypes';

function recheckAnswering(answers: KeyTestOutcome['verdict'][]) {
  const clock = new VirtualClock();
  const verdicts: string[] = [];
  let probes = 0;
  const recheck = createKeyRecheck({
    clock,
    probe: () => {
      probes += 1;
      return Promise.resolve({ verdict: answers.shift() ?? 'inconclusive', message: '' });
    },
    onVerdict: (verdict) => verdicts.push(verdict),
    retryDelaysMs: [1000, 5000],
  });
  return { clock, recheck, verdicts, probes: () => probes };
}

describe('checking a key saved while CAMB.AI could not be reached', () => {
  it('tries again on a backing-off timer until CAMB.AI says', async () => {
    const { clock, recheck, verdicts, probes } = recheckAnswering(['inconclusive', 'inconclusive', 'works']);
    recheck.start();
    await clock.advance(999);
    expect(probes()).toBe(0);
    await clock.advance(1);
    await recheck.whenIdle();
    expect(probes()).toBe(1);
    await clock.advance(5000);
    await recheck.whenIdle();
    expect(probes()).toBe(2);
    await clock.advance(5000);
    await recheck.whenIdle();
    expect(verdicts).toEqual(['works']);
    await clock.advance(60_000);
    expect(probes()).toBe(3);
  });

  it('tries at once when nudged (connectivity back), and not at all once stopped', async () => {
    const { clock, recheck, verdicts, probes } = recheckAnswering(['rejected']);
    recheck.nudge();
    expect(probes()).toBe(0);
    recheck.start();
    recheck.nudge();
    await recheck.whenIdle();
    expect(verdicts).toEqual(['rejected']);

    recheck.start();
    recheck.stop();
    await clock.advance(60_000);
    expect(probes()).toBe(1);
  });
});
