import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TaskKind } from '../../../src/shared/taskKinds';
import { sharedChromium } from './chromium';
import { isWorkerTabContext } from './workerTab';

/**
 * The Chromium this file's tests use: the worker's one (sharedChromium), so a file no longer pays for a
 * browser start; the harness uses the worker's one tab in it (workerTab). A file that leaves a context of
 * its own open gets it closed after its last test, as closing its own browser did.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  let contextsBefore = new Set<BrowserContext>();
  beforeAll(async () => {
    browser = await sharedChromium();
    contextsBefore = new Set(browser.contexts());
  });
  afterAll(async () => {
    const left =
      browser?.contexts().filter((context) => !contextsBefore.has(context) && !isWorkerTabContext(context)) ??
      [];
    await Promise.all(left.map((context) => context.close()));
  });
  return () => {
    if (browser === undefined) throw new Error('Chromium has not been launched yet');
    return browser;
  };
}

/** The list row of a task, by its key (`kind:taskId`). */
export function taskRow(page: Page, key: string): Locator {
  return page.locator(`[data-testid="task-row"][data-task-key="${key}"]`);
}

export function banner(page: Page, name: string): Locator {
  return page.getByTestId(`banner-${name}`);
}

/** The shape the function Playwright runs in the page sees (this project has no DOM types). */
interface BadgeElement {
  readonly textContent: string | null;
  querySelector(selector: string): { readonly textContent: string | null } | null;
}

/** A row's status in words, as the badge says it ("Ready", "Pending", "Checking…"), without its glyph. */
export function statusOf(row: Locator): Promise<string> {
  return row
    .locator('.task-badges > .badge')
    .first()
    .evaluate((badge: BadgeElement) => {
      const glyph = badge.querySelector('.badge-glyph')?.textContent ?? '';
      return (badge.textContent ?? '').slice(glyph.length).trim();
    });
}

export interface TaskToAdd {
  readonly taskId: string;
  readonly kind?: TaskKind;
  readonly label?: string;
}

/** The add form's id field (the detail pane has a "Copy task id" button, hence the role). */
export function taskIdField(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Task id', exact: true });
}

/** The button the add form folds away behind (always in a narrow window). */
export function addTaskButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Add task', exact: true });
}

/** Waits until the tasks view is drawn: the add form, or the button it is folded behind. */
export async function tasksViewDrawn(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Add a task' }).or(addTaskButton(page)).first().waitFor();
}

/** Opens the add form if it is folded away, as a user does before typing into it. */
export async function openAddForm(page: Page): Promise<void> {
  await tasksViewDrawn(page);
  if (await addTaskButton(page).isVisible()) await addTaskButton(page).click();
  await taskIdField(page).waitFor();
}

/** Leaves a task's details for the list where they are a screen of their own (a narrow window). */
export async function backToList(page: Page): Promise<void> {
  const back = page.getByRole('button', { name: 'Back to the list' });
  if (await back.isVisible()) await back.click();
}

/**
 * Fills the add form (opening it first when it is folded away) and clicks "Watch", as a user does, then
 * waits for the form's answer — so a second add never types into a form that is about to fold away.
 */
export async function addTaskInPage(page: Page, task: TaskToAdd): Promise<void> {
  await openAddForm(page);
  if (task.kind !== undefined)
    await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption(task.kind);
  await taskIdField(page).fill(task.taskId);
  if (task.label !== undefined)
    await page.getByRole('textbox', { name: 'Label (optional)', exact: true }).fill(task.label);
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  await expect.poll(() => addFormAnswered(page)).toBe(true);
}

/** The form took the task (emptied, or folded away in a small window) or said why not. */
async function addFormAnswered(page: Page): Promise<boolean> {
  const form = page.locator('form.add-task');
  try {
    if (await addTaskButton(page).isVisible()) return true;
    if ((await form.getByRole('alert').count()) > 0 || (await form.getByRole('status').count()) > 0)
      return true;
    return (await taskIdField(page).inputValue({ timeout: 1000 })) === '';
  } catch {
    return false; // the form went away between two looks: look again
  }
}

export async function openSettings(page: Page, section?: SettingsSectionTitle): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
  if (section !== undefined) await showSettingsSection(page, section);
}

/** The sections Settings shows one at a time (SettingsView's side list, or its picker in the popover). */
export type SettingsSectionTitle =
  | 'API key'
  | 'Notifications'
  | 'Checking'
  | 'Saving results'
  | 'Start-up and updates'
  | 'Window and look'
  | 'Watch list';

/** Shows one section of the open Settings: from the side list in a wide window, the picker in a narrow one. */
export async function showSettingsSection(page: Page, section: SettingsSectionTitle): Promise<void> {
  const sideList = page.getByRole('navigation', { name: 'Settings sections' });
  if (await sideList.isVisible()) await sideList.getByRole('button', { name: section, exact: true }).click();
  else await page.getByRole('combobox', { name: 'Section' }).selectOption({ label: section });
}

/** Opens Insights from the header and waits for its view (it is loaded the first time). */
export async function openInsights(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Insights' }).click();
  const view = page.getByRole('region', { name: 'Insights' });
  await view.getByRole('heading', { name: 'Insights', level: 2 }).waitFor();
  return view;
}

export async function openTasks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Tasks' }).click();
  await tasksViewDrawn(page);
}

/** Types a key into Settings and saves it: "API key" / "Save key" with none set, "Replace key" otherwise. */
export async function saveKeyInSettings(page: Page, apiKey: string, replacing: boolean): Promise<void> {
  const name = replacing ? 'Replace key' : 'API key';
  await page.getByLabel(name, { exact: true }).fill(apiKey);
  await page.getByRole('button', { name: replacing ? 'Replace key' : 'Save key', exact: true }).click();
}
