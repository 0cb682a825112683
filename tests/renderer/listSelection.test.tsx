import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NoticeToasts } from '../../src/renderer/notices/NoticeToasts';
import { UNDO_MS } from '../../src/renderer/tasks/removeWithUndo';
import { renderApp } from './support/renderApp';

describe('several tasks selected', () => {
  it('mutes and checks them together from the selection bar', async () => {
    const { user, real } = await renderApp({
      before: async (r) => {
        r.service.updateSettings({ listOrder: 'added' });
        for (const id of ['a', 'b', 'c']) {
          r.service.add('story', id, `Task ${id}`);
          await r.clock.advance(1000);
        }
      },
    });
    await user.click(await screen.findByRole('option', { name: /Task a/ }));
    await user.keyboard('{Control>}');
    await user.click(screen.getByRole('option', { name: /Task c/ }));
    await user.keyboard('{/Control}');
    const bar = screen.getByRole('toolbar', { name: 'Selected tasks' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    expect(screen.getByRole('listbox').getAttribute('aria-multiselectable')).toBe('true');

    await user.click(within(bar).getByRole('button', { name: 'Mute' }));
    await waitFor(() => expect(real.service.get('story:c')?.muted).toBe(true));
    expect(real.service.get('story:a')?.muted).toBe(true);
    expect(real.service.get('story:b')?.muted).toBe(false);
    await within(bar).findByRole('button', { name: 'Unmute' });

    await user.click(within(bar).getByRole('button', { name: 'Check now' }));
    await within(bar).findByText('Checking 2 tasks now.');

    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('toolbar', { name: 'Selected tasks' })).toBeNull();
  });
});

describe('the Undo notice', () => {
  it('stays about ten seconds, longer than other notices, then goes by itself', () => {
    vi.useFakeTimers();
    try {
      const dismissed: number[] = [];
      const undo = vi.fn();
      render(
        <NoticeToasts
          notices={[
            {
              id: 1,
              level: 'info',
              text: 'Removed “Intro”',
              key: null,
              durationMs: UNDO_MS,
              action: { label: 'Undo', run: undo },
              keys: [],
              revision: 0,
            },
          ]}
          onDismiss={(id) => dismissed.push(id)}
          onShowTask={() => undefined}
          onShowTasks={() => undefined}
        />,
      );
      expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
      act(() => void vi.advanceTimersByTime(9_000));
      expect(dismissed).toEqual([]);
      act(() => void vi.advanceTimersByTime(1_000));
      expect(dismissed).toEqual([1]);
    } finally {
      vi.useRealTimers();
    }
  });
});
