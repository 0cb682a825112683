import './banners.css';
import type { AppStatus } from '../state/appStatus';
import { useNow } from '../state/coreClock';
import { RelativeTime } from '../tasks/RelativeTime';
import { sentence } from '../../shared/format/sentence';
import { StudioKeyHint } from '../common/StudioKeyLink';
import { Banner } from './Banner';
import { RetryNowButton } from './RetryNowButton';
import type { NoticePayload } from '../notices/useNotices';

interface BannersProps {
  readonly status: AppStatus;
  /** Opens Settings with the cursor in the API key field ("Add API key", "Replace API key"). */
  readonly onAddKey: () => void;
  readonly onResume: () => void;
  readonly onDismissRecovery: () => void;
  /** Says what "Retry now" found (the banner may be gone by then). */
  readonly onNotice: (notice: NoticePayload) => void;
}

/** App-wide problems, most pressing first, each saying what to do. */
export function Banners(props: BannersProps) {
  const { status, onAddKey, onResume, onDismissRecovery, onNotice } = props;
  const now = useNow();
  const { state, storeRecovery } = status;
  const rateLimited = state.rateLimitedUntil !== null && state.rateLimitedUntil > now;
  return (
    <div className="banners">
      {state.saveProblem !== null && (
        // First: of all problems, only this one loses what the user did (when they quit before it clears).
        <Banner tone="error" testId="banner-not-saving" title="Changes are not being saved.">
          {state.saveProblem.message}
        </Banner>
      )}
      {!state.key.present && (
        <Banner
          tone="error"
          testId="banner-no-key"
          title="No API key."
          actions={
            <button type="button" onClick={onAddKey}>
              Add API key
            </button>
          }
        >
          CAMB Watch needs your CAMB.AI API key to check tasks. <StudioKeyHint /> Then add it in Settings.
          {state.key.problem !== null && ` (${state.key.problem})`}
        </Banner>
      )}
      {state.key.present && state.authProblem !== null && (
        <Banner
          tone="error"
          testId="banner-auth"
          title="The API key does not work."
          actions={
            <button type="button" onClick={onAddKey}>
              Replace API key
            </button>
          }
        >
          {sentence(state.authProblem)} Checking waits until you save a working key in Settings.
        </Banner>
      )}
      {state.connectivity !== 'online' && (
        <Banner
          tone="warning"
          testId="banner-offline"
          title={state.connectivity === 'offline' ? 'You are offline.' : 'CAMB.AI cannot be reached.'}
          actions={<RetryNowButton onNotice={onNotice} />}
        >
          Checking resumes by itself once the connection is back; nothing is lost meanwhile.
        </Banner>
      )}
      {rateLimited && state.rateLimitedUntil !== null && (
        <Banner
          tone="warning"
          testId="banner-rate-limited"
          title="CAMB.AI asked CAMB Watch to slow down."
          actions={<RetryNowButton onNotice={onNotice} />}
        >
          Checking resumes <RelativeTime at={state.rateLimitedUntil} direction="future" />, by itself.
        </Banner>
      )}
      {state.pollingPaused && (
        <Banner
          tone="info"
          testId="banner-paused"
          title="Polling is paused."
          actions={
            <button type="button" onClick={onResume}>
              Resume polling
            </button>
          }
        >
          No task is checked until you resume.
        </Banner>
      )}
      {state.suspended && (
        <Banner tone="info" testId="banner-suspended" title="The computer is asleep or locked.">
          Checking waits and catches up as soon as you are back.
        </Banner>
      )}
      {storeRecovery !== null && (
        <Banner
          tone="warning"
          testId="banner-recovered"
          title="The watch list was damaged and has been repaired."
          actions={
            <button type="button" onClick={onDismissRecovery}>
              Dismiss
            </button>
          }
        >
          {storeRecovery.reason}
          {storeRecovery.droppedTasks > 0 &&
            ` ${storeRecovery.droppedTasks} unreadable ${storeRecovery.droppedTasks === 1 ? 'entry was' : 'entries were'} left out.`}
          {storeRecovery.movedTo !== null && ` The old file was kept at ${storeRecovery.movedTo}.`}
        </Banner>
      )}
    </div>
  );
}
