import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app/App';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { renderApp } from './support/renderApp';

function rowKeys(): (string | null)[] {
  return screen.queryAllByTestId('task-row').map((row) => row.getAttribute('data-task-key'));
}

describe('the watch list', () => {
  it('filters by state with counts, and searches label, id and kind', async () => {
    const { user, real } = await renderApp({
      before: (r) => {
        r.server.addTask('story', 'ok-1', step.success(1));
        r.server.addTask('dub', 'bad-1', { status: 'TIMEOUT', runId: null });
        r.server.addTask('tts', 'busy-1', step.pending());
        r.service.add('story', 'ok-1', 'Audiobook');
        r.service.add('dub', 'bad-1', 'Film');
        r.service.add('tts', 'busy-1');
      },
    });
    // The three first checks go out paced, a fraction of a second apart.
    await real.advance(1_000);
    // Which tasks to show: one menu, its options with their counts.
    const show = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Show tasks' });
    await waitFor(() => expect(within(show()).getByRole('option', { name: 'Failed (1)' })).toBeTruthy());
    expect(show().value).toBe('all');
    expect(within(show()).getByRole('option', { name: 'All (3)' })).toBeTruthy();

    await user.selectOptions(show(), 'Active (1)');
    expect(rowKeys()).toEqual(['tts:busy-1']);
    await user.selectOptions(show(), 'Finished (2)');
    expect(rowKeys().sort()).toEqual(['dub:bad-1', 'story:ok-1']);
    await user.selectOptions(show(), 'Failed (1)');
    expect(rowKeys()).toEqual(['dub:bad-1']);

    await user.selectOptions(show(), 'All (3)');
    const search = screen.getByRole('searchbox', { name: /Search tasks/ });
    await user.type(search, 'audio');
    expect(rowKeys()).toEqual(['story:ok-1']);
    await user.clear(search);
    await user.type(search, 'speech');
    expect(rowKeys()).toEqual(['tts:busy-1']);
    await user.clear(search);
    await user.type(search, 'BAD-');
    expect(rowKeys()).toEqual(['dub:bad-1']);
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(rowKeys()).toEqual([]);
    expect(screen.getByText(/No task matches/)).toBeTruthy();
  });

  it('moves the selection with the arrow keys', async () => {
    const { user } = await renderApp({
      before: async (r) => {
        // By date added: the first check of each (a stop, an unseen ending) must not reorder them.
        r.service.updateSettings({ listOrder: 'added' });
        r.service.add('story', 'a-1', 'First added');
        await r.clock.advance(1000);
        r.service.add('story', 'a-2', 'Second added');
      },
    });
    await screen.findByRole('option', { name: /Second added/ });
    expect(rowKeys()).toEqual(['story:a-2', 'story:a-1']);
    await user.click(screen.getByRole('option', { name: /Second added/ }));
    const list = screen.getByRole('listbox');
    list.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: /First added/ }).getAttribute('aria-selected')).toBe('true');
    expect(list.getAttribute('aria-activedescendant')).toBe(
      screen.getByRole('option', { name: /First added/ }).id,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'First added' })).toBeTruthy();
  });

  it('draws a bounded number of rows for 1,000 tasks, and updates one row in place', async () => {
    const { real } = await renderApp({
      before: (r) => {
        for (let i = 0; i < 1000; i++)
          r.service.add('story', `bulk-${String(i).padStart(4, '0')}`, `Task ${i}`);
      },
    });
    // 1,000 says "1K" where room is short.
    const show = await screen.findByRole('combobox', { name: 'Show tasks' });
    await within(show).findByRole('option', { name: 'All (1K)' });
    const drawn = screen.getAllByTestId('task-row');
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn.length).toBeLessThan(40);
    expect(drawn[0]?.getAttribute('aria-setsize')).toBe('1000');

    const first = drawn[0];
    const key = first?.getAttribute('data-task-key') as `story:${string}`;
    real.service.rename(key, 'Renamed one');
    const renamed = await screen.findByRole('option', { name: /Renamed one/ });
    expect(renamed).toBe(first);
    expect(screen.getAllByTestId('task-row').slice(1)).toEqual(drawn.slice(1));
  });

  it('says so instead of crashing when there is no bridge', () => {
    render(<App bridge={null} />);
    expect(screen.getByRole('alert').textContent).toMatch(/not connected to CAMB Watch/);
  });
});
