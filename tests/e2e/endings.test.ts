/**
 * Every ending reads as what it is: a mixed watch list (ready, timed out, out of credits, failed with a
 * reason, unknown to CAMB.AI, still running) where each row says what happened and what to do next, the
 * stopped task counts and clears with the failed ones, a row without a key says it waits for one, and
 * unlabelled ids show as much as fits with the end kept, at 420×640 and 1280×800.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { unfoldAboutThisJob } from './support/taskDetails';
import { addTaskInPage, openSettings, openTasks, statusOf, taskRow, useChromium } from './support/appPage';
import { JOURNEY_VIEWPORTS, createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** API words no person should have to read. */
const RAW_WORDS = /PAYMENT_REQUIRED|HARMFUL_CONTENT_DETECTED|TIMEOUT|\bERROR\b|HTTP 404/;

interface Ending {
  readonly key: string;
  readonly badge: string;
  /** What the row says beside the badge: what happened and what to do. */
  readonly says: readonly string[];
}

const ENDINGS: readonly Ending[] = [
  { key: 'story:ready-job', badge: 'Ready', says: [] },
  {
    key: 'dub:slow-job',
    badge: 'Timed out',
    says: ['CAMB.AI gave up on this job.', 'Submit it again.'],
  },
  {
    key: 'tts:broke-job',
    badge: 'Out of credits',
    says: ['ran out of credits', 'Top up your CAMB.AI credits, then resubmit it.'],
  },
  {
    key: 'story:flagged-job',
    badge: 'Failed',
    says: ['Harmful content detected: The source contains content we cannot process.'],
  },
  {
    key: 'story:typo-job',
    badge: 'Stopped',
    says: ['CAMB.AI does not know this task.', 'Check the id and its kind'],
  },
  { key: 'dub:running-job', badge: 'Running', says: [' left'] },
];

/** One task for each ending, and one still running among them. */
async function watchMixedList(): Promise<void> {
  const { server } = h;
  const service = h.web.service;
  // Each ends in a poll round of its own, so each gets a notification of its own (not one grouped).
  server.addTask('story', 'ready-job', [step.pending({ polls: 4 }), step.success(4242)]);
  server.addTask('dub', 'slow-job', [step.pending({ polls: 1 }), step.timeout()]);
  server.addTask('tts', 'broke-job', [step.pending({ polls: 2 }), step.paymentRequired()]);
  server.addTask('story', 'flagged-job', [
    step.pending({ polls: 3 }),
    step.error('HARMFUL_CONTENT_DETECTED', 'The source contains content we cannot process.'),
  ]);
  server.injectFaults('story', 'typo-job', [faults.notFound()]);
  server.addTask('dub', 'running-job', step.pending());
  for (const [kind, id, label] of [
    ['story', 'ready-job', 'Chapter 1'],
    ['dub', 'slow-job', 'Long dub'],
    ['tts', 'broke-job', 'Greeting'],
    ['story', 'flagged-job', 'Flagged story'],
    ['story', 'typo-job', 'Mistyped'],
    ['dub', 'running-job', 'Trailer'],
  ] as const)
    expect(service.add(kind, id, label).ok).toBe(true);
  await h.advance(3 * 60_000);
}

/** A choice in the "Show tasks" menu, with its count ("Failed (4)"). */
function filterOption(page: Page, name: string): Locator {
  return page
    .getByRole('combobox', { name: 'Show tasks' })
    .locator('option', { hasText: new RegExp(`^${name}`) });
}

async function showTasks(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Show tasks' }).selectOption(name.toLowerCase());
}

async function shownKeys(page: Page): Promise<string[]> {
  const keys = await page
    .getByTestId('task-row')
    .evaluateAll((rows) =>
      (rows as unknown as { getAttribute(name: string): string | null }[]).map((row) =>
        row.getAttribute('data-task-key'),
      ),
    );
  return keys.filter((key): key is string => key !== null).sort();
}

