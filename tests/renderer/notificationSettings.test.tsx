import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/renderApp';

describe('notification settings: sounds and Do not disturb', () => {
  it('sets a sound per outcome, offered only while that notification is on', async () => {
    const { user, real } = await renderApp();
    await user.keyboard('{Control>},{/Control}');
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    const onSuccess = screen.getByRole('combobox', {
      name: 'Sound when a task succeeds',
    }) as HTMLSelectElement;
    const onFailure = screen.getByRole('combobox', { name: 'Sound when a task fails' }) as HTMLSelectElement;
    expect([onSuccess.value, onFailure.value]).toEqual(['system', 'system']);
    await user.selectOptions(onSuccess, 'No sound');
    await user.selectOptions(onFailure, 'CAMB Watch chime');
    await waitFor(() =>
      expect(real.service.getSettings()).toMatchObject({ soundOnSuccess: 'none', soundOnFailure: 'chime' }),
    );
    expect(onFailure.value).toBe('chime');

    await user.click(screen.getByRole('checkbox', { name: /Notify when a task fails/ }));
    await waitFor(() => expect(onFailure.disabled).toBe(true));
  });

  it('turns Do not disturb on and off, and says until when', async () => {
    const { user, real } = await renderApp();
    await user.keyboard('{Control>},{/Control}');
    const group = await screen.findByRole('group', { name: 'Do not disturb' });
    expect(group.textContent).toContain('Off.');
    await user.click(within(group).getByRole('button', { name: 'For 1 hour' }));
    await waitFor(() => expect(group.textContent).toMatch(/On until \d\d:\d\d/u));
    expect(real.service.getSettings().doNotDisturbUntil).not.toBeNull();
    await user.click(within(group).getByRole('button', { name: 'Turn off Do not disturb' }));
    await waitFor(() => expect(group.textContent).toContain('Off.'));
    expect(real.service.getSettings().doNotDisturbUntil).toBeNull();
  });
});
