import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/renderApp';

describe('settings: check times', () => {
  it('learns from my jobs by default; a fixed pace by age, once chosen, is what the app keeps and shows', async () => {
    const { user, real } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Checking' }));
    const group = screen.getByRole('radiogroup', { name: 'Check times' });
    const learn = within(group).getByRole('radio', { name: /Learn from my jobs/ }) as HTMLInputElement;
    const byAge = within(group).getByRole('radio', { name: /Fixed pace by age/ }) as HTMLInputElement;
    expect(learn.checked).toBe(true);
    expect(group.textContent).toContain('usually finish');

    await user.click(byAge);
    await waitFor(() => expect(real.service.getSettings().schedule).toBe('adaptive'));
    expect(byAge.checked).toBe(true);

    // Leaving Settings and coming back shows the choice the app keeps, not the page's memory of the click.
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Checking' }));
    const again = screen.getByRole('radiogroup', { name: 'Check times' });
    expect(
      (within(again).getByRole('radio', { name: /Fixed pace by age/ }) as HTMLInputElement).checked,
    ).toBe(true);
    // The responsiveness choice beside it is a separate group, left as it was.
    expect(real.service.getSettings().responsiveness).toBe('balanced');

    await user.click(within(again).getByRole('radio', { name: /Learn from my jobs/ }));
    await waitFor(() => expect(real.service.getSettings().schedule).toBe('duration-aware'));
  });
});
