import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { addTaskInPage, statusOf, taskRow, useChromium } from './support/appPage';
import { createE2eHarness, JOURNEY_VIEWPORTS, type E2eHarness } from './support/e2eHarness';

/** Answers a hostile CAMB.AI could send, among working tasks: each stays that task's problem, in words. */

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const UNREADABLE = 'CAMB.AI sent an answer that could not be read; retrying';

describe.each(JOURNEY_VIEWPORTS)('hostile answers for one task among working ones ($name)', (viewport) => {
  it('a run_id above 2^53 and a 200,000-level nested answer are that task’s unreadable answers', async () => {
    h = await createE2eHarness(chromium(), {
      viewport,
      colorScheme: viewport.width > 800 ? 'dark' : 'light',
    });
    h.server.addTask('story', 'mine', [step.pending({ untilMs: 30_000 }), step.success(7)]);
    h.server.addTask('story', 'huge-run', step.pending());
    h.server.addTask('dub', 'nested', step.pending());
    h.server.injectFaults(
      'story',
      'huge-run',
      Array.from({ length: 50 }, () => faults.runIdAs('"99999999999999999999"')),
    );
    h.server.injectFaults(
      'dub',
      'nested',
      Array.from({ length: 20 }, () => faults.deeplyNested(200_000)),
    );

    await addTaskInPage(h.page, { taskId: 'mine', label: 'My story' });
    await addTaskInPage(h.page, { taskId: 'huge-run', label: 'Odd run id' });
    await addTaskInPage(h.page, { kind: 'dub', taskId: 'nested', label: 'Deep answer' });
    await h.advance(60_000);

    await expect.poll(() => statusOf(taskRow(h.page, 'story:mine'))).toBe('Ready');
    for (const key of ['story:huge-run', 'dub:nested'] as const) {
      await expect.poll(() => taskRow(h.page, key).innerText()).toContain(UNREADABLE);
    }
    await expect.poll(() => h.page.getByText('Something went wrong').count()).toBe(0);
    expect(await taskRow(h.page, 'story:mine').innerText()).not.toContain('100000000000000000000');

    // The page still takes changes after them, as a person would make them.
    h.server.addTask('story', 'after', step.pending());
    await addTaskInPage(h.page, { kind: 'story', taskId: 'after', label: 'Added after' });
    await expect.poll(() => taskRow(h.page, 'story:after').count()).toBe(1);
    await h.screenshot(`hostile-answers-${viewport.width}`);
  });
});
