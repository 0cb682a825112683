import { useState } from 'react';
import { errorMessage } from '../state/errorMessage';

/** The one line an action leaves under its buttons: what happened, or what went wrong. */
export type ActionMessage = { readonly tone: 'ok' | 'error'; readonly text: string };

/**
 * Runs one action at a time for a group of buttons: they are disabled while it runs, and its outcome (or
 * the error it threw, in the app's words) becomes the group's message.
 */
export function useActionMessage() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  /** `action` resolves to its outcome, or null when something else (a progress bar) says it. */
  async function run(action: () => Promise<ActionMessage | null>): Promise<void> {
    setBusy(true);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return { busy, message, setMessage, run };
}
