import type { WebHost } from '../server/webHostTypes';
import type { DemoSimulator } from './startDemoSimulator';

/**
 * Adds the demo's jobs when the page first asks the host anything, not when the host starts: the
 * simulated jobs move on each check, so added at start they would be half played (or over) by the time
 * someone opens the address. Reloading the page does not replay them; the host's banner says so.
 */
export function playDemoOnFirstPage(web: WebHost, simulator: DemoSimulator): void {
  let played = false;
  const stop = web.observeTraffic((entry) => {
    if (played || entry.direction !== 'request') return;
    played = true;
    // Not from inside the listener: the request that woke it is still being handled.
    queueMicrotask(() => {
      stop();
      for (const job of simulator.jobs) web.service.add(job.kind, job.taskId, job.label);
    });
  });
}

/** The host's banner line about the demo. */
export function demoBannerLine(simulator: DemoSimulator): string {
  return (
    `  Demo: a simulated CAMB.AI at ${simulator.apiBase}; its ${simulator.jobs.length} jobs start when you open ` +
    'the page (the demo key is set). Restart the host to play them again.'
  );
}
