/**
 * The demo's jobs start when the page is first opened, not when the host starts: a host left waiting
 * before anyone opens the address still has every job ahead of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { demoBannerLine, playDemoOnFirstPage } from '../../../src/webHost/demo/playDemoOnFirstPage';
import { startDemoSimulator, type DemoSimulator } from '../../../src/webHost/demo/startDemoSimulator';
import { createWebHostHarness, type WebHostHarness } from './webHostHarness';

let h: WebHostHarness;
let simulator: DemoSimulator;
afterEach(async () => {
  await h.close();
  await simulator.close();
});

describe('web host: the demo starts with the page', () => {
  it('adds no job until the page asks, then every job, once, from its start', async () => {
    const clock = new VirtualClock();
    simulator = await startDemoSimulator({ now: () => clock.now() });
    h = await createWebHostHarness({ apiBase: simulator.apiBase, clock });
    await h.web.service.setApiKey(simulator.apiKey);
    playDemoOnFirstPage(h.web, simulator);

    // Ten minutes pass before anyone opens the page: long enough for every demo job to have ended.
    await h.advance(600_000);
    expect(h.web.service.list()).toEqual([]);

    // The page's first request: the jobs are added, all still running.
    const first = await h.bridge.listTasks();
    expect(first.tasks).toEqual([]);
    await h.web.service.whenIdle();
    const started = (await h.bridge.listTasks()).tasks;
    expect(started).toHaveLength(simulator.jobs.length);
    expect(started.every((task) => task.status === 'PENDING' || task.status === null)).toBe(true);

    // A reload (more requests) adds nothing twice.
    await h.bridge.listTasks();
    await h.web.service.whenIdle();
    expect((await h.bridge.listTasks()).tasks).toHaveLength(simulator.jobs.length);

    expect(demoBannerLine(simulator)).toMatch(
      /start when you open the page.*Restart the host to play them again/u,
    );
  });
});
