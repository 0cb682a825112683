import { useEffect, useRef } from 'react';
import { shortcutAction, type ShortcutAction } from './keymap';
import { onMac } from './onMac';
import { isTextEntry } from './textEntry';

/** Each handler is told the key pressed (1–5 say which filter). */
export type ShortcutHandlers = Partial<Record<ShortcutAction, (key: string) => void>>;

/** A modal dialog has the keyboard to itself: its own keys only. */
function inModalDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[aria-modal="true"]') !== null;
}

/**
 * The window's one keyboard listener for shortcuts (see keymap.ts). A key whose action has no handler
 * here does what it always does; one a control already took (it prevented it) is left alone.
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || inModalDialog(event.target)) return;
      const action = shortcutAction(event, { mac: onMac, typing: isTextEntry(event.target) });
      const handler = action === null ? undefined : current.current[action];
      if (handler === undefined) return;
      event.preventDefault();
      if (!event.repeat) handler(event.key);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
