import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVELOPMENT_KEY_WHERE } from '../../src/webHost/server/developmentSecrets';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import {
  addTaskInPage,
  banner,
  openSettings,
  openTasks,
  saveKeyInSettings,
  statusOf,
  taskRow,
  useChromium,
} from './support/appPage';
import { E2E_API_KEY, createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** The key the user creates on CAMB.AI after revoking the first one. */
const ROTATED_KEY = 'camb-watch-e2e-rotated-Bx5Kd9Mf3Lg7Ns1Q';

describe('the API key in the browser', () => {
  it('starts with the no-key banner; a saved key shows as set and where, and never reaches the page', async () => {
    h = await createE2eHarness(chromium(), { storedKey: null });
    const { page } = h;
    const noKey = banner(page, 'no-key');
    await noKey.waitFor();
    expect(await noKey.textContent()).toContain('Then add it in Settings.');

    await openSettings(page, 'API key');
    const keyStatus = page.getByTestId('key-status');
    expect(await keyStatus.textContent()).toContain('No key set');
    await saveKeyInSettings(page, `  ${E2E_API_KEY}\n`, false);

    await expect.poll(() => keyStatus.textContent()).toContain('Key set');
    expect(await keyStatus.textContent()).toContain(`Kept in: ${DEVELOPMENT_KEY_WHERE}.`);
    await noKey.waitFor({ state: 'detached' });
    // The field empties once the key is sent; the host keeps it, trimmed.
    expect(await page.getByLabel('Replace key', { exact: true }).inputValue()).toBe('');
    expect(h.secrets.state.key).toBe(E2E_API_KEY);

    // Something happens with the key in use: a task is checked and the key tested.
    h.server.addTask('story', 'with-key', step.pending());
    await page.getByRole('button', { name: 'Test key', exact: true }).click();
    await page.getByText('CAMB.AI accepted the key.').waitFor();
    await openTasks(page);
    await addTaskInPage(page, { taskId: 'with-key' });
    await h.advance(60_000);
    await expect.poll(() => statusOf(taskRow(page, 'story:with-key'))).toBe('Running');
    expect(h.server.requests.some((request) => request.hadValidKey)).toBe(true);

    // The key went from the page to the host once, in the request that saved it...
    const sent = h.traffic.filter(
      (entry) => entry.direction === 'request' && entry.body.includes(E2E_API_KEY),
    );
    expect(sent.map((entry) => entry.channel)).toEqual(['setApiKey']);
    // ...and nothing ever came back with it: no answer, no event, no file, not the page itself.
    const toThePage = h.traffic.filter((entry) => entry.direction !== 'request');
    expect(toThePage.some((entry) => entry.channel === 'keyStatus')).toBe(true);
    for (const entry of toThePage) expect(entry.body, entry.channel).not.toContain(E2E_API_KEY);
    expect(h.pageResponses.some((response) => response.url.includes('/__camb-watch/invoke/'))).toBe(true);
    for (const response of h.pageResponses) expect(response.body, response.url).not.toContain(E2E_API_KEY);
    expect(await page.content()).not.toContain(E2E_API_KEY);
    await openSettings(page);
    expect(await page.content()).not.toContain(E2E_API_KEY);
    // Nor was it written into any file of the state folder (watch list, downloads).
    const files = fs
      .readdirSync(h.stateDir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const where = path.join(file.parentPath, file.name);
      expect(fs.readFileSync(where, 'utf8'), where).not.toContain(E2E_API_KEY);
    }
  });

  it('shows the key-rejected banner on 401, and checking resumes with a new key', async () => {
    h = await createE2eHarness(chromium());
    h.server.addTask('story', 'needs-key', [step.pending({ polls: 3 }), step.success(5150)]);
    const { page } = h;
    await addTaskInPage(page, { taskId: 'needs-key', label: 'Keyed job' });
    const row = taskRow(page, 'story:needs-key');
    await h.settle();
    await expect.poll(() => statusOf(row)).toBe('Running');

    // The user revokes the key on CAMB.AI and creates another.
    h.server.setApiKey(ROTATED_KEY);
    await h.advance(60_000);
    const rejected = banner(page, 'auth');
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain('The API key does not work.');
    expect(await rejected.textContent()).toContain('CAMB.AI rejected the API key (HTTP 401)');
    expect(h.web.service.state().authProblem).not.toBeNull();
    expect(h.notifications).toContainEqual(expect.objectContaining({ type: 'problem', problem: 'auth' }));

    // Polling waits for a new key however long it takes...
    const requestsWhileRejected = h.server.requests.length;
    await h.advance(30 * 60_000);
    expect(h.server.requests).toHaveLength(requestsWhileRejected);
    expect(await statusOf(row)).toBe('Running');

    // ...and resumes at once when one is saved.
    await rejected.getByRole('button', { name: 'Replace API key' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await saveKeyInSettings(page, ROTATED_KEY, true);
    await rejected.waitFor({ state: 'detached' });
    await openTasks(page);
    await h.advance(10 * 60_000);
    await expect.poll(() => statusOf(row)).toBe('Ready');
    expect(h.server.requests.slice(requestsWhileRejected).every((request) => request.hadValidKey)).toBe(true);
    expect(await banner(page, 'auth').count()).toBe(0);
    for (const entry of h.traffic.filter((e) => e.direction !== 'request'))
      expect(entry.body, entry.channel).not.toContain(ROTATED_KEY);
  });
});
