import type { VirtualClock } from '../../src/main/core/clock/virtualClock';

/**
 * Moves virtual time forward by `ms`, one timer at a time, letting real HTTP answers arrive and be handled
 * (`settle`, usually the service's whenIdle) before the clock moves again, so the code under test sees
 * events in the order real time would give them.
 */
export async function advanceVirtualTime(
  clock: VirtualClock,
  ms: number,
  settle: () => Promise<void>,
): Promise<void> {
  const target = clock.now() + ms;
  await settle();
  for (;;) {
    const due = clock.nextDueAt();
    if (due === null || due > target) break;
    await clock.advanceTo(due);
    await settle();
  }
  await clock.advanceTo(target);
  await settle();
}
