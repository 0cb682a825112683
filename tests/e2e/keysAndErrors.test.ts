import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVELOPMENT_KEY_WHERE } from '../../src/webHost/server/developmentSecrets';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { unfoldAboutThisJob } from './support/taskDetails';
import {
  backToList,
  banner,
  openAddForm,
  openSettings,
  openTasks,
  saveKeyInSettings,
  statusOf,
  taskIdField,
  taskRow,
  useChromium,
} from './support/appPage';
import {
  E2E_API_KEY,
  JOURNEY_VIEWPORTS,
  createE2eHarness,
  type E2eHarness,
  type E2eOptions,
} from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const WRONG_KEY = 'camb-watch-e2e-wrong-Mz7Qp2Wx9Kd4Hs6V';
const DUB_ID = '8c1f6a52-0d3e-4b7a-9f21-5e8d7c6b4a30';

/** A working task and a faulty one (CAMB.AI does not know its id), watched before the page opens. */
async function harnessWithTwoTasks(
  viewport: (typeof JOURNEY_VIEWPORTS)[number],
  options: E2eOptions = {},
): Promise<E2eHarness> {
  const harness = await createE2eHarness(chromium(), { viewport, openPage: false, ...options });
  harness.server.addTask('story', 'working', step.pending());
  harness.web.service.add('story', 'working', 'Working job');
  harness.web.service.add('story', 'unknown-to-camb', 'Faulty job');
  await harness.settle();
  await harness.openPage();
  return harness;
}

/** Picks a file in "Import watch list…" through the file chooser, as a person does. */
async function importFile(page: Page, name: string, content: string, mimeType: string): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import watch list…' }).click();
  await (await chooser).setFiles({ name, mimeType, buffer: Buffer.from(content) });
  const report = page.locator('.import-report');
  await report.waitFor();
  return report;
}

/** The shape Playwright's page function sees (this project has no DOM types). */
interface FocusableElement {
  readonly ownerDocument: { readonly activeElement: unknown };
}

function isFocused(element: FocusableElement): boolean {
  return element.ownerDocument.activeElement === element;
}

/** Opens the add form where it is folded behind an "Add task" button (narrow windows); else nothing to do. */
function keyField(page: Page, replacing: boolean): Locator {
  return page.getByLabel(replacing ? 'Replace key' : 'API key', { exact: true });
}

