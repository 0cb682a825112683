/**
 * Issue 19 item 11, the smaller frictions: Settings one section at a time (a side list in a desktop-sized
 * window, a picker in the popover) instead of one long scroll; Import as a button that says the chosen
 * file's name; check-time wording that does not contradict itself; where the key is kept said once; Do
 * not disturb shown on the list while it is on; pasted multi-line JSON shown as more than its "{". With
 * one task CAMB.AI does not know among working ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  openAddForm,
  openSettings,
  openTasks,
  showSettingsSection,
  statusOf,
  taskIdField,
  taskRow,
  useChromium,
  type SettingsSectionTitle,
} from './support/appPage';
import { JOURNEY_VIEWPORTS, THEMES, createE2eHarness, type E2eHarness } from './support/e2eHarness';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { DEVELOPMENT_KEY_WHERE } from '../../src/webHost/server/developmentSecrets';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const SECTIONS: readonly SettingsSectionTitle[] = [
  'API key',
  'Notifications',
  'Checking',
  'Saving results',
  'Start-up and updates',
  'Window and look',
  'Watch list',
];

/** The shape of the element Playwright's page function sees (this project has no DOM types). */
interface Scrolling {
  readonly scrollHeight: number;
  readonly clientHeight: number;
}

async function watchTwoAndAStranger(h: E2eHarness): Promise<void> {
  h.server.addTask('story', 'chapter-1', [step.pending({ polls: 1 }), step.success(4242)]);
  h.server.addResult('story', 4242, { audio_url: 'https://example.invalid/a.flac', transcript: [] });
  h.server.addTask('dub', 'trailer-dub', step.pending());
  h.web.service.add('story', 'chapter-1', 'Chapter 1 narration');
  h.web.service.add('dub', 'trailer-dub', 'Trailer (Spanish dub)');
  h.web.service.add('story', 'mistyped-id', 'Typo');
  await h.advance(2 * 60_000);
  await expect.poll(() => statusOf(taskRow(h.page, 'story:chapter-1'))).toBe('Ready');
  await expect.poll(() => statusOf(taskRow(h.page, 'story:mistyped-id'))).toBe('Stopped');
}

