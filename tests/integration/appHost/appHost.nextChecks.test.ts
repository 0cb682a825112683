import { afterEach, describe, expect, it } from 'vitest';
import type { AppSnapshot, PlannedCheck } from '../../../src/shared/contract';
import { newWatchedTask } from '../../../src/shared/watchedTask';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;
afterEach(async () => {
  await a.close();
});

const JOBS = 1000;

/** Every next check the window was told of, later news over earlier, as the window's task store keeps them. */
function followed(
  snapshot: AppSnapshot,
  events: readonly { planned: PlannedCheck[] }[],
): Map<string, number> {
  const plan = new Map(snapshot.nextChecks.map(({ key, nextCheckAt }) => [key, nextCheckAt ?? 0]));
  for (const { planned } of events)
    for (const { key, nextCheckAt } of planned)
      if (nextCheckAt === null) plan.delete(key);
      else plan.set(key, nextCheckAt);
  return plan;
}

describe('app host: next checks reach the window as the scheduler plans them', () => {
  it('tells a replan of 1,000 waiting jobs in one message, and the window then holds the new plan', async () => {
    a = await createAppHostHarness();
    // Polling held, so that nothing is sent: 1,000 running jobs, each last checked a minute ago, come back
    // from an exported list and wait for their next check.
    await a.invoke('setPollingPaused', { paused: true });
    const now = a.h.clock.now();
    const tasks = Array.from({ length: JOBS }, (_, i) => ({
      ...newWatchedTask('story', `job-${i}`, null, now - 10 * 60_000),
      status: 'PENDING',
      lastCheckAt: now - 60_000,
    }));
    const imported = (await a.invoke('importWatchList', { json: JSON.stringify({ tasks }) })) as {
      value: { added: string[] };
    };
    expect(imported.value.added).toHaveLength(JOBS);
    await Promise.resolve();
    const snapshot = (await a.invoke('getSnapshot')) as { value: AppSnapshot };
    expect(snapshot.value.nextChecks).toHaveLength(JOBS);
    expect(snapshot.value.tasks.some((task) => 'nextCheckAt' in task)).toBe(false);
    const told = a.eventsOf('nextChecks').length;

    await a.invoke('updateSettings', { responsiveness: 'frugal' });
    await Promise.resolve();
    const replan = a.eventsOf('nextChecks').slice(told);
    expect(replan).toHaveLength(1);
    expect(replan[0]?.planned).toHaveLength(JOBS);

    // The window's picture (snapshot, then events) is the core's plan, to the millisecond.
    const windowPlan = followed(snapshot.value, a.eventsOf('nextChecks').slice(told));
    const corePlan = new Map(a.h.service.nextChecks().map(({ key, nextCheckAt }) => [key, nextCheckAt]));
    expect(windowPlan).toEqual(corePlan);
  });

  it('tells a removed job and a finished one as no longer planned', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('story', 'ends', [step.pending({ polls: 1 }), step.success(7)]);
    a.h.server.addTask('story', 'goes', step.pending());
    a.h.service.add('story', 'ends');
    a.h.service.add('story', 'goes');
    await a.h.advance(60_000);
    a.h.service.remove('story:goes');
    await Promise.resolve();
    const last = new Map(
      a
        .eventsOf('nextChecks')
        .flatMap(({ planned }) => planned.map(({ key, nextCheckAt }) => [key, nextCheckAt])),
    );
    expect(a.h.service.get('story:ends')?.status).toBe('SUCCESS');
    expect(last.get('story:ends')).toBeNull();
    expect(last.get('story:goes')).toBeNull();
    expect(a.h.service.nextChecks()).toEqual([]);
  });
});
