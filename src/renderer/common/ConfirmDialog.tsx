import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { keepTabInside, useModalFocus } from './modalFocus';

interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** A choice that changes what the confirmation does (Clear finished: "also the unseen ones"). */
  readonly children?: ReactNode;
  /** Nothing would be done as things are chosen: the confirm button waits. */
  readonly confirmDisabled?: boolean;
}

/**
 * Asks before something that cannot be undone, or that removes many things at once. Focus starts on Cancel (the safe choice), stays inside the
 * dialog, Escape cancels, and focus returns to whatever opened it.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, message, confirmLabel, onConfirm, onCancel, children, confirmDisabled = false } = props;
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useModalFocus(cancelRef);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    keepTabInside(event, dialogRef.current);
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-message`}
        className="dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-message`}>{message}</p>
        {children}
        <div className="dialog-actions">
          <button ref={cancelRef} type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={confirmDisabled} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
