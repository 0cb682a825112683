import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { journalFileFor } from '../../src/main/core/persistence/actionJournal';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { newWatchedTask } from '../../src/shared/watchedTask';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { addTaskInPage, banner, statusOf, taskRow, useChromium } from './support/appPage';
import { createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** Each row's key, name line and status, in list order: what a user would compare after a restart. */
async function listAsShown(harness: E2eHarness): Promise<string[]> {
  const rows = harness.page.getByTestId('task-row');
  const shown: string[] = [];
  for (const row of await rows.all()) {
    const name = await row.locator('.task-name').textContent();
    shown.push(`${await row.getAttribute('data-task-key')} | ${name} | ${await statusOf(row)}`);
  }
  return shown;
}

describe('the state folder, seen in the browser', () => {
  it('keeps the list (labels and statuses) when the host restarts on the same folder', async () => {
    h = await createE2eHarness(chromium());
    h.server.addTask('story', 'done-1', step.success(101));
    h.server.addTask('dub', 'slow-2', step.pending());
    h.server.addTask('tts', 'broken-3', step.error('VoiceNotFound', 'Voice 12 does not exist'));
    await addTaskInPage(h.page, { taskId: 'done-1', label: 'Finished chapter' });
    await addTaskInPage(h.page, { kind: 'dub', taskId: 'slow-2', label: 'Trailer dub' });
    await addTaskInPage(h.page, { kind: 'tts', taskId: 'broken-3' });
    await h.advance(60_000);
    await expect.poll(() => statusOf(taskRow(h.page, 'tts:broken-3'))).toBe('Failed');
    await expect.poll(() => statusOf(taskRow(h.page, 'story:done-1'))).toBe('Ready');
    await expect.poll(() => statusOf(taskRow(h.page, 'dub:slow-2'))).toBe('Running');
    const before = await listAsShown(h);
    expect(before).toHaveLength(3);
    const tasksBefore = h.web.service.list();

    const oldUrl = h.web.url;
    await h.restart();
    expect(h.web.url).not.toBe(oldUrl);
    await taskRow(h.page, 'story:done-1').waitFor();
    expect(await listAsShown(h)).toEqual(before);
    expect(before).toEqual(
      expect.arrayContaining([
        'story:done-1 | Finished chapter | Ready',
        'dub:slow-2 | Trailer dub | Running',
        'tts:broken-3 | broken-3 | Failed',
      ]),
    );
    expect(h.web.service.list()).toEqual(tasksBefore);
    expect(await taskRow(h.page, 'tts:broken-3').textContent()).toContain(
      'Voice not found: Voice 12 does not exist.',
    );
    expect(await banner(h.page, 'recovered').count()).toBe(0);
  });

  it('starts with the recovered banner when the saved list is damaged, saying where the old file went', async () => {
    const garbage = '{"tasks": [ {"kind": "sto\u0000\u00ff';
    h = await createE2eHarness(chromium(), {
      beforeStart: (stateDir) => fs.writeFileSync(documentStoreFile(stateDir), garbage),
    });
    const recovered = banner(h.page, 'recovered');
    await recovered.waitFor();
    const text = (await recovered.locator('.banner-text').textContent()) ?? '';
    expect(text).toContain('The watch list was damaged and has been repaired.');

    const movedTo = /The old file was kept at (.+)\.$/.exec(text)?.[1] ?? '';
    expect(path.dirname(movedTo)).toBe(path.resolve(h.stateDir));
    expect(path.basename(movedTo)).toMatch(/^watch-list\.json\.corrupt-/);
    expect(fs.readFileSync(movedTo, 'utf8')).toBe(garbage);
    expect(await h.page.getByRole('heading', { name: 'Nothing watched yet' }).isVisible()).toBe(true);

    await recovered.getByRole('button', { name: 'Dismiss' }).click();
    await recovered.waitFor({ state: 'detached' });
  });

  it('keeps recent changes it can read, and says which it could not, where they went and what to do', async () => {
    const task = { ...newWatchedTask('story', 'kept-1', 'Kept chapter', 5) };
    const journal =
      `${JSON.stringify({ seq: 1, put: [task] })}\n` +
      `${JSON.stringify({ seq: 2, put: [{ ...task, taskId: 'newer-2', kind: 'podcast' }] })}\n`;
    h = await createE2eHarness(chromium(), {
      beforeStart: (stateDir) => fs.writeFileSync(journalFileFor(documentStoreFile(stateDir)), journal),
    });
    const recovered = banner(h.page, 'recovered');
    await recovered.waitFor();
    const text = (await recovered.locator('.banner-text').textContent()) ?? '';
    expect(text).toContain('One recent change could not be read back');
    expect(text).toContain('make that change again');
    const movedTo = /The old file was kept at (.+)\.$/.exec(text)?.[1] ?? '';
    expect(path.basename(movedTo)).toMatch(/^watch-list\.journal\.corrupt-/);
    expect(fs.readFileSync(movedTo, 'utf8')).toBe(journal);
    // The change that could be read is there.
    await taskRow(h.page, 'story:kept-1').waitFor();
    expect(await h.page.getByTestId('task-row').count()).toBe(1);
  });
});
