import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { backToList, statusOf, taskRow, useChromium } from './support/appPage';
import { openTaskDetails } from './support/taskDetails';
import {
  createE2eHarness,
  JOURNEY_VIEWPORTS,
  THEMES,
  type ColorScheme,
  type E2eHarness,
} from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const DUB_ID = '5e2b8c1d-4a6f-4b9e-8d3c-2f1a0e9b7c64';
const BILLING = 'https://studio.camb.ai/billing';
const STUDIO = 'https://studio.camb.ai/';

/**
 * Every way a job can end badly, among jobs that work: out of credits, failed, timed out, a dub id watched
 * as a story (CAMB.AI knows it as a dub), and ids no kind knows — a story's and a speech job's.
 */
async function watchFailures(viewport: (typeof JOURNEY_VIEWPORTS)[number], colorScheme: ColorScheme) {
  h = await createE2eHarness(chromium(), { viewport, colorScheme });
  const { server } = h;
  server.addTask('story', 'chapter-1', [step.pending({ polls: 1 }), step.success(11)]);
  server.addTask('story', 'chapter-2', step.pending());
  server.addTask('dub', 'pricey', [step.pending({ polls: 1 }), step.paymentRequired()]);
  server.addTask('tts', 'broke', [step.pending({ polls: 1 }), step.error('VOICE_NOT_FOUND')]);
  server.addTask('story', 'late', [step.pending({ polls: 1 }), step.timeout()]);
  server.addTask('dub', DUB_ID, step.pending());
  const service = h.web.service;
  service.add('story', 'chapter-1', 'Chapter 1');
  service.add('story', 'chapter-2', 'Chapter 2');
  service.add('dub', 'pricey', 'Feature film (French)');
  service.add('tts', 'broke', 'Welcome message');
  service.add('story', 'late', 'Long story');
  service.add('story', DUB_ID, 'Trailer');
  service.add('story', 'lost-story', 'Lost story');
  service.add('tts', 'lost-speech', 'Lost speech');
  await h.advance(60_000);
  await expect.poll(() => statusOf(taskRow(h.page, 'story:chapter-1'))).toBe('Ready');
  await expect.poll(() => statusOf(taskRow(h.page, 'dub:pricey'))).toBe('Out of credits');
  await expect.poll(() => statusOf(taskRow(h.page, 'tts:broke'))).toBe('Failed');
  await expect.poll(() => statusOf(taskRow(h.page, 'story:late'))).toBe('Timed out');
  for (const key of [`story:${DUB_ID}`, 'story:lost-story', 'tts:lost-speech'])
    await expect.poll(() => statusOf(taskRow(h.page, key))).toBe('Stopped');
  // The other kinds were asked about the stopped ids: only the dub id is known, as a dub.
  await expect.poll(() => service.get(`story:${DUB_ID}`)?.suggestedKind).toBe('dub');
  const notices = h.page.getByTestId('notice');
  while ((await notices.count()) > 0)
    await notices.first().getByRole('button', { name: 'Dismiss notice' }).click();
}

/** The row's failure button, as a pointer finds it beside the row's note. */
function rowAction(key: string): Locator {
  return taskRow(h.page, key).getByTestId('failure-action');
}

const openDetails = (key: string, label: string) => openTaskDetails(h.page, key, label);

/** Whether the details are on screen (in a narrow window they replace the list). */
function detailsShown(label: string): Promise<boolean> {
  return h.page.getByRole('region', { name: label }).isVisible();
}

