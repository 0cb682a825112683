import { useEffect, useId, useRef, useState } from 'react';
import { InlineEditForm } from '../common/InlineEditForm';

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
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  return (
    <InlineEditForm submitLabel="Save label" onSubmit={() => onSave(label)} onCancel={onCancel}>
      {({ invalid, errorId }) => (
        <>
          <label htmlFor={`${id}-label`}>New label</label>
          <input
            id={`${id}-label`}
            ref={inputRef}
            type="text"
            value={label}
            maxLength={200}
            aria-invalid={invalid}
            aria-describedby={errorId}
            onChange={(event) => setLabel(event.target.value)}
          />
        </>
      )}
    </InlineEditForm>
  );
}
