import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

interface RenameFormProps {
  readonly initial: string;
  /** Resolves with an error message, or null when the new label was saved. */
  readonly onSave: (label: string) => Promise<string | null>;
  readonly onCancel: () => void;
}

/** Inline rename: Enter saves, Escape cancels; an empty label goes back to showing the id. */
export function RenameForm({ initial, onSave, onCancel }: RenameFormProps) {
  const id = useId();
  const [label, setLabel] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(await onSave(label));
  }

  return (
    <form
      className="rename-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-label`}>New label</label>
      <input
        id={`${id}-label`}
        ref={inputRef}
        type="text"
        value={label}
        maxLength={200}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(event) => setLabel(event.target.value)}
      />
      <button type="submit" className="primary">
        Save label
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error !== null && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
