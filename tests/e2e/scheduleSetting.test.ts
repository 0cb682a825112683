/**
 * When pending jobs are checked, chosen in Settings: learning from the user's jobs at first, a fixed pace
 * by age once chosen and kept across a restart, at the popover's size and at a desktop size, light and dark.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openSettings, useChromium } from './support/appPage';
import { THEMES, JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

describe.each(JOURNEY_VIEWPORTS)('check times in Settings ($name)', (viewport) => {
  it('learns from my jobs at first; a fixed pace by age, once chosen, is kept across a restart', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await openSettings(page, 'Checking');
    const group = page.getByRole('radiogroup', { name: 'Check times' });
    await group.scrollIntoViewIfNeeded();
    expect(await group.getByRole('radio', { name: /Learn from my jobs/ }).isChecked()).toBe(true);
    await group.getByText('Checks more often around the time jobs of that kind usually finish').waitFor();

    await group.getByRole('radio', { name: /Fixed pace by age/ }).click();
    await expect.poll(() => group.getByRole('radio', { name: /Fixed pace by age/ }).isChecked()).toBe(true);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await group.scrollIntoViewIfNeeded();
      await h.screenshot(`check-times-${viewport.width}-${colorScheme}`);
      await h.axe(`check times settings, ${viewport.name} (${colorScheme})`);
    }

    await h.restart();
    await openSettings(h.page, 'Checking');
    const again = h.page.getByRole('radiogroup', { name: 'Check times' });
    await expect.poll(() => again.getByRole('radio', { name: /Fixed pace by age/ }).isChecked()).toBe(true);
    expect(await again.getByRole('radio', { name: /Learn from my jobs/ }).isChecked()).toBe(false);
  });
});
