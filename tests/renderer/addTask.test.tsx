import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { renderApp } from './support/renderApp';

const ID = '0b6f0c55-2d5e-4f3a-9d7e-1c2b3a4d5e6f';

function rows() {
  return screen.queryAllByTestId('task-row');
}

describe('adding a task', () => {
  it('shows the empty state, which says where task ids come from', async () => {
    await renderApp();
    const empty = await screen.findByRole('region', { name: 'Nothing watched yet' });
    expect(empty.textContent).toContain('"task_id"');
    expect(empty.textContent).toMatch(/create call/);
    expect(rows()).toHaveLength(0);
  });

  it('adds a valid id: the row appears, is selected, and the form is cleared', async () => {
    const { user, real } = await renderApp({
      before: (r) => r.server.addTask('story', ID, step.pending()),
    });
    await user.type(await screen.findByRole('textbox', { name: 'Task id' }), ID);
    await user.type(screen.getByRole('textbox', { name: 'Label (optional)' }), 'Chapter 1');
    await user.click(screen.getByRole('button', { name: 'Watch' }));

    const row = await screen.findByRole('option', { name: /Chapter 1/ });
    expect(row.getAttribute('data-task-key')).toBe(`story:${ID}`);
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { level: 2, name: 'Chapter 1' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Task id' }) as HTMLTextAreaElement).value).toBe('');
    expect(real.service.list().map((task) => task.taskId)).toEqual([ID]);
  });

  it('reads "dub:<id>" typed into the id field as the kind Dub and the id after it', async () => {
    const { user, real } = await renderApp({
      before: (r) => r.server.addTask('dub', ID, step.pending()),
    });
    const idField = (await screen.findByRole('textbox', { name: 'Task id' })) as HTMLTextAreaElement;
    await user.type(idField, `dub:${ID}`);
    expect((screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).value).toBe('dub');
    expect(idField.value).toBe(ID);
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    await waitFor(() =>
      expect(rows().map((row) => row.getAttribute('data-task-key'))).toEqual([`dub:${ID}`]),
    );
    expect(real.service.list().map((task) => `${task.kind}:${task.taskId}`)).toEqual([`dub:${ID}`]);
  });

  it('accepts the JSON a create call returns, with the kind chosen', async () => {
    const { user, real } = await renderApp();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Kind' }), 'Dub');
    const idField = screen.getByRole('textbox', { name: 'Task id' });
    await user.click(idField);
    await user.paste(`{ "task_id": "${ID}" }`);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.getAttribute('data-task-key')).toBe(`dub:${ID}`);
    expect(real.service.list()[0]?.kind).toBe('dub');
  });

  it('shows the core’s message inline for an invalid id, keeps the text, and adds nothing', async () => {
    const { user, real } = await renderApp();
    const idField = await screen.findByRole('textbox', { name: 'Task id' });
    await user.type(idField, 'not a task id!');
    await user.click(screen.getByRole('button', { name: 'Watch' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent?.length).toBeGreaterThan(10);
    expect(idField.getAttribute('aria-invalid')).toBe('true');
    expect(idField.getAttribute('aria-describedby')).toContain(alert.id);
    expect((idField as HTMLTextAreaElement).value).toBe('not a task id!');
    expect(real.service.list()).toEqual([]);
    expect(rows()).toHaveLength(0);
  });

  it('highlights the existing entry when the task is already watched', async () => {
    const { user, real } = await renderApp({
      before: (r) => {
        r.service.add('story', ID, 'First');
        r.service.add('story', 'another-task', 'Second');
      },
    });
    await screen.findByRole('option', { name: /Second/ });
    await user.click(screen.getByRole('option', { name: /Second/ }));

    await user.type(screen.getByRole('textbox', { name: 'Task id' }), ID);
    await user.click(screen.getByRole('button', { name: 'Watch' }));

    expect(await screen.findByText('Already watching this task.')).toBeTruthy();
    const existing = screen.getByRole('option', { name: /First/ });
    expect(existing.className).toContain('is-highlighted');
    expect(existing.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('option', { name: /Second/ }).getAttribute('aria-selected')).toBe('false');
    expect(real.service.list()).toHaveLength(2);
  });

  it('clears a filter that would hide the duplicate it highlights', async () => {
    const { user } = await renderApp({ before: (r) => void r.service.add('story', ID, 'Hidden one') });
    await user.type(await screen.findByRole('searchbox', { name: /Search tasks/ }), 'nothing matches');
    expect(rows()).toHaveLength(0);
    await user.type(screen.getByRole('textbox', { name: 'Task id' }), ID);
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    const row = await screen.findByRole('option', { name: /Hidden one/ });
    expect(row.className).toContain('is-highlighted');
    expect((screen.getByRole('searchbox', { name: /Search tasks/ }) as HTMLInputElement).value).toBe('');
    expect(within(row).getByText('Hidden one')).toBeTruthy();
  });
});
