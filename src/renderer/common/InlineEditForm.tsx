import { useId, useState, type FormEvent, type ReactNode } from 'react';

/** What the field inside the form needs to point at the error said under it. */
export interface InlineFieldState {
  readonly invalid: boolean;
  readonly errorId: string | undefined;
}

interface InlineEditFormProps {
  readonly submitLabel: string;
  /** Resolves with an error to show under the field, or null when it worked. */
  readonly onSubmit: () => Promise<string | null>;
  readonly onCancel: () => void;
  /** The label and the field, told whether there is an error to point at. */
  readonly children: (state: InlineFieldState) => ReactNode;
  /** A note under the buttons, saying what the change does. */
  readonly note?: ReactNode;
}

/** An edit in place in the details (a label, a kind): Enter saves, Escape or Cancel goes back. */
export function InlineEditForm({ submitLabel, onSubmit, onCancel, children, note }: InlineEditFormProps) {
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(await onSubmit());
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
      {children({ invalid: error !== null, errorId: error !== null ? errorId : undefined })}
      <button type="submit" className="primary">
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {note}
      {error !== null && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
