/**
 * The next check a task's details show is the scheduler's live plan: switching the responsiveness in Settings
 * replans every waiting job at once, and the list shows the new time without waiting for another check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { openSettings, openTasks, taskRow, useChromium } from './support/appPage';
import { BOTH_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { unfoldAboutThisJob } from './support/taskDetails';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

// The desktop window: list and Settings side by side with the row in view (the narrow layout is walked
// by the other journeys).
const WIDE = BOTH_VIEWPORTS[1];

describe('the next check follows a change of responsiveness', () => {
  it('moves the details\' "Next check" when Frugal is chosen, for the working job; the faulty one shows none', async () => {
    h = await createE2eHarness(chromium(), { openPage: false, viewport: WIDE });
    h.server.addTask('story', 'working', step.pending());
    // The fixed pace by age: each check is a tenth (balanced) or a fifth (frugal) of the job's age away.
    h.web.service.updateSettings({ schedule: 'adaptive' });
    h.web.service.add('story', 'working', 'Working job');
    h.web.service.add('story', 'unknown-to-camb', 'Faulty job');
    const planned = () =>
      h.web.service.nextChecks().find((check) => check.key === 'story:working')?.nextCheckAt ?? 0;
    // Five minutes old and just checked: its next check is half a minute away, a minute once frugal.
    await h.advance(5 * 60_000);
    await h.advance(planned() - h.clock.now());
    await h.settle();
    await h.openPage();
    const { page } = h;

    // The row keeps to one time; when the next check comes is a fact of the details.
    const nextCheck = (name: string) =>
      page.getByRole('region', { name }).locator('dt:text-is("Next check") + dd');
    const shownAt = async () =>
      Date.parse((await nextCheck('Working job').locator('time').getAttribute('datetime')) ?? '');
    await taskRow(page, 'story:working').click();
    // The check times are facts folded under "About this job"; it stays open once unfolded.
    await unfoldAboutThisJob(page);
    const before = planned();
    expect(before).toBeGreaterThan(h.clock.now() + 20_000);
    await expect.poll(shownAt).toBe(before);
    const textBefore = await nextCheck('Working job').innerText();
    expect(textBefore).toMatch(/^in about \d+ s$/u);
    expect(await taskRow(page, 'story:working').innerText()).not.toMatch(/Next check|Checked/u);
    // The faulty job is not polled: there is no next check to show for it.
    await expect.poll(() => h.web.service.get('story:unknown-to-camb')?.stopCause).toBe('not-found');
    await taskRow(page, 'story:unknown-to-camb').click();
    await page.getByRole('region', { name: 'Faulty job' }).waitFor();
    expect(await nextCheck('Faulty job').count()).toBe(0);
    await taskRow(page, 'story:working').click();
    await expect.poll(shownAt).toBe(before);
    const requests = h.server.requestCount('story', 'working');

    await openSettings(page, 'Checking');
    const responsiveness = page.getByRole('radiogroup', { name: 'Polling responsiveness' });
    await responsiveness.getByRole('radio', { name: /Frugal/ }).click();
    await expect.poll(() => responsiveness.getByRole('radio', { name: /Frugal/ }).isChecked()).toBe(true);
    await openTasks(page);

    // The scheduler replanned the waiting job further out, and the row shows exactly that at once: no
    // time has passed and no check was made since.
    const after = planned();
    expect(after).toBeGreaterThan(before + 20_000);
    await expect.poll(shownAt).toBe(after);
    // About a minute (jitter may shorten a check by up to 5 %), where it said about half a minute.
    const textAfter = await nextCheck('Working job').innerText();
    expect(textAfter).toMatch(/^in about (5\d s|1 min)$/u);
    expect(textAfter).not.toBe(textBefore);
    expect(h.server.requestCount('story', 'working')).toBe(requests);
    await h.screenshot('next-check-after-frugal-1280');

    // The new plan holds: the next request goes when the row now says, not when it said before.
    await h.advance(before - h.clock.now());
    await h.settle();
    expect(h.server.requestCount('story', 'working')).toBe(requests);
    await h.advance(after - h.clock.now());
    await h.settle();
    expect(h.server.requestCount('story', 'working')).toBe(requests + 1);
  });
});
