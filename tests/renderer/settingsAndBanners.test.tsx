import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { taskKey } from '../../src/shared/watchedTask';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { TEST_API_KEY } from './support/realBridge';
import { renderApp } from './support/renderApp';

describe('settings', () => {
  it('sets a key: says "set" and where, clears the field, and the key never reaches the page', async () => {
    const { user, real, container } = await renderApp({ storedKey: null });
    const banner = await screen.findByTestId('banner-no-key');
    await user.click(within(banner).getByRole('button', { name: 'Add API key' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Settings' })).toBeTruthy();
    expect(screen.getByTestId('key-status').textContent).toContain('No key set');

    const field = screen.getByLabelText('API key') as HTMLInputElement;
    expect(field.type).toBe('password');
    // "Add API key" puts the cursor where the key goes, and says where a key comes from.
    expect(document.activeElement).toBe(field);
    expect(
      within(screen.getByTestId('key-status')).getByRole('link', { name: 'studio.camb.ai' }),
    ).toBeTruthy();
    await user.type(field, TEST_API_KEY);
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.getByTestId('key-status').textContent).toContain('Key set'));
    expect(screen.getByTestId('key-status').textContent).toContain('Kept in: memory. CAMB.AI accepted it.');
    expect(screen.getByText('Key saved in the memory. CAMB.AI accepted it.')).toBeTruthy();
    expect((screen.getByLabelText('Replace key') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('banner-no-key')).toBeNull();

    expect(container.innerHTML).not.toContain(TEST_API_KEY);
    const towardsPage = real.traffic.filter((line) => !line.includes('"request"'));
    expect(towardsPage.join('\n')).not.toContain(TEST_API_KEY);
  });

  it('tests the saved key, and a typed candidate before saving it', async () => {
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'API key' }));
    await user.click(screen.getByRole('button', { name: 'Test key' }));
    const verdict = await screen.findByText(/works|accepted/i);
    expect(verdict.className).toBe('field-note');

    await user.type(screen.getByLabelText('Replace key'), 'a-wrong-key-that-is-long-enough-12345');
    await user.click(screen.getByRole('button', { name: 'Test key' }));
    await waitFor(() => expect(document.querySelector('.settings-view .field-error')).not.toBeNull());
  });

  it('changes notifications, responsiveness and pause through the app', async () => {
    const { user, real } = await renderApp();
    await user.keyboard('{Control>},{/Control}');
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    await user.click(screen.getByRole('checkbox', { name: /Notify when a task fails/ }));
    await user.click(screen.getByRole('button', { name: 'Checking' }));
    await user.click(screen.getByRole('radio', { name: /Frugal/ }));
    await waitFor(() =>
      expect(real.service.getSettings()).toMatchObject({ notifyOnFailure: false, responsiveness: 'frugal' }),
    );
    expect((screen.getByRole('radio', { name: /Frugal/ }) as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: /Pause polling/ }));
    const paused = await screen.findByTestId('banner-paused');
    expect(real.service.getSettings().pollingPaused).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { level: 2, name: 'Settings' })).toBeNull();
    await user.click(within(paused).getByRole('button', { name: 'Resume polling' }));
    await waitFor(() => expect(screen.queryByTestId('banner-paused')).toBeNull());
    expect(real.service.getSettings().pollingPaused).toBe(false);
  });

  it('imports a watch list and reports what it did', async () => {
    const { user, real } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Watch list' }));
    const other = await renderOtherExport();
    const file = new File([other], 'watch-list.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Watch list file to import'), file);
    expect(await screen.findByText('Imported 1 task.')).toBeTruthy();
    expect(real.service.list().map((task) => task.taskId)).toEqual(['imported-1']);
  });
});

/** An export from another app instance: the real format, not a hand-written imitation. */
async function renderOtherExport(): Promise<string> {
  const { createRealBridge } = await import('./support/realBridge');
  const other = await createRealBridge();
  try {
    other.service.add('story', 'imported-1', 'From elsewhere');
    await other.settle();
    return (await other.bridge.exportWatchList()).json;
  } finally {
    await other.close();
  }
}

