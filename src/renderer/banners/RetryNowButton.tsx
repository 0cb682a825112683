import { RotateCw } from 'lucide-react';
import { useContext, useState } from 'react';
import type { CheckNowOutcome } from '../../shared/contract/payloads';
import { useBridge } from '../state/bridgeContext';
import { CoreClockContext } from '../state/coreClock';
import { errorMessage } from '../state/errorMessage';
import type { NoticePayload } from '../notices/useNotices';
import { formatUntil } from '../tasks/relativeTime';

/** What Retry now found, as a notice: the banner it sits on is gone when the retry worked. */
function retryNotice(outcome: CheckNowOutcome, now: number): NoticePayload {
  const resumes =
    outcome.resumesAt === null ? '' : ` Checking resumes ${formatUntil(outcome.resumesAt, now)}, by itself.`;
  return { level: outcome.ok ? 'success' : 'warning', text: `${outcome.message}${resumes}`, key: null };
}

/** One request to CAMB.AI now, instead of waiting for the next try (the core decides what it may send). */
export function RetryNowButton({ onNotice }: { readonly onNotice: (notice: NoticePayload) => void }) {
  const bridge = useBridge();
  const clock = useContext(CoreClockContext);
  const [busy, setBusy] = useState(false);

  async function retry() {
    setBusy(true);
    try {
      onNotice(retryNotice(await bridge.retryNow({}), clock.now()));
    } catch (error) {
      onNotice({ level: 'error', text: errorMessage(error), key: null });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" disabled={busy} onClick={() => void retry()}>
      <RotateCw aria-hidden="true" size={14} className={busy ? 'spin' : undefined} />
      {busy ? 'Retrying…' : 'Retry now'}
    </button>
  );
}