describe.each(JOURNEY_VIEWPORTS)('errors and keys in plain words ($name)', (viewport) => {
  it('says in one sentence why a file from elsewhere cannot be imported, and loses nothing', async () => {
    h = await harnessWithTwoTasks(viewport);
    const { page } = h;
    await openSettings(page, 'Watch list');

    const cases = [
      {
        name: 'empty.json',
        type: 'application/json',
        content: '',
        says: 'This file is empty, so there is nothing to import.',
      },
      {
        name: 'tasks.csv',
        type: 'text/csv',
        content: 'kind,task id,label\nstory,abc,Chapter 1\n',
        says: 'This file is not JSON (it looks like a CSV or spreadsheet file), so it is not a CAMB Watch watch list.',
      },
      {
        name: 'package.json',
        type: 'application/json',
        content: JSON.stringify({ name: 'other-app', version: '1.0.0', dependencies: {} }),
        says: 'This is a JSON file, but not a CAMB Watch watch list: it has no "tasks" list.',
      },
      {
        name: 'newer.json',
        type: 'application/json',
        content: JSON.stringify({ format: 'camb-watch/watch-list', version: 3, tasks: [] }),
        says: 'This watch list was saved by a newer CAMB Watch (file version 3); update CAMB Watch to import it.',
      },
    ];
    for (const { name, type, content, says } of cases) {
      const report = await importFile(page, name, content, type);
      await expect.poll(() => report.innerText(), { message: name }).toBe(says);
      await h.screenshot(`keys-import-${name}-${viewport.width}`);
    }

    // Another app's list: entries that are not tasks, each said why, without validator wording.
    const report = await importFile(
      page,
      'contacts.json',
      JSON.stringify([
        { id: 1, name: 'Ada' },
        { kind: 'podcast', taskId: 'x' },
      ]),
      'application/json',
    );
    await expect
      .poll(async () => (await report.innerText()).replace(/\n+/gu, '\n'))
      .toBe(
        'Nothing was imported: none of the 2 entries in this file is a task CAMB Watch can watch.\n' +
          'Entry 1: it has no "kind" and no "taskId", so it is not a task.\n' +
          'Entry 2: its kind "podcast" is not one CAMB Watch knows.',
      );
    expect(await report.innerText()).not.toMatch(/✖|Invalid input|expected/u);

    await openTasks(page);
    expect(await taskRow(page, 'story:working').count()).toBe(1);
    expect(await taskRow(page, 'story:unknown-to-camb').count()).toBe(1);
    expect(h.web.service.list()).toHaveLength(2);
  });

  it('tells the user CAMB.AI rejected a key and saves it only when they say so', async () => {
    h = await harnessWithTwoTasks(viewport);
    const { page } = h;
    await openSettings(page, 'API key');

    await keyField(page, true).fill(WRONG_KEY);
    await page.getByRole('button', { name: 'Replace key', exact: true }).click();
    const ask = page.getByRole('alertdialog', { name: 'Save this key anyway?' });
    await ask.waitFor();
    expect(await ask.innerText()).toContain('CAMB.AI does not accept this key');
    expect(await ask.innerText()).not.toContain('HTTP');
    await h.screenshot(`keys-rejected-ask-${viewport.width}`);
    // Nothing is saved while the question is open.
    expect(h.secrets.state.key).toBe(E2E_API_KEY);

    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByText('The key was not saved.', { exact: true }).waitFor();
    expect(h.secrets.state.key).toBe(E2E_API_KEY);

    await keyField(page, true).fill(WRONG_KEY);
    await page.getByRole('button', { name: 'Replace key', exact: true }).click();
    await ask.getByRole('button', { name: 'Save anyway' }).click();
    await page
      .getByText(`Key saved in the ${DEVELOPMENT_KEY_WHERE}, although CAMB.AI rejected it.`, { exact: true })
      .waitFor();
    expect(h.secrets.state.key).toBe(WRONG_KEY);
    await expect
      .poll(() => page.getByTestId('key-check').innerText())
      .toBe('CAMB.AI rejected it: tasks are not checked until you save a key that works.');
    await h.advance(60_000);
    const rejected = banner(page, 'auth');
    await rejected.waitFor();
    const said = await rejected.innerText();
    // The title and the reason each say it once.
    expect(said.match(/rejected the API key/gu)).toHaveLength(1);
  });

  it('saves a key while CAMB.AI cannot be reached as "not checked yet", and checks it when CAMB.AI answers', async () => {
    h = await harnessWithTwoTasks(viewport, { storedKey: null });
    const { page } = h;
    h.server.injectGlobalFaults([faults.reset(), faults.reset(), faults.reset(), faults.reset()]);
    await openSettings(page, 'API key');
    await saveKeyInSettings(page, E2E_API_KEY, false);
    await page
      .getByText(
        `Key saved in the ${DEVELOPMENT_KEY_WHERE}, not checked yet: CAMB.AI could not be reached.`,
        { exact: true },
      )
      .waitFor();
    const check = page.getByTestId('key-check');
    await expect
      .poll(() => check.innerText())
      .toBe('Not checked yet: it is checked as soon as CAMB.AI answers.');
    expect(h.secrets.state.key).toBe(E2E_API_KEY);
    await h.screenshot(`keys-not-checked-${viewport.width}`);

    await h.advance(5 * 60_000);
    await expect.poll(() => check.innerText()).toBe('CAMB.AI accepted it.');
    await openTasks(page);
    await expect.poll(() => statusOf(taskRow(page, 'story:working'))).toBe('Running');
  });

  it('reads "dub:<id>" typed into the add form as a dub, and watches it as one', async () => {
    h = await harnessWithTwoTasks(viewport);
    const { page } = h;
    h.server.addTask('dub', DUB_ID, step.pending());

    await openAddForm(page);
    await taskIdField(page).pressSequentially(`dub:${DUB_ID}`);
    const kind = page.getByRole('combobox', { name: 'Kind', exact: true });
    expect(await kind.inputValue()).toBe('dub');
    expect(await kind.locator('option:checked').innerText()).toBe('Dub');
    expect(await taskIdField(page).inputValue()).toBe(DUB_ID);
    await page.getByRole('button', { name: 'Watch', exact: true }).click();

    const row = taskRow(page, `dub:${DUB_ID}`);
    await row.waitFor();
    // Its first check goes out at the budget's next slot, a fraction of a second on.
    await h.advance(1_000);
    await expect.poll(() => statusOf(row)).toBe('Running');
    expect(h.web.service.get(`dub:${DUB_ID}`)?.kind).toBe('dub');
    expect(h.server.requestCount('dub', DUB_ID)).toBeGreaterThan(0);

    // Pasted whole, the same.
    await openAddForm(page);
    await kind.selectOption('story');
    await taskIdField(page).fill(`tts:${DUB_ID}`);
    expect(await kind.inputValue()).toBe('tts');
    expect(await taskIdField(page).inputValue()).toBe(DUB_ID);
  });

  it('says when the next check is and what "Check now" found, for a working and a faulty task', async () => {
    h = await harnessWithTwoTasks(viewport);
    const { page } = h;
    /** Clicks "Check now" and waits until the host has taken the request: the clock must not move before. */
    async function askToCheckNow(detail: Locator): Promise<void> {
      const replies = () =>
        h.traffic.filter((entry) => entry.direction === 'response' && entry.channel === 'checkNow').length;
      const before = replies();
      await detail.getByRole('button', { name: 'Check now' }).click();
      await expect.poll(replies).toBe(before + 1);
    }

    await taskRow(page, 'story:working').click();
    await unfoldAboutThisJob(page);
    const nextCheck = page
      .locator('.facts dt', { hasText: 'Next check' })
      .locator('xpath=following-sibling::dd[1]');
    await expect.poll(() => nextCheck.innerText()).toMatch(/^(in about \d+ (s|min)|any moment)$/u);
    // The row keeps to one time (what is left); check times are the details' alone.
    await backToList(page);
    expect(await taskRow(page, 'story:working').innerText()).not.toMatch(/Next check|Checked/u);
    await taskRow(page, 'story:working').click();

    // A second passes before the user asks, as it would for a person reading the details.
    await h.advance(1000);
    const detail = page.locator('.task-detail');
    await askToCheckNow(detail);
    // The check goes within two of the request budget's slots (one every 220 ms): the faulty task's id
    // is being asked about under the other kinds meanwhile, and those questions take turns with checks.
    await h.advance(500);
    await expect
      .poll(() => detail.locator('.field-note').innerText())
      .toBe('Checked just now: still running.');
    await h.screenshot(`keys-checked-now-${viewport.width}`);

    await backToList(page);
    await taskRow(page, 'story:unknown-to-camb').click();
    await h.advance(1000);
    await askToCheckNow(detail);
    // The check goes within two of the request budget's slots (one every 220 ms): the faulty task's id
    // is being asked about under the other kinds meanwhile, and those questions take turns with checks.
    await h.advance(500);
    await expect
      .poll(() => detail.locator('.field-note').innerText())
      .toMatch(/^Checked just now: CAMB\.AI does not know this task/u);
  });

  it('"Add API key" puts the cursor in the key field, and the no-key state says where a key comes from', async () => {
    // In the dark theme, so the link is seen there too.
    h = await harnessWithTwoTasks(viewport, { storedKey: null, colorScheme: 'dark' });
    const { page } = h;
    const noKey = banner(page, 'no-key');
    await noKey.waitFor();
    const studio = noKey.getByRole('link', { name: 'studio.camb.ai' });
    expect(await studio.getAttribute('href')).toBe('https://studio.camb.ai');
    expect(await noKey.innerText()).toContain('Get a key in the CAMB.AI studio, under API: studio.camb.ai.');
    await h.screenshot(`keys-no-key-dark-${viewport.width}`);

    await noKey.getByRole('button', { name: 'Add API key' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await expect.poll(() => keyField(page, false).evaluate(isFocused)).toBe(true);
    const status = page.getByTestId('key-status');
    expect(await status.innerText()).toContain('Get a key in the CAMB.AI studio, under API: studio.camb.ai.');

    // The link opens through the app (https only), not by navigating the window.
    await status.getByRole('link', { name: 'studio.camb.ai' }).click();
    await expect.poll(() => h.web.openedLinks).toEqual(['https://studio.camb.ai/']);
    expect(new URL(page.url()).origin).toBe(h.web.origin);

    // Back in the field, Enter saves the key.
    await keyField(page, false).click();
    await page.keyboard.type(E2E_API_KEY);
    await page.keyboard.press('Enter');
    await page
      .getByText(`Key saved in the ${DEVELOPMENT_KEY_WHERE}. CAMB.AI accepted it.`, { exact: true })
      .waitFor();
    await noKey.waitFor({ state: 'detached' });
  });
});
