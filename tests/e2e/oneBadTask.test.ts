import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import {
  addTaskInPage,
  banner,
  openSettings,
  openTasks,
  statusOf,
  taskRow,
  useChromium,
} from './support/appPage';
import { createE2eHarness, JOURNEY_VIEWPORTS, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** The message "Check all now" leaves under itself in the title bar. */
async function checkAllNow(): Promise<string> {
  await h.page.getByRole('button', { name: 'Check all now' }).click();
  const message = h.page.getByRole('banner').getByRole('status');
  await message.waitFor();
  return (await message.innerText()).trim();
}

const problemNotifications = () => h.notifications.filter((n) => n.type === 'problem');

describe.each(JOURNEY_VIEWPORTS)('one bad task never silences the others ($name)', (viewport) => {
  it('stops only the task the key may not see, says why, and keeps checking the rest', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    h.server.addTask('story', 'mine', [step.pending({ untilMs: 60_000 }), step.success(7)]);
    h.server.addTask('story', 'theirs', step.pending());
    h.server.injectFaults(
      'story',
      'theirs',
      Array.from({ length: 50 }, () => faults.forbidden()),
    );

    await addTaskInPage(h.page, { taskId: 'mine', label: 'My story' });
    await addTaskInPage(h.page, { taskId: 'theirs', label: 'Shared story' });
    await h.advance(10_000);

    const theirs = taskRow(h.page, 'story:theirs');
    await expect.poll(() => statusOf(theirs)).toBe('Stopped');
    expect(await theirs.innerText()).toContain('may belong to another account');
    expect(await statusOf(taskRow(h.page, 'story:mine'))).toBe('Running');
    expect(await banner(h.page, 'auth').count()).toBe(0);
    expect(await checkAllNow()).toBe('Checking 1 task now.');

    await h.advance(2 * 60_000);
    await expect.poll(() => statusOf(taskRow(h.page, 'story:mine'))).toBe('Ready');
    expect(await banner(h.page, 'auth').count()).toBe(0);
    expect(problemNotifications()).toEqual([]);
    expect(h.server.requestCount('story', 'theirs')).toBe(1);
    await h.screenshot(`one-bad-task-forbidden-${viewport.width}`);
  });

  it('does not call CAMB.AI unreachable for one hung request among answered ones', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    for (const id of ['slow', 'quick', 'steady']) h.server.addTask('story', id, step.pending());
    h.server.injectFaults('story', 'slow', [faults.hang()]);
    for (const id of ['slow', 'quick', 'steady']) await addTaskInPage(h.page, { taskId: id });
    // The first checks go out paced; the hung request holds settle, so the clock is moved by hand.
    await h.clock.advance(1_000);
    await h.server.waitForRequests(3);
    await expect.poll(() => statusOf(taskRow(h.page, 'story:steady'))).toBe('Running');

    // The hung request holds the harness's settle: move the clock itself past the 15 s timeout.
    await h.clock.advance(15_000);
    await expect.poll(() => h.server.requestCount('story', 'slow')).toBe(2);
    await h.advance(60_000);

    await expect.poll(() => statusOf(taskRow(h.page, 'story:slow'))).toBe('Running');
    expect(await banner(h.page, 'offline').count()).toBe(0);
    expect(problemNotifications()).toEqual([]);
  });

  it('says why Check all now cannot check: paused, then no key', async () => {
    h = await createE2eHarness(chromium(), { viewport, colorScheme: 'dark' });
    h.server.addTask('story', 'waiting', step.pending());
    await addTaskInPage(h.page, { taskId: 'waiting' });
    await h.settle();

    await openSettings(h.page, 'Checking');
    await h.page.getByRole('checkbox', { name: /Pause polling/ }).click();
    await openTasks(h.page);
    await banner(h.page, 'paused').waitFor();
    expect(await checkAllNow()).toBe('Polling is paused. Resume polling to check tasks.');

    await h.web.service.clearApiKey();
    await banner(h.page, 'no-key').waitFor();
    expect(await checkAllNow()).toBe('Add your API key in Settings first.');
    await h.screenshot(`one-bad-task-check-all-no-key-${viewport.width}`);
  });
});
