import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { addTaskInPage, openSettings, openTasks, statusOf, taskRow, useChromium } from './support/appPage';
import { THEMES, createE2eHarness, JOURNEY_VIEWPORTS, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const soundFor = (outcome: 'succeeds' | 'fails') =>
  h.page.getByRole('combobox', { name: `Sound when a task ${outcome}` });
const doNotDisturb = () => h.page.getByRole('group', { name: 'Do not disturb' });

/** Settings in light and dark, with axe, as the views suite draws every view. */
async function capture(name: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await h.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await h.screenshot(`${name}-${colorScheme}`);
    await h.axe(`${name} (${colorScheme})`);
  }
}

describe.each(JOURNEY_VIEWPORTS)('notification sounds and Do not disturb in Settings ($name)', (viewport) => {
  it('are kept across a restart; what finished while quiet arrives as one summary with the chosen sound', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    h.server.addTask('story', 'fine', [step.pending({ untilMs: 20_000 }), step.success(3)]);
    h.server.addTask('dub', 'broken', [step.pending({ untilMs: 40_000 }), step.error('SOURCE_TOO_LONG')]);
    await openSettings(h.page);
    await soundFor('succeeds').selectOption({ label: 'No sound' });
    await soundFor('fails').selectOption({ label: 'CAMB Watch chime' });
    // The chime is the app's own sound: the system's Do Not Disturb cannot silence it, and Settings says so.
    const chimeNote = h.page.getByText('The chime plays even while your system’s Do Not Disturb or Focus');
    await expect.poll(() => chimeNote.count()).toBe(1);
    expect(await chimeNote.isVisible()).toBe(true);
    await doNotDisturb().getByRole('button', { name: 'For 1 hour' }).click();
    await expect.poll(() => doNotDisturb().innerText()).toMatch(/On until \d\d:\d\d: notifications wait/u);
    await capture(`settings-sound-dnd-${viewport.width}`);

    await h.restart();
    await openSettings(h.page);
    expect(await soundFor('succeeds').inputValue()).toBe('none');
    expect(await soundFor('fails').inputValue()).toBe('chime');
    expect(await doNotDisturb().innerText()).toContain('On until');

    await openTasks(h.page);
    await addTaskInPage(h.page, { taskId: 'fine' });
    await addTaskInPage(h.page, { taskId: 'broken', kind: 'dub' });
    await h.advance(2 * 60_000);
    await expect.poll(() => statusOf(taskRow(h.page, 'dub:broken'))).toBe('Failed');
    expect(h.notifications).toEqual([]);

    await openSettings(h.page);
    await doNotDisturb().getByRole('button', { name: 'Turn off Do not disturb' }).click();
    await expect.poll(() => doNotDisturb().innerText()).toContain('Off.');
    expect(h.notifications).toEqual([
      expect.objectContaining({
        body: '2 jobs finished while Do not disturb was on: 1 succeeded, 1 failed.',
        sound: 'chime',
      }),
    ]);
  });
});
