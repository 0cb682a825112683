import { useEffect, useRef } from 'react';
import { onMac } from '../keyboard/onMac';
import { isTextEntry } from '../keyboard/textEntry';

/** Ctrl+Z, or Cmd+Z on a Mac, without Shift or Alt (Shift is redo in most apps). */
export function isUndoPress(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  mac = onMac,
): boolean {
  const command = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  return command && !other && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z';
}

/**
 * Ctrl/Cmd+Z takes back the last removal, as the Undo button in its notice does. In a text field the key
 * keeps undoing typing, and a dialog keeps the keyboard to itself.
 */
export function useUndoShortcut(undoLast: () => boolean): void {
  const current = useRef(undoLast);
  useEffect(() => {
    current.current = undoLast;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || !isUndoPress(event)) return;
      const target = event.target;
      if (
        isTextEntry(target) ||
        (target instanceof Element && target.closest('[aria-modal="true"]') !== null)
      )
        return;
      if (current.current()) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