describe.each(JOURNEY_VIEWPORTS)('each failure carries its one action ($name)', (viewport) => {
  it.each(THEMES)('on the row and in the details, each going where it says (%s)', async (colorScheme) => {
    await watchFailures(viewport, colorScheme);
    const { page } = h;
    const shot = (name: string) => h.screenshot(`failure-actions-${viewport.width}-${colorScheme}-${name}`);

    // Each row carries the one button its failure needs; working and hopeless rows carry none.
    const labels = async (key: string) => rowAction(key).allInnerTexts();
    expect(await labels('dub:pricey')).toEqual(['Top up credits']);
    expect(await labels('tts:broke')).toEqual(['Open in CAMB.AI studio']);
    expect(await labels('story:late')).toEqual(['Open in CAMB.AI studio']);
    expect(await labels(`story:${DUB_ID}`)).toEqual(['Switch to dub']);
    for (const key of ['story:chapter-1', 'story:chapter-2', 'story:lost-story', 'tts:lost-speech'])
      expect(await labels(key)).toEqual([]);
    // The mix-up hint is never printed on rows: not on a story's, not on a speech job's.
    for (const key of ['story:lost-story', 'tts:lost-speech', `story:${DUB_ID}`])
      expect(await taskRow(page, key).innerText()).not.toMatch(/watched as/u);
    // The stopped row says what its button does, not "add it again".
    expect(await taskRow(page, `story:${DUB_ID}`).innerText()).toContain('It is a dub task: switch to dub.');
    // A reason beside its button shows whole or not at all: in the popover it would be cut to a stub
    // ("CAM…"), so it is left to the badge and the details (a screen reader still reads it on the row).
    const reason = await taskRow(page, 'story:late').locator('.task-note').boundingBox();
    if (viewport.width < 600) expect(reason?.width ?? 0).toBeLessThanOrEqual(1);
    else expect(reason?.width ?? 0).toBeGreaterThan(150);
    await shot('list');
    await h.axe(`failure actions on rows, ${colorScheme}, at ${viewport.name}`);

    // The row's button: opens the studio's billing page through the app, without opening the details.
    await rowAction('dub:pricey').click();
    await expect.poll(() => h.web.openedLinks).toEqual([BILLING]);
    expect(await detailsShown('Feature film (French)')).toBe(false);

    await rowAction('tts:broke').click();
    await expect.poll(() => h.web.openedLinks.at(-1)).toBe(STUDIO);

    // With the pointer on a failed row its quick actions show, but not mid-row: a click there opens it.
    const broke = taskRow(page, 'tts:broke');
    await broke.hover();
    const box = await broke.boundingBox();
    if (box === null) throw new Error('The failed row is not drawn.');
    expect(
      await page.evaluate<string | null>(
        `document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.closest('[data-testid="task-row"]')?.getAttribute('data-task-key') ?? null`,
      ),
    ).toBe('tts:broke');

    // The details carry the same action, under what went wrong.
    const late = await openDetails('story:late', 'Long story');
    await late.getByText('CAMB.AI gave up on this job. Submit it again.').waitFor();
    await late.getByRole('button', { name: 'Open in CAMB.AI studio' }).click();
    await expect.poll(() => h.web.openedLinks).toEqual([BILLING, STUDIO, STUDIO]);
    expect(await late.getByRole('button', { name: 'Check now' }).count()).toBe(0);
    await shot('timed-out');

    const pricey = await openDetails('dub:pricey', 'Feature film (French)');
    await pricey.getByRole('button', { name: 'Top up credits' }).click();
    await expect.poll(() => h.web.openedLinks.at(-1)).toBe(BILLING);
    expect(h.web.openedLinks).toHaveLength(4);

    // The hint, worded for the kind, only in the details of a story no kind knows; none on speech.
    const lostStory = await openDetails('story:lost-story', 'Lost story');
    await lostStory.getByText('A dub id watched as a story is not found.').waitFor();
    expect(await lostStory.getByTestId('failure-action').count()).toBe(0);
    const lostSpeech = await openDetails('tts:lost-speech', 'Lost speech');
    await lostSpeech.getByText('CAMB.AI does not know this task.', { exact: false }).waitFor();
    expect(await lostSpeech.innerText()).not.toMatch(/watched as/u);
    await shot('lost-speech');
  });

  it('"Switch to dub" on the row watches the id as a dub, and it finishes', async () => {
    await watchFailures(viewport, 'light');
    h.server.removeTask('dub', DUB_ID);
    h.server.addTask('dub', DUB_ID, [step.pending({ polls: 1 }), step.success(42)]);

    await rowAction(`story:${DUB_ID}`).click();
    // The row is the dub's now, and the window says so, with Undo.
    await taskRow(h.page, `dub:${DUB_ID}`).waitFor();
    const notice = h.page
      .getByTestId('notice')
      .filter({ hasText: '“Trailer” is now watched as a dub task.' });
    await notice.getByRole('button', { name: 'Undo' }).waitFor();
    await h.advance(60_000);
    await backToList(h.page);
    await expect.poll(() => statusOf(taskRow(h.page, `dub:${DUB_ID}`))).toBe('Ready');
    expect(await taskRow(h.page, `story:${DUB_ID}`).count()).toBe(0);
    expect(await rowAction(`dub:${DUB_ID}`).count()).toBe(0);
    // Nothing was opened outside: the switch is the app's own.
    expect(h.web.openedLinks).toEqual([]);
  });
});
