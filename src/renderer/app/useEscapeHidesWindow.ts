import { useEffect } from 'react';
import { useBridge } from '../state/bridgeContext';

/** A field with text in it keeps Escape for itself (a search box clears on it). */
function isFilledField(target: EventTarget | null): boolean {
  return (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value !== '';
}

/**
 * Escape that nothing on the page took (a dialog, a form, Settings, the details screen each take it and
 * prevent it) puts the window away, as a menu-bar popover goes; the app keeps an ordinary window as it is.
 * On `window`, so it hears the key after every listener on the document.
 */
export function useEscapeHidesWindow(): void {
  const bridge = useBridge();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.repeat || isFilledField(event.target))
        return;
      bridge.hideWindow().catch(() => {
        // Nothing to say: the window simply stays.
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [bridge]);
}
