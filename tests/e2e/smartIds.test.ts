import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { unfoldAboutThisJob } from './support/taskDetails';
import { addTaskInPage, backToList, statusOf, taskRow, useChromium } from './support/appPage';
import { THEMES, createE2eHarness, JOURNEY_VIEWPORTS, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const DUB_ID = '5e2b8c1d-4a6f-4b9e-8d3c-2f1a0e9b7c64';

/** The task's details, opened from its row as a person does (a screen of their own in a narrow window). */
async function openDetails(key: string): Promise<void> {
  await backToList(h.page);
  await taskRow(h.page, key).click();
  await h.page.locator('.task-detail').waitFor();
  await unfoldAboutThisJob(h.page);
}

/**
 * Holds a notice as it is when it appears: its fade at the end of its life is stopped, so a slow, loaded run
 * does not check or capture it half faded (the screenshot fast-forwards animations to their end).
 */
async function settled(notice: Locator): Promise<void> {
  await notice.evaluate((element) => {
    for (const animation of element.getAnimations({ subtree: true })) animation.cancel();
  });
}

/** The kind the open details say the task is watched as. */
function detailKind(): Promise<string> {
  return h.page.locator('.task-detail .kind-fact').innerText();
}

describe.each(JOURNEY_VIEWPORTS)('smart ids ($name)', (viewport) => {
  it('an id added as the wrong kind: the app finds its kind, one click switches, and it finishes', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    for (const id of ['chapter-1', 'chapter-2'])
      h.server.addTask('story', id, [step.pending({ untilMs: 90_000 }), step.success(11)]);
    h.server.addTask('dub', DUB_ID, [step.pending({ untilMs: 60_000 }), step.success(42)]);
    await addTaskInPage(h.page, { taskId: 'chapter-1', label: 'Chapter 1' });
    await addTaskInPage(h.page, { taskId: DUB_ID, label: 'Trailer' });
    await addTaskInPage(h.page, { taskId: 'chapter-2', label: 'Chapter 2' });
    await h.advance(10_000);

    const wrong = taskRow(h.page, `story:${DUB_ID}`);
    await expect.poll(() => statusOf(wrong)).toBe('Stopped');
    expect(await statusOf(taskRow(h.page, 'story:chapter-1'))).toBe('Running');
    await openDetails(`story:${DUB_ID}`);
    const suggestion = h.page.getByRole('group', { name: 'Suggested kind' });
    await expect.poll(() => suggestion.innerText()).toContain('This id is a dub task — switch?');
    await h.axe(`smart-ids-suggestion-${viewport.width}`);
    await h.screenshot(`smart-ids-suggestion-${viewport.width}`);

    await suggestion.getByRole('button', { name: 'Switch to dub' }).click();
    await expect.poll(detailKind).toContain('Dub');
    expect(await h.page.getByRole('heading', { name: 'Trailer' }).isVisible()).toBe(true);
    expect(await suggestion.count()).toBe(0);

    await h.advance(2 * 60_000);
    await backToList(h.page);
    await expect.poll(() => statusOf(taskRow(h.page, `dub:${DUB_ID}`))).toBe('Ready');
    expect(await taskRow(h.page, `story:${DUB_ID}`).count()).toBe(0);
    for (const id of ['chapter-1', 'chapter-2'])
      expect(await statusOf(taskRow(h.page, `story:${id}`))).toBe('Ready');
    expect(h.notifications.map((n) => n.title)).toEqual(
      expect.arrayContaining(['Story stopped', 'Dub ready']),
    );
    expect(h.notifications.find((n) => n.title === 'Story stopped')?.body).toContain('but as a dub task');
  });

  it('the kind changed by hand in the details; a kind and id already watched is shown instead', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    h.server.addTask('tts', 'hello-1', [step.pending({ untilMs: 30_000 }), step.success(5)]);
    h.server.addTask('dub', DUB_ID, step.pending());
    await addTaskInPage(h.page, { taskId: 'hello-1', label: 'Greeting' });

    await openDetails('story:hello-1');
    await h.page.getByRole('button', { name: 'Change kind' }).click();
    await h.page.getByRole('combobox', { name: 'Watch as' }).selectOption('tts');
    await h.screenshot(`smart-ids-change-kind-${viewport.width}`);
    await h.page.getByRole('button', { name: 'Change kind' }).click();
    await expect.poll(detailKind).toContain('Speech');
    await h.advance(60_000);
    await backToList(h.page);
    await expect.poll(() => statusOf(taskRow(h.page, 'tts:hello-1'))).toBe('Ready');
    expect(await taskRow(h.page, 'story:hello-1').count()).toBe(0);

    // The same id watched twice, once as the wrong kind: changing that one leaves the other.
    await addTaskInPage(h.page, { taskId: DUB_ID, kind: 'dub', label: 'Real dub' });
    await addTaskInPage(h.page, { taskId: DUB_ID, kind: 'story', label: 'Mistake' });
    await openDetails(`story:${DUB_ID}`);
    await h.page.getByRole('button', { name: 'Change kind' }).click();
    await h.page.getByRole('combobox', { name: 'Watch as' }).selectOption('dub');
    await h.page.getByRole('button', { name: 'Change kind' }).click();
    await expect
      .poll(() =>
        h.page
          .getByText('Already watched as a dub task: showing that one, with this task’s label and mute.')
          .count(),
      )
      .toBe(1);
    // The one there had a label of its own: it keeps it.
    expect(await h.page.getByRole('heading', { name: 'Real dub' }).isVisible()).toBe(true);
    await backToList(h.page);
    expect(await taskRow(h.page, `story:${DUB_ID}`).count()).toBe(0);
    expect(await taskRow(h.page, `dub:${DUB_ID}`).count()).toBe(1);
  });

  it('a kind change onto an id already watched keeps the label and mute, with Undo; an Undo that loses says why', async () => {
    for (const colorScheme of THEMES) {
      h = await createE2eHarness(chromium(), { viewport, colorScheme });
      const shot = (name: string) => h.screenshot(`kind-undo-${name}-${viewport.width}-${colorScheme}`);
      h.server.addTask('dub', DUB_ID, step.pending());
      h.server.addTask('story', 'chapter-1', step.pending());
      h.server.addTask('story', 'broken', step.status('ERROR', { exceptionReason: 'SOURCE_TOO_LONG' }));
      await addTaskInPage(h.page, { taskId: 'chapter-1', label: 'Chapter 1' });
      await addTaskInPage(h.page, { taskId: 'broken', label: 'Broken one' });
      await addTaskInPage(h.page, { taskId: DUB_ID, kind: 'dub' });
      await addTaskInPage(h.page, { taskId: DUB_ID, kind: 'story', label: 'Trailer cut' });
      await openDetails(`story:${DUB_ID}`);
      await h.page.getByRole('button', { name: 'Mute notifications' }).click();
      await h.page.getByRole('button', { name: 'Unmute notifications' }).waitFor();

      await h.page.getByRole('button', { name: 'Change kind' }).click();
      await h.page.getByRole('combobox', { name: 'Watch as' }).selectOption('dub');
      await h.page.getByRole('button', { name: 'Change kind' }).click();
      const merged = h.page.getByTestId('notice').filter({
        hasText: 'Already watched as a dub task: showing that one, with this task’s label and mute.',
      });
      await merged.waitFor();
      // The dub already watched had no label and was not muted: it takes the user's.
      await expect.poll(() => h.page.getByRole('heading', { name: 'Trailer cut' }).isVisible()).toBe(true);
      await h.page.getByRole('button', { name: 'Unmute notifications' }).waitFor();
      await settled(merged);
      await shot('merged');

      await merged.getByRole('button', { name: 'Undo' }).click();
      await backToList(h.page);
      await taskRow(h.page, `story:${DUB_ID}`).waitFor();
      await expect.poll(() => h.web.service.get(`dub:${DUB_ID}`)?.label).toBeNull();
      expect(h.web.service.get(`dub:${DUB_ID}`)?.muted).toBe(false);
      expect(h.web.service.get(`story:${DUB_ID}`)).toMatchObject({ label: 'Trailer cut', muted: true });
      expect(await statusOf(taskRow(h.page, 'story:chapter-1'))).toBe('Running');

      // A plain change of kind is undone too: the task is back under its old kind, the new one gone.
      await openDetails('story:broken');
      await h.page.getByRole('button', { name: 'Change kind' }).click();
      await h.page.getByRole('combobox', { name: 'Watch as' }).selectOption('dub');
      await h.page.getByRole('button', { name: 'Change kind' }).click();
      const switched = h.page
        .getByTestId('notice')
        .filter({ hasText: '“Broken one” is now watched as a dub task.' });
      await switched.waitFor();
      await settled(switched);
      await shot('switched');
      await switched.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => h.web.service.get('story:broken')?.label).toBe('Broken one');
      expect(h.web.service.get('dub:broken')).toBeUndefined();

      // Removed, then added again before Undo: the newer one stays, and the Undo says so.
      await openDetails('story:chapter-1');
      await h.page.getByRole('button', { name: 'Remove', exact: true }).click();
      const removed = h.page.getByTestId('notice').filter({ hasText: 'Removed “Chapter 1”' });
      await removed.waitFor();
      await addTaskInPage(h.page, { taskId: 'chapter-1', label: 'Chapter 1 again' });
      await removed.getByRole('button', { name: 'Undo' }).click();
      const lost = h.page.getByTestId('notice').filter({
        hasText:
          '“Chapter 1” was not put back: it is in the watch list again, added since, and that newer entry was kept.',
      });
      await lost.waitFor();
      expect(h.web.service.get('story:chapter-1')?.label).toBe('Chapter 1 again');
      await settled(lost);
      await shot('undo-lost');
      await h.axe(`kind-undo-${viewport.width}-${colorScheme}`);
      await h.close();
    }
    h = await createE2eHarness(chromium(), { viewport });
  });
});
