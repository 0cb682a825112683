import { afterEach, describe, expect, it } from 'vitest';
import { parseTaskId } from '../../src/main/core/taskId/parseTaskId';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { addTaskInPage, statusOf, taskIdField, taskRow, useChromium } from './support/appPage';
import { createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

describe('adding a task in the browser', () => {
  it('watches a task to SUCCESS: the row turns Ready and the core notifies, shown as a notice', async () => {
    h = await createE2eHarness(chromium());
    h.server.addTask('story', 'job-ready-1', [step.pending({ polls: 2 }), step.success(4242)]);
    const { page } = h;

    await addTaskInPage(page, { taskId: 'job-ready-1', label: 'Chapter one' });
    const row = taskRow(page, 'story:job-ready-1');
    await row.waitFor();
    expect(await row.textContent()).toContain('Chapter one');
    expect(await statusOf(row)).toMatch(/^(Checking…|Running)$/);
    // The form empties after a successful add, ready for the next id.
    expect(await taskIdField(page).inputValue()).toBe('');

    await h.settle();
    await expect.poll(() => statusOf(row)).toBe('Running');
    expect(h.notifications).toEqual([]);

    await h.advance(5 * 60_000);
    expect(h.web.service.get('story:job-ready-1')?.status).toBe('SUCCESS');
    await expect.poll(() => statusOf(row)).toBe('Ready');

    const finished = h.notifications.filter((n) => n.type === 'task');
    expect(finished).toEqual([
      expect.objectContaining({ type: 'task', outcome: 'succeeded', taskKey: 'story:job-ready-1' }),
    ]);
    // The notice says it plainly (kind and name); the run id and the time it took are for the details.
    const notice = page.getByTestId('notice').filter({ hasText: finished[0]?.title ?? '?' });
    await notice.waitFor();
    expect(await notice.locator('.toast-text').textContent()).toBe('Story ready: Chapter one');
    // A lone notice about one task offers to show it.
    expect(await notice.getByRole('button', { name: 'Show' }).count()).toBe(1);
  });

  it.each(['has space', 'a/b'])('refuses the id "%s" with the core’s words and adds nothing', async (bad) => {
    h = await createE2eHarness(chromium());
    const { page } = h;
    const expected = parseTaskId(bad);
    if (expected.ok) throw new Error(`"${bad}" was expected to be an invalid id`);

    await addTaskInPage(page, { taskId: bad, label: 'Should not appear' });
    const alert = page.locator('form.add-task').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(expected.error);

    const field = taskIdField(page);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field, so a screen reader reads it with the field.
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await alert.getAttribute('id'));
    // What was typed stays, so it can be corrected.
    expect(await field.inputValue()).toBe(bad);

    expect(await page.getByTestId('task-row').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Nothing watched yet' }).isVisible()).toBe(true);
    expect(h.web.service.list()).toEqual([]);
    expect(h.traffic.some((entry) => entry.channel === 'taskChanged')).toBe(false);
  });
});
