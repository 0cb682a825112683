import { useEffect, type KeyboardEvent, type RefObject } from 'react';

/** A modal dialog takes focus when it opens (on `first`) and gives it back to what opened it on closing. */
export function useModalFocus(first: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement;
    first.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
    // A ref object is the same for the dialog's whole life: this runs once, on opening.
  }, [first]);
}

/** Tab and Shift+Tab go round the dialog's buttons and boxes instead of leaving it. */
export function keepTabInside(event: KeyboardEvent<HTMLElement>, dialog: HTMLElement | null): void {
  if (event.key !== 'Tab') return;
  const buttons = [
    ...(dialog?.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled)') ?? []),
  ];
  const first = buttons[0];
  const last = buttons.at(-1);
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}
