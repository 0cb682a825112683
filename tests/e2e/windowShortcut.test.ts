/**
 * The keyboard shortcut that shows and hides the window, chosen in Settings: off at first, one choice kept
 * across a restart, at the popover's size and at a desktop size, light and dark.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openSettings } from './support/appPage';
import { THEMES, JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { useChromium } from './support/appPage';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

describe.each(JOURNEY_VIEWPORTS)('the window shortcut in Settings ($name)', (viewport) => {
  it('is off at first; a chosen one is kept across a restart', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await openSettings(page, 'Window and look');
    const group = page.getByRole('radiogroup', { name: 'Shortcut to show and hide CAMB Watch' });
    await group.scrollIntoViewIfNeeded();
    expect(await group.getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    await page.getByText('The desktop app listens for it in every app; this browser tab cannot.').waitFor();

    // A click, not check(): the choice shows once the app has claimed and saved it.
    await group.getByRole('radio', { name: 'Ctrl+Alt+W' }).click();
    await expect.poll(() => group.getByRole('radio', { name: 'Ctrl+Alt+W' }).isChecked()).toBe(true);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await group.scrollIntoViewIfNeeded();
      await h.screenshot(`window-shortcut-${viewport.width}-${colorScheme}`);
      await h.axe(`window shortcut settings, ${viewport.name} (${colorScheme})`);
    }

    await h.restart();
    await openSettings(h.page, 'Window and look');
    const again = h.page.getByRole('radiogroup', { name: 'Shortcut to show and hide CAMB Watch' });
    await expect.poll(() => again.getByRole('radio', { name: 'Ctrl+Alt+W' }).isChecked()).toBe(true);
  });
});