describe.each(JOURNEY_VIEWPORTS)('settings in sections and the smaller frictions ($name)', (viewport) => {
  it('shows one section at a time, each short enough to read without a long scroll', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchTwoAndAStranger(h);
    await openSettings(page);

    const narrow = viewport.width < 720;
    const sideList = page.getByRole('navigation', { name: 'Settings sections' });
    const picker = page.getByRole('combobox', { name: 'Section' });
    // The popover picks a section from a drop-down; a desktop window lists them at the side.
    expect(await sideList.isVisible()).toBe(!narrow);
    expect(await picker.isVisible()).toBe(narrow);
    if (!narrow) expect(await sideList.getByRole('button').allInnerTexts()).toEqual(SECTIONS);
    // A key is set: Settings opens on Notifications, the section changed most.
    await page.getByRole('group', { name: 'Notifications' }).waitFor();

    const view = page.locator('.settings-view');
    for (const section of SECTIONS) {
      await showSettingsSection(page, section);
      if (!narrow) {
        const current = sideList.getByRole('button', { name: section, exact: true });
        expect(await current.getAttribute('aria-current')).toBe('page');
      }
      // Once 1,856 px of scroll at 420×640; now at most about a screen and a half per section.
      const { scrollHeight, clientHeight } = await view.evaluate((element: Scrolling) => ({
        scrollHeight: element.scrollHeight,
        clientHeight: element.clientHeight,
      }));
      expect(scrollHeight, section).toBeLessThanOrEqual(clientHeight * 1.6);
      for (const colorScheme of THEMES) {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await h.screenshot(
          `settings-section-${section.replace(/\W+/gu, '-')}-${viewport.width}-${colorScheme}`,
        );
        await h.axe(`settings section ${section}, ${viewport.name} (${colorScheme})`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('says where the key is kept once, and words the check choices without contradicting each other', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await openSettings(page, 'API key');
    const section = page.locator('.settings-page');
    await expect.poll(() => section.innerText()).toContain('Key set');
    const text = await section.innerText();
    expect(text.split(DEVELOPMENT_KEY_WHERE).length - 1).toBe(1);
    expect(text).not.toContain('A key you save here is kept in');

    await showSettingsSection(page, 'Checking');
    const responsiveness = page.getByRole('radiogroup', { name: 'Polling responsiveness' });
    const balanced = await responsiveness
      .getByRole('radio', { name: /Balanced/ })
      .locator('..')
      .innerText();
    // How often is one choice and when is the other: Balanced no longer claims a fixed pace.
    expect(balanced).not.toMatch(/fixed pace|tenth/u);
    const schedule = page.getByRole('radiogroup', { name: 'Check times' });
    await schedule.getByText('Checks about every tenth of a job’s age so far, whatever its kind.').waitFor();
    await schedule.getByText('Checks more often around the time jobs of that kind usually finish').waitFor();
  });

  it('imports from a button that names the chosen file, never the browser’s bare file input', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchTwoAndAStranger(h);
    await openSettings(page, 'Watch list');
    expect(await page.locator('input[type="file"]').isVisible()).toBe(false);
    expect(await page.locator('.settings-page').innerText()).not.toMatch(/No file chosen|Choose File/u);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import watch list…' }).click();
    const list = {
      format: 'camb-watch/watch-list',
      version: 1,
      tasks: [{ kind: 'tts', taskId: 'from-a-friend', label: 'Greeting from a friend' }],
    };
    await (
      await chooser
    ).setFiles({
      name: 'friends-list.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(list)),
    });
    await expect
      .poll(() => page.getByTestId('import-file-name').innerText())
      .toBe('File chosen: friends-list.json');
    await page.locator('.import-report').waitFor();
    await h.screenshot(`settings-import-${viewport.width}`);
    await openTasks(page);
    await taskRow(page, 'tts:from-a-friend').waitFor();
    // The stranger is still there among the working ones, and nothing else moved.
    expect(await statusOf(taskRow(page, 'story:mistyped-id'))).toBe('Stopped');
  });

  it('shows Do not disturb on the list while it is on, and pasted JSON as more than its first line', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchTwoAndAStranger(h);
    const indicator = page.getByTestId('do-not-disturb-indicator');
    expect(await indicator.count()).toBe(0);

    await openSettings(page, 'Notifications');
    await page.getByRole('button', { name: 'For 1 hour' }).click();
    await page.getByRole('button', { name: 'Turn off Do not disturb' }).waitFor();
    await openTasks(page);
    await expect.poll(() => indicator.innerText()).toMatch(/^Do not disturb until \d\d:\d\d$/u);
    const box = await indicator.boundingBox();
    expect(box !== null && box.x + box.width <= viewport.width).toBe(true);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await h.screenshot(`list-do-not-disturb-${viewport.width}-${colorScheme}`);
      await h.axe(`list with Do not disturb on, ${viewport.name} (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // An hour on, it has ended by itself and the list says nothing more.
    await h.advance(61 * 60_000);
    await expect.poll(() => indicator.count()).toBe(0);

    await openAddForm(page);
    const pasted = JSON.stringify({ task_id: 'b7e1c2d4', run_id: null, status: 'PENDING' }, null, 2);
    await taskIdField(page).fill(pasted);
    const field = taskIdField(page);
    // The box grows to show the JSON's lines (up to six), not a lone "{".
    expect(await field.getAttribute('rows')).toBe('5');
    const height = (await field.boundingBox())?.height ?? 0;
    expect(height).toBeGreaterThan(80);
    await h.screenshot(`add-form-pasted-json-${viewport.width}`);
  });
});