describe.each(JOURNEY_VIEWPORTS)('endings at $name', (viewport) => {
  const narrow = viewport.width < 720;

  it('each ending reads as what it is, the stopped one counts and clears with the failed ones', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    await watchMixedList();

    for (const ending of ENDINGS) {
      const row = taskRow(page, ending.key);
      await expect.poll(() => statusOf(row), { message: ending.key }).toBe(ending.badge);
      const text = (await row.textContent()) ?? '';
      for (const words of ending.says) expect(text, ending.key).toContain(words);
      expect(text, ending.key).not.toMatch(RAW_WORDS);
    }
    // The running job says how long it has left, in one figure.
    expect(await taskRow(page, 'dub:running-job').textContent()).toMatch(/~\d+ (s|min|h) left/u);
    await h.screenshot(`endings-list-${viewport.width}`);

    // The stopped task needs attention: it is counted with the failed ones, not the active ones.
    expect(await filterOption(page, 'Active').textContent()).toContain('(1)');
    expect(await filterOption(page, 'Failed').textContent()).toContain('(4)');
    await showTasks(page, 'Failed');
    await expect
      .poll(() => shownKeys(page))
      .toEqual(['dub:slow-job', 'story:flagged-job', 'story:typo-job', 'tts:broke-job']);
    await showTasks(page, 'Active');
    await expect.poll(() => shownKeys(page)).toEqual(['dub:running-job']);
    await showTasks(page, 'All');

    // So does the tray, and the notifications say the same words as the rows.
    const tray = h.web.service.trayModel();
    expect(tray.icon).toBe('attention');
    expect(tray.tooltip).toMatch(
      /^CAMB Watch — 5 new, 1 running, 3 failed, 1 stopped\nSoonest finish: Dub “.+” in about \d+ min$/u,
    );
    const failures = h.notifications.filter((n) => n.type === 'task' && n.outcome === 'failed');
    // The stopped one too, once: it says what to check, as its row does.
    expect(failures.map((n) => n.title).sort()).toEqual([
      'Dub timed out',
      'Speech ran out of credits',
      'Story failed',
      'Story stopped',
    ]);
    for (const notice of failures) expect(notice.type === 'task' ? notice.body : '').not.toMatch(RAW_WORDS);

    // The stopped task's details say why and what to check, not that an answer is coming.
    await taskRow(page, 'story:typo-job').click();
    const details = page.getByRole('region', { name: 'Mistyped' });
    await details.getByText('About this job').waitFor();
    const detailText = (await details.textContent()) ?? '';
    expect(detailText).toContain('CAMB.AI does not know this task.');
    expect(detailText).not.toContain('No answer from CAMB.AI yet');
    expect(detailText).not.toMatch(RAW_WORDS);
    if (narrow) await page.getByRole('button', { name: 'Back to the list' }).click();

    // Clearing finished tasks offers the stopped one too; the running one stays.
    await openSettings(page, 'Watch list');
    await page.getByRole('button', { name: 'Clear finished tasks' }).click();
    // Unseen endings stay unless asked for; asked, they go, and the notice offers Undo.
    const question = page.getByRole('alertdialog');
    await question.getByRole('checkbox', { name: /^Also clear the \d+ not looked at yet$/u }).check();
    await question.getByRole('button', { name: 'Clear 5 tasks' }).click();
    await page
      .getByTestId('notice')
      .filter({ hasText: 'Cleared 5 tasks' })
      .getByRole('button', { name: 'Undo' })
      .waitFor();
    await openTasks(page);
    await expect.poll(() => shownKeys(page)).toEqual(['dub:running-job']);
    expect(h.web.service.list().map((task) => task.taskId)).toEqual(['running-job']);
  });

  it('a row says what is really happening: waiting for a key, paused, waiting for the connection', async () => {
    h = await createE2eHarness(chromium(), { viewport, storedKey: null });
    const { page } = h;
    h.server.addTask('story', 'keyless-job', step.pending());
    await addTaskInPage(page, { taskId: 'keyless-job', label: 'No key yet' });
    const row = taskRow(page, 'story:keyless-job');
    await row.waitFor();
    await h.advance(60_000);
    await expect.poll(() => statusOf(row)).toBe('Waiting');
    expect(await row.textContent()).toContain('Waiting for an API key: add one in Settings.');
    expect(await row.textContent()).not.toContain('Checking');

    const service = h.web.service;
    expect(await service.setApiKey('camb-watch-e2e-key-Hq4Wn8Ty2Pc6Rv0J')).toMatchObject({ ok: true });
    await h.advance(5_000);
    await expect.poll(() => statusOf(row)).toBe('Running');
    await expect.poll(async () => (await row.textContent()) ?? '').not.toContain('Waiting');

    service.updateSettings({ pollingPaused: true });
    await expect
      .poll(async () => (await row.textContent()) ?? '')
      .toContain('Paused: not checked until you resume polling.');
    service.updateSettings({ pollingPaused: false });
    service.setOnline(false);
    await expect
      .poll(async () => (await row.textContent()) ?? '')
      .toContain('Waiting for the connection to come back.');
    await h.screenshot(`endings-offline-row-${viewport.width}`);
    service.setOnline(true);
    await h.advance(5_000);
    await expect.poll(async () => (await row.textContent()) ?? '').not.toContain('Waiting');
    expect(await row.textContent()).toMatch(/~\d+ (s|min|h) left/u);
  });

  it('unlabelled ids show as much as fits, cut in the middle, the whole id on hover and in details', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page } = h;
    const first = '8c1f6a52-3e0b-4d7a-9b1e-2f5d8c7a6e41';
    const second = '8c1f6a52-3e0b-4d7a-9b1e-2f5d8c7a6e42';
    for (const id of [first, second]) {
      h.server.addTask('story', id, step.pending());
      await addTaskInPage(page, { taskId: id });
      await taskRow(page, `story:${id}`).waitFor();
    }
    await h.settle();

    for (const id of [first, second]) {
      const name = taskRow(page, `story:${id}`).locator('.task-name');
      expect(await name.getAttribute('title')).toBe(id);
      // The end of the id is always on screen, so the two rows read differently.
      const tail = name.locator('.task-name-tail');
      expect(await tail.isVisible()).toBe(true);
      expect(await tail.textContent()).toBe(id.slice(-6));
      // The start gives way when the row is short of room (start…end, see calmRows.test.ts); all of the
      // id is there for the tooltip and a screen reader.
      expect(await name.textContent()).toBe(id);
    }
    await h.screenshot(`endings-ids-${viewport.width}`);

    await taskRow(page, `story:${first}`).click();
    await unfoldAboutThisJob(page);
    await page.getByRole('button', { name: 'Copy task id' }).waitFor();
    expect(await page.locator('.task-detail').textContent()).toContain(first);
  });
});
