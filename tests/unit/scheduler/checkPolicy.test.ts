import { describe, expect, it } from 'vitest';
import { adaptivePolicy } from '../../../src/main/core/scheduler/adaptivePolicy';
import type { DueCandidate } from '../../../src/main/core/scheduler/budgetChoice';
import type { DueChecks } from '../../../src/main/core/scheduler/checkPolicy';
import { durationAwarePolicy, starvationLimitMs } from '../../../src/main/core/scheduler/durationAwarePolicy';
import {
  adaptiveInterval,
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
} from '../../../src/main/core/scheduler/pollInterval';
import { budgetRoundMs } from '../../../src/main/core/scheduler/rateBudget';
import { taskKey } from '../../../src/shared/watchedTask';
import { around, modelsWith } from './durations';

const NOW = 10 * 3600_000;
const BALANCED = 0.1;

/** Due checks as a policy sees them: every candidate is due; `asked` the ones the user asked for. */
function due(candidates: readonly DueCandidate[], roundMs = 0): DueChecks {
  const [first] = [...candidates].sort((a, b) => a.item.dueAt - b.item.dueAt);
  if (first === undefined) throw new Error('a policy is asked only when a check is due');
  return {
    first: () => first.item,
    askedFor: () => candidates.find((candidate) => candidate.urgent)?.item,
    dueBy: () => candidates,
    roundMs: () => roundMs,
  };
}

const candidate = (id: string, dueAt: number, overrides: Partial<DueCandidate> = {}): DueCandidate => ({
  item: { key: taskKey('tts', id), dueAt },
  kind: 'tts',
  addedAt: NOW - 600_000,
  lastCheckAt: dueAt - 30_000,
  urgent: false,
  ...overrides,
});

describe('check policies', () => {
  it('adaptive: paces by age and sends what the user asked for, else the most overdue', () => {
    const policy = adaptivePolicy(adaptiveInterval);
    expect(policy.pace('story', 100_000, BALANCED)).toEqual({ intervalMs: 10_000, atLeastMs: 0 });
    const overdue = candidate('overdue', NOW - 5_000);
    const asked = candidate('asked', NOW - 1_000, { urgent: true });
    expect(policy.next(due([overdue, candidate('later', NOW)]), NOW)).toEqual(overdue.item);
    expect(policy.next(due([overdue, asked]), NOW)).toEqual(asked.item);
  });

  it('duration-aware without history is the adaptive policy, as promised', () => {
    const policy = durationAwarePolicy(() => modelsWith(), adaptiveInterval);
    const adaptive = adaptivePolicy(adaptiveInterval);
    expect(policy.pace('tts', 100_000, BALANCED)).toEqual(adaptive.pace('tts', 100_000, BALANCED));
    const checks = due([candidate('a', NOW - 5_000), candidate('b', NOW - 1_000, { urgent: true })]);
    expect(policy.next(checks, NOW)).toEqual(adaptive.next(checks, NOW));
  });

  it('duration-aware with history paces a known kind from it, never under 3 s, and others by age', () => {
    const policy = durationAwarePolicy(() => modelsWith({ tts: around(20_000) }), adaptiveInterval);
    expect(policy.pace('tts', 18_000, BALANCED).atLeastMs).toBe(MIN_INTERVAL_MS);
    expect(policy.pace('dub', 100_000, BALANCED)).toEqual({ intervalMs: 10_000, atLeastMs: 0 });
  });

  it('lets a job that waited past the starvation limit (three rounds of the budget) go ahead of likelier ones', () => {
    const models = modelsWith({ tts: around(20_000), dub: around(2 * 3600_000) });
    const policy = durationAwarePolicy(() => models, adaptiveInterval);
    const roundMs = budgetRoundMs(1_000, 220);
    // One round of the budget is the polled jobs times the spacing; three of them make the limit.
    expect(starvationLimitMs(roundMs)).toBe(3 * 220_000);
    expect(starvationLimitMs(budgetRoundMs(10, 220))).toBe(MAX_INTERVAL_MS);
    const likely = candidate('likely', NOW - 1_000, { addedAt: NOW - 60_000, lastCheckAt: NOW - 50_000 });
    // A dub of minutes, last seen at its start, is unlikely to have finished: only starving puts it first.
    const dub = (lastCheckAt: number) =>
      candidate('dub', NOW, {
        kind: 'dub',
        addedAt: lastCheckAt,
        lastCheckAt,
        item: { key: taskKey('dub', 'd'), dueAt: NOW },
      });
    const starved = dub(NOW - 3 * 220_000 - 1);
    expect(policy.next(due([likely, starved], roundMs), NOW)).toEqual(starved.item);
    expect(policy.next(due([likely, starved], budgetRoundMs(2_000, 220)), NOW)).toEqual(likely.item);
  });
});
