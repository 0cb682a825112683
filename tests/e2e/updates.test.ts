/**
 * The app's own updates in Settings, in a real browser at both window sizes: what the web host says (it
 * never updates), and, with a scripted updater standing in for electron-updater, a check, a download with
 * its progress and "Restart to update", driven on the virtual clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  FIRST_CHECK_DELAY_MS,
  RELEASES_PAGE_URL,
  updateAvailability,
  WEB_HOST_REASON,
} from '../../src/main/core/updates';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { scriptedUpdater } from '../support/scriptedUpdater';
import { openSettings, useChromium } from './support/appPage';
import { JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const updatesSection = () => h.page.getByRole('group', { name: 'Updates' });
const updateStatus = () => updatesSection().getByRole('status');
const slug = (name: string) => name.split(' ')[0];

/** One faulty task among working ones: updates go on (or say why not) regardless. */
async function watchAFineStoryAndABrokenDub(): Promise<void> {
  h.server.addTask('story', 'fine-story', step.pending());
  h.server.addTask('dub', 'broken-dub', step.error('HARMFUL_CONTENT_DETECTED'));
  h.web.service.add('story', 'fine-story', 'A fine story');
  h.web.service.add('dub', 'broken-dub', 'A broken dub');
  await h.settle();
}

/** The failed dub is told once, as a notice; dismissed, it covers nothing. */
async function dismissTheBrokenDubNotice(): Promise<void> {
  const notices = h.page.getByRole('status', { name: 'Notices' });
  await notices.getByText(/A broken dub/).waitFor();
  await notices.getByRole('button', { name: 'Dismiss notice' }).click();
}

describe.each(JOURNEY_VIEWPORTS)('updates in Settings ($name)', (viewport) => {
  it('the development web host says it never updates, and offers nothing that would not work', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    await openSettings(h.page, 'Start-up and updates');
    await expect.poll(() => updateStatus().textContent()).toBe(WEB_HOST_REASON);
    expect(await updatesSection().getByRole('button').count()).toBe(0);
    expect(await updatesSection().getByRole('checkbox').count()).toBe(0);
    await updatesSection().scrollIntoViewIfNeeded();
    await h.screenshot(`updates-not-available-${slug(viewport.name)}`);
  });

  it('an unsigned macOS copy says updates are off and why, and opens the releases page (a failing task alongside)', async () => {
    const unsigned = updateAvailability({
      packaged: true,
      platform: 'darwin',
      appImagePath: undefined,
      packageType: null,
      hasUpdateConfig: true,
      developerIdSigned: false,
    });
    if (unsigned.available) throw new Error('An unsigned macOS copy must not update itself');
    h = await createE2eHarness(chromium(), { viewport, updatesUnavailable: unsigned });
    await watchAFineStoryAndABrokenDub();
    await openSettings(h.page, 'Start-up and updates');
    await expect.poll(() => updateStatus().textContent()).toBe(unsigned.reason);
    expect(unsigned.reason).toMatch(/not signed with an Apple Developer ID/);
    // Nothing that would not work here: no Check now, no automatic-check switch.
    expect(await updatesSection().getByRole('checkbox').count()).toBe(0);
    expect(await updatesSection().getByRole('button', { name: 'Check now' }).count()).toBe(0);
    // A minute on: the tasks are polled, the broken dub is told, and still nothing is checked for updates.
    await h.advance(FIRST_CHECK_DELAY_MS);
    expect(await updateStatus().textContent()).toBe(unsigned.reason);
    await dismissTheBrokenDubNotice();

    await updatesSection().scrollIntoViewIfNeeded();
    await h.screenshot(`updates-unsigned-mac-${slug(viewport.name)}-light`);
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(`updates-unsigned-mac-${slug(viewport.name)}-dark`);
    await h.axe(`updates-unsigned-mac-${slug(viewport.name)}`);

    await updatesSection().getByRole('button', { name: 'Open the releases page' }).click();
    await expect.poll(() => h.web.openedLinks).toEqual([RELEASES_PAGE_URL]);
    // Opened outside without a word of error.
    expect(await updatesSection().getByRole('alert').count()).toBe(0);
  });

  it('checks after launch, shows the download, then "Restart to update" (a failing task alongside)', async () => {
    const updater = scriptedUpdater();
    h = await createE2eHarness(chromium(), { viewport, updater: updater.port });
    await watchAFineStoryAndABrokenDub();
    await openSettings(h.page, 'Start-up and updates');
    await expect.poll(() => updateStatus().textContent()).toBe('Not checked yet.');
    const automatic = updatesSection().getByRole('checkbox', { name: /Check for updates automatically/ });
    expect(await automatic.isChecked()).toBe(true);

    await h.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
    await dismissTheBrokenDubNotice();
    await expect.poll(() => updateStatus().textContent()).toBe('Checking for updates…');
    await updater.answer({ type: 'available', version: '1.2.0' });
    updater.emit({ type: 'progress', percent: 42 });
    await expect.poll(() => updateStatus().textContent()).toBe('Downloading version 1.2.0: 42 %');
    await updatesSection().scrollIntoViewIfNeeded();
    await h.screenshot(`updates-downloading-${slug(viewport.name)}`);

    updater.emit({ type: 'downloaded', version: '1.2.0' });
    const restart = updatesSection().getByRole('button', { name: 'Restart to update' });
    await restart.waitFor();
    expect(await updateStatus().textContent()).toBe(
      'Version 1.2.0 is ready. It is installed when you restart CAMB Watch or quit it from its icon.',
    );
    await updatesSection().scrollIntoViewIfNeeded();
    await h.screenshot(`updates-ready-${slug(viewport.name)}-light`);
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(`updates-ready-${slug(viewport.name)}-dark`);
    await h.axe(`updates-ready-${slug(viewport.name)}`);

    await restart.click();
    await expect.poll(() => updater.installs).toBe(1);
  });
});
