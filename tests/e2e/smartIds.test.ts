import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../support/fakeCambServer';
import { addTaskInPage, backToList, statusOf, taskRow, useChromium } from './support/appPage';
import { createE2eHarness, JOURNEY_VIEWPORTS, type E2eHarness } from './support/e2eHarness';

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
    expect(await statusOf(taskRow(h.page, 'story:chapter-1'))).toBe('Pending');
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
      .poll(() => h.page.getByText('This id was already watched as a dub task: showing that one.').count())
      .toBe(1);
    expect(await h.page.getByRole('heading', { name: 'Real dub' }).isVisible()).toBe(true);
    await backToList(h.page);
    expect(await taskRow(h.page, `story:${DUB_ID}`).count()).toBe(0);
    expect(await taskRow(h.page, `dub:${DUB_ID}`).count()).toBe(1);
  });
});
