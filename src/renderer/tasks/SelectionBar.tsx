import { useState } from 'react';
import type { TaskKey } from '../../shared/watchedTask';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { useTaskStore } from '../state/useTaskStore';

interface SelectionBarProps {
  /** The selected tasks, in list order (two or more). */
  readonly keys: readonly TaskKey[];
  readonly onRemove: () => void;
  readonly onClear: () => void;
}

/** "3 selected" and what can be done to all of them at once: remove (with Undo), mute, check now. */
export function SelectionBar({ keys, onRemove, onClear }: SelectionBarProps) {
  const bridge = useBridge();
  const store = useTaskStore();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const allMuted = keys.every((key) => store.get(key)?.muted === true);

  async function run(action: () => Promise<string>) {
    try {
      setMessage({ text: await action(), failed: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), failed: true });
    }
  }

  const setMuted = (muted: boolean) =>
    run(async () => {
      await Promise.all(keys.map((key) => bridge.setMuted({ key, muted })));
      return muted
        ? `Notifications off for ${keys.length} tasks.`
        : `Notifications on for ${keys.length} tasks.`;
    });

  const checkNow = () =>
    run(async () => {
      const outcomes = await Promise.all(keys.map((key) => bridge.checkNow({ key })));
      // When nothing can be checked (paused, offline…), every task says the same: say it once.
      const refused = outcomes.find((outcome) => !outcome.ok);
      if (refused !== undefined && outcomes.every((outcome) => !outcome.ok)) throw new Error(refused.message);
      return `Checking ${keys.length} tasks now.`;
    });

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected tasks">
      <span className="selection-count">{keys.length} selected</span>
      <button type="button" className="danger" aria-keyshortcuts="Delete" onClick={onRemove}>
        Remove
      </button>
      <button type="button" onClick={() => void setMuted(!allMuted)}>
        {allMuted ? 'Unmute' : 'Mute'}
      </button>
      <button type="button" onClick={() => void checkNow()}>
        Check now
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
      {message !== null && (
        <p className={message.failed ? 'field-error' : 'field-note'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