describe('saving a key CAMB.AI rejects', () => {
  it('asks before saving it, saves nothing on Cancel, and saves it on "Save anyway"', async () => {
    const { user, real } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'API key' }));
    const wrong = 'a-wrong-key-that-is-long-enough-12345';
    await user.type(screen.getByLabelText('Replace key'), wrong);
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Save this key anyway?' });
    expect(ask.textContent).toMatch(/^Save this key anyway\?CAMB\.AI does not accept this key: /);
    expect(real.secrets.state.key).toBe(TEST_API_KEY);
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The key was not saved.')).toBeTruthy();
    expect(real.secrets.state.key).toBe(TEST_API_KEY);

    await user.type(screen.getByLabelText('Replace key'), wrong);
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Save anyway' }),
    );
    expect(await screen.findByText('Key saved in the memory, although CAMB.AI rejected it.')).toBeTruthy();
    expect(real.secrets.state.key).toBe(wrong);
    await waitFor(() =>
      expect(screen.getByTestId('key-check').textContent).toBe(
        'CAMB.AI rejected it: tasks are not checked until you save a key that works.',
      ),
    );
  });
});

describe('banners', () => {
  it('says the key was rejected, and goes away after a working key is saved', async () => {
    const { user, real } = await renderApp({
      before: (r) => {
        r.server.addTask('story', 'job-1', step.pending());
        r.server.setApiKey('a-different-key-the-server-wants-000');
        r.service.add('story', 'job-1');
      },
    });
    await real.settle();
    const banner = await screen.findByTestId('banner-auth');
    expect(banner.getAttribute('role')).toBe('alert');
    await user.click(within(banner).getByRole('button', { name: 'Replace API key' }));
    await user.type(screen.getByLabelText('Replace key'), 'a-different-key-the-server-wants-000');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    await real.settle();
    await waitFor(() => expect(screen.queryByTestId('banner-auth')).toBeNull());
  });

  it('says the app is offline and that it resumes by itself', async () => {
    const { real } = await renderApp();
    await screen.findByRole('heading', { name: 'Nothing watched yet' });
    real.service.setOnline(false);
    const banner = await screen.findByTestId('banner-offline');
    expect(banner.textContent).toMatch(/offline/);
    expect(banner.textContent).toMatch(/resumes by itself/);
    real.service.setOnline(true);
    await waitFor(() => expect(screen.queryByTestId('banner-offline')).toBeNull());
  });

  it('says quietly under the list heading when the budget cannot check every job once a minute', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `many-${i}`);
    const { real } = await renderApp({
      before: (r) => {
        // Running jobs: a job CAMB.AI does not know stops being polled, and leaves the count.
        for (const id of ids) {
          r.server.addTask('story', id, step.pending());
          r.service.add('story', id);
        }
      },
    });
    await screen.findByRole('heading', { name: 'Watch list' });
    expect((await screen.findByTestId('budget-notice')).textContent).toBe(
      '300 active jobs: each is checked about every 1 min 10 s.',
    );
    // Fewer jobs than a minute's requests: the budget keeps up again, and the line goes.
    for (const id of ids.slice(0, 40)) real.service.remove(taskKey('story', id));
    await waitFor(() => expect(screen.queryByTestId('budget-notice')).toBeNull());
  });

  it('says the computer is asleep while suspended', async () => {
    const { real } = await renderApp();
    await screen.findByRole('heading', { name: 'Nothing watched yet' });
    real.service.setSuspended(true);
    expect(await screen.findByTestId('banner-suspended')).toBeTruthy();
  });

  it('reports a repaired watch list until dismissed', async () => {
    const { user } = await renderApp({
      recovery: {
        movedTo: '/tmp/watch-list.corrupt.json',
        reason: 'The watch list was not valid JSON.',
        droppedTasks: 2,
      },
    });
    const banner = await screen.findByTestId('banner-recovered');
    expect(banner.textContent).toContain('/tmp/watch-list.corrupt.json');
    expect(banner.textContent).toContain('2 unreadable entries');
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('banner-recovered')).toBeNull();
  });

  it('shows notices as polite toasts, and showTask selects the task and focuses its details', async () => {
    const { real } = await renderApp({ before: (r) => void r.service.add('story', 'job-9', 'Ninth') });
    await screen.findByRole('option', { name: /Ninth/ });
    real.host.notice('success', 'Added from a link.', 'story:job-9');
    const toast = await screen.findByTestId('notice');
    expect(toast.textContent).toContain('Added from a link.');
    expect(toast.closest('[aria-live="polite"]')).not.toBeNull();

    real.host.showTask('story:job-9');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Ninth'));
    expect(screen.getByRole('option', { name: /Ninth/ }).getAttribute('aria-selected')).toBe('true');
  });
});
