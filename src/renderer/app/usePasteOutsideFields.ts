import { useEffect, useRef } from 'react';
import { isTextEntry } from '../keyboard/textEntry';

/**
 * Calls `onPaste` with the pasted text when the user pastes (Ctrl/Cmd+V) anywhere but into a text field:
 * in the list, on a row, on the page. Pasting into a field keeps doing what it always does.
 */
export function usePasteOutsideFields(onPaste: (text: string) => void): void {
  const handler = useRef(onPaste);
  useEffect(() => {
    handler.current = onPaste;
  });
  useEffect(() => {
    const listener = (event: ClipboardEvent) => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const text = event.clipboardData?.getData('text/plain').trim() ?? '';
      if (text === '') return;
      event.preventDefault();
      handler.current(text);
    };
    document.addEventListener('paste', listener);
    return () => document.removeEventListener('paste', listener);
  }, []);
}
