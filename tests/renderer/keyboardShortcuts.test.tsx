import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/renderApp';

/** A desktop window that counts how often Escape put it away. */
function popover() {
  let hidden = 0;
  return {
    hidden: () => hidden,
    platform: {
      applyWindowShortcut: () => null,
      hideWindow: () => {
        hidden += 1;
        return true;
      },
    },
  };
}

describe('the list of shortcuts', () => {
  it('opens on ?, closes on Escape without putting the window away, and gives focus back', async () => {
    const desktopWindow = popover();
    const { user } = await renderApp({ desktop: desktopWindow.platform });
    const settings = await screen.findByRole('button', { name: 'Settings' });
    settings.focus();

    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Ctrl+N');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(settings);
    expect(desktopWindow.hidden()).toBe(0);
  });

  it('keys typed into a field stay there: ? in the id field is text', async () => {
    const { user } = await renderApp();
    const field = await screen.findByRole('textbox', { name: 'Task id' });
    await user.click(field);
    await user.keyboard('?/r');
    expect((field as HTMLTextAreaElement).value).toBe('?/r');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
