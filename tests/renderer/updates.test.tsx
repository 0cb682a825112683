import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS } from '../../src/main/core/updates';
import { scriptedUpdater } from '../support/scriptedUpdater';
import { renderApp } from './support/renderApp';

async function openSettings(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  await user.click(screen.getByRole('button', { name: 'Start-up and updates' }));
  return within(screen.getByRole('group', { name: 'Updates' }));
}

describe('settings: updates', () => {
  it('follows a check, a download and "Restart to update", as the core reports them', async () => {
    const updater = scriptedUpdater();
    const { user, real } = await renderApp({ updater: updater.port });
    const updates = await openSettings(user);
    expect(updates.getByRole('status').textContent).toBe('Not checked yet.');
    expect(
      (updates.getByRole('checkbox', { name: /Check for updates automatically/ }) as HTMLInputElement)
        .checked,
    ).toBe(true);

    await real.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
    await waitFor(() => expect(updates.getByRole('status').textContent).toBe('Checking for updates…'));
    await updater.answer({ type: 'available', version: '1.2.0' });
    updater.emit({ type: 'progress', percent: 42.4 });
    await waitFor(() =>
      expect(updates.getByRole('status').textContent).toBe('Downloading version 1.2.0: 42 %'),
    );
    expect(
      (updates.getByRole('progressbar', { name: 'Downloading version 1.2.0' }) as HTMLProgressElement).value,
    ).toBe(42);
    expect(updates.queryByRole('button', { name: 'Check now' })).toBeNull();

    updater.emit({ type: 'downloaded', version: '1.2.0' });
    await waitFor(() =>
      expect(updates.getByRole('status').textContent).toBe(
        'Version 1.2.0 is ready. It is installed when you restart CAMB Watch or quit it from its icon.',
      ),
    );
    await user.click(updates.getByRole('button', { name: 'Restart to update' }));
    await waitFor(() => expect(updater.installs).toBe(1));
  });

  it('says a failed check in words, checks again on "Check now", and turns automatic checks off', async () => {
    const updater = scriptedUpdater();
    const { user, real } = await renderApp({ updater: updater.port });
    const updates = await openSettings(user);
    await user.click(updates.getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(updater.checks).toBe(1));
    updater.emit({ type: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' });
    await updater.reject('net::ERR_NAME_NOT_RESOLVED');
    await waitFor(() =>
      expect(updates.getByRole('status').textContent).toBe(
        'The update server could not be reached: check your connection. CAMB Watch will try again later.',
      ),
    );
    expect(document.body.textContent).not.toContain('ERR_NAME_NOT_RESOLVED');

    await user.click(updates.getByRole('button', { name: 'Check now' }));
    await updater.answer({ type: 'not-available' });
    await waitFor(() => expect(updates.getByRole('status').textContent).toBe('Up to date.'));

    await user.click(updates.getByRole('checkbox', { name: /Check for updates automatically/ }));
    await waitFor(() => expect(real.service.getSettings().checkForUpdates).toBe(false));
    await real.advance(2 * CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
  });

  it('says why a copy cannot update, and offers nothing that would not work', async () => {
    const { user } = await renderApp();
    const updates = await openSettings(user);
    expect(updates.getByRole('status').textContent).toBe(
      'Updates are not available here: this browser version is for development and never updates.',
    );
    expect(updates.queryByRole('button')).toBeNull();
    expect(updates.queryByRole('checkbox')).toBeNull();
  });
});
