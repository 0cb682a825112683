import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WindowShortcut } from '../../src/shared/windowShortcut';
import { renderApp } from './support/renderApp';

/** The desktop app's side: a system where Ctrl+Alt+C belongs to another app, and a popover window. */
function desktop() {
  const claimed: (WindowShortcut | null)[] = [];
  let hidden = 0;
  return {
    claimed,
    hidden: () => hidden,
    platform: {
      applyWindowShortcut: (shortcut: WindowShortcut | null) => {
        if (shortcut === 'CommandOrControl+Alt+C')
          return 'Ctrl+Alt+C is already used by another app or by the system, so CAMB Watch cannot use it. Choose another shortcut.';
        claimed.push(shortcut);
        return null;
      },
      hideWindow: () => {
        hidden += 1;
        return true;
      },
    },
  };
}

async function openSettings(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  await user.click(screen.getByRole('button', { name: 'Window and look' }));
  return screen.getByRole('radiogroup', { name: 'Shortcut to show and hide CAMB Watch' });
}

describe('the keyboard shortcut setting', () => {
  it('is off by default; a taken shortcut is refused in words and not saved; a free one is', async () => {
    const system = desktop();
    const { user, real } = await renderApp({ desktop: system.platform });
    const group = await openSettings(user);
    expect((within(group).getByRole('radio', { name: 'None' }) as HTMLInputElement).checked).toBe(true);

    await user.click(within(group).getByRole('radio', { name: 'Ctrl+Alt+C' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ctrl+Alt+C is already used by another app or by the system, so CAMB Watch cannot use it. Choose another shortcut.',
    );
    expect(real.service.getSettings().windowShortcut).toBeNull();
    expect((within(group).getByRole('radio', { name: 'None' }) as HTMLInputElement).checked).toBe(true);

    await user.click(within(group).getByRole('radio', { name: 'Ctrl+Alt+W' }));
    await waitFor(() => expect(real.service.getSettings().windowShortcut).toBe('CommandOrControl+Alt+W'));
    expect((within(group).getByRole('radio', { name: 'Ctrl+Alt+W' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();

    await user.click(within(group).getByRole('radio', { name: 'None' }));
    await waitFor(() => expect(real.service.getSettings().windowShortcut).toBeNull());
    expect(system.claimed).toEqual(['CommandOrControl+Alt+W', null]);
  });

  it('in the development window, only remembers the choice and says so', async () => {
    const { user, real } = await renderApp();
    const group = await openSettings(user);
    expect(screen.getByText(/this browser tab cannot/)).toBeTruthy();
    await user.click(within(group).getByRole('radio', { name: 'Ctrl+Shift+Y' }));
    await waitFor(() => expect(real.service.getSettings().windowShortcut).toBe('CommandOrControl+Shift+Y'));
  });
});

describe('Escape puts the window away when nothing on the page takes it', () => {
  it('hides from the task list, but first closes Settings', async () => {
    const system = desktop();
    const { user } = await renderApp({ desktop: system.platform });
    await openSettings(user);
    await user.keyboard('{Escape}');
    await screen.findByRole('button', { name: 'Settings' });
    expect(screen.queryByRole('heading', { level: 2, name: 'Settings' })).toBeNull();
    expect(system.hidden()).toBe(0);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(system.hidden()).toBe(1));
  });

  it('leaves a field with text in it to clear itself', async () => {
    const system = desktop();
    const { user } = await renderApp({ desktop: system.platform });
    const field = await screen.findByLabelText('Task id');
    await user.type(field, 'abc');
    await user.keyboard('{Escape}');
    expect(system.hidden()).toBe(0);
  });
});
