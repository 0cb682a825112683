import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost } from '../../src/webHost/server/startWebHost';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { canMountSmallDisk, createFaultyDisk, type FaultyDisk } from '../support/faultyDisk';
import { addTaskInPage, banner, statusOf, taskRow, useChromium } from './support/appPage';
import { createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness | null = null;
let disk: FaultyDisk | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  disk?.dispose();
  disk = null;
});

describe('saving the watch list fails, seen in the browser', () => {
  it.skipIf(!canMountSmallDisk())(
    'shows a banner that says the disk is full and to free space, in a window opened later too, until saving works',
    async () => {
      disk = createFaultyDisk();
      h = await createE2eHarness(chromium(), { stateDir: disk.dir });
      const { page } = h;
      h.server.addTask('story', 'works-1', [step.pending({ polls: 1 }), step.success(501)]);
      h.server.addTask('dub', 'failed-2', step.error('VoiceNotFound', 'Voice 12 does not exist'));
      await addTaskInPage(page, { taskId: 'works-1', label: 'Chapter one' });
      await addTaskInPage(page, { kind: 'dub', taskId: 'failed-2', label: 'Trailer dub' });
      await h.advance(5_000);
      expect(await banner(page, 'not-saving').count()).toBe(0);

      h.server.addTask('story', 'added-on-full-disk', [step.pending()]);
      disk.fill();
      await addTaskInPage(page, { kind: 'story', taskId: 'added-on-full-disk', label: 'Added while full' });
      await h.advance(5_000);

      const notSaving = banner(page, 'not-saving');
      await notSaving.waitFor();
      const text = (await notSaving.locator('.banner-text').textContent()) ?? '';
      expect(text).toBe(
        `Changes are not being saved. The watch list cannot be saved: the disk holding ${disk.dir} is full. Free some space on it, for example by emptying the trash or removing large files. Nothing you confirmed is lost, and saving is tried again by itself; until it works, a change that cannot be kept is refused with a message.`,
      );
      // Checking goes on: the working job still reaches its ending, the failed one says why.
      await h.advance(30_000);
      await expect.poll(() => statusOf(taskRow(page, 'story:works-1'))).toBe('Ready');
      await expect.poll(() => statusOf(taskRow(page, 'dub:failed-2'))).toBe('Failed');
      await h.screenshot('saving-state-disk-full');
      // The banner's long sentence in the small popover window, dark: wrapped, nothing cut.
      await page.setViewportSize({ width: 420, height: 640 });
      await page.emulateMedia({ colorScheme: 'dark' });
      await h.screenshot('saving-state-disk-full-small-dark');
      await page.setViewportSize({ width: 1280, height: 800 });

      // A window opened after the failure (no toast reached it) sees the same banner.
      const later = await page.context().newPage();
      await later.goto(h.web.url);
      await banner(later, 'not-saving').waitFor();
      expect(await banner(later, 'not-saving').locator('.banner-text').textContent()).toBe(text);

      disk.unfill();
      await h.advance(5_000);
      await notSaving.waitFor({ state: 'detached' });
      await banner(later, 'not-saving').waitFor({ state: 'detached' });
      await later.close();

      // The add was acknowledged because its journal line fitted on the full disk: it is kept across a restart.
      await h.restart();
      expect(h.web.service.list().map((task) => task.taskId)).toContain('added-on-full-disk');
      await taskRow(h.page, 'story:added-on-full-disk').waitFor();
      expect(await banner(h.page, 'not-saving').count()).toBe(0);
    },
  );

  it('refuses a second web host on the same state folder, in a sentence saying who holds it', async () => {
    h = await createE2eHarness(chromium());
    await expect(startWebHost({ stateDir: h.stateDir, environment: {} })).rejects.toThrow(
      `The watch list in ${h.stateDir} is already in use by the web host (process ${process.pid}). Only one program may use it at a time, or changes get lost: quit that one first, or give this one a folder of its own.`,
    );
    // The first one still works.
    await addTaskInPage(h.page, { taskId: 'still-works' });
    await taskRow(h.page, 'story:still-works').waitFor();
  });
});
