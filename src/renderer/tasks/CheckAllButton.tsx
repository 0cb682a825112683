import { RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { CheckNowOutcome } from '../../shared/contract/payloads';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { RelativeTime } from './RelativeTime';

/** Long enough to read a sentence; the next click replaces it sooner. */
const MESSAGE_MS = 8000;

/**
 * "Check all now", an icon button in the title bar, and what it did or why it could not in a small bubble
 * under it for a few seconds (over the list, never a line of its own that pushes the rows down).
 */
export function CheckAllButton() {
  const bridge = useBridge();
  const [outcome, setOutcome] = useState<CheckNowOutcome | null>(null);

  useEffect(() => {
    if (outcome === null) return;
    const timer = setTimeout(() => setOutcome(null), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function checkAll(): Promise<void> {
    setOutcome(null);
    try {
      setOutcome(await bridge.checkNow({}));
    } catch (error) {
      setOutcome({ ok: false, message: errorMessage(error), resumesAt: null });
    }
  }

  return (
    <div className="check-all">
      <button
        type="button"
        className="icon-button"
        aria-label="Check all now"
        title="Check all now"
        onClick={() => void checkAll()}
      >
        <RefreshCw aria-hidden="true" size={16} />
      </button>
      {outcome !== null && (
        <p className={`check-all-message ${outcome.ok ? 'field-note' : 'field-error'}`} role="status">
          {outcome.message}
          {outcome.resumesAt !== null && (
            <>
              {' '}
              Checking resumes <RelativeTime at={outcome.resumesAt} direction="future" />, by itself.
            </>
          )}
        </p>
      )}
    </div>
  );
}
