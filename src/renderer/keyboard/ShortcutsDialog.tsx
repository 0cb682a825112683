import './keyboard.css';
import { X } from 'lucide-react';
import { useId, useRef, type KeyboardEvent } from 'react';
import { keepTabInside, useModalFocus } from '../common/modalFocus';
import { shortcutHelp } from './keymap';
import { onMac } from './onMac';

/** The list `?` opens: every shortcut, as this computer's keyboard names it (⌘ on a Mac, Ctrl elsewhere). */
export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const id = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useModalFocus(closeRef);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' || event.key === '?') {
      // Taken here: the same Escape must not also go back a screen or put the window away.
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    keepTabInside(event, dialogRef.current);
  }

  return (
    <div className="dialog-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="dialog shortcuts-dialog"
        onKeyDown={onKeyDown}
      >
        <div className="dialog-header">
          <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <X aria-hidden="true" size={16} />
          </button>
        </div>
        <dl className="shortcut-list">
          {shortcutHelp(onMac).map((entry) => (
            <div key={entry.what} className="shortcut-entry">
              <dt>
                {entry.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && <span className="shortcut-or"> or </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{entry.what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
