import { THEMES, type E2eHarness } from './e2eHarness';

/**
 * Screenshots and axe for the page as it is, in every theme the run sweeps (light, and dark in the visual
 * project), motion reduced so nothing is caught mid-fade; back to light afterwards.
 */
export async function captureInThemes(h: E2eHarness, name: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await h.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await h.screenshot(`${name}-${colorScheme}`);
    await h.axe(`${name} (${colorScheme})`);
  }
  await h.page.emulateMedia({ colorScheme: 'light' });
}
