import type { Settings } from '../../shared/settings';
import type { UpdateState } from '../../shared/updateState';
import { useBridge } from '../state/bridgeContext';
import { ActionMessageView } from '../common/ActionMessageView';
import { useActionMessage } from '../common/useActionMessage';
import { SettingToggle } from './SettingToggle';
import { updateStatusText } from './updateStatusText';
import { useSettingsUpdate } from './useSettingsUpdate';

/**
 * The app's own updates: the state the core reports (up to date, downloading, ready, why not here), the
 * automatic-check setting, and Restart to update / Check now. Where this copy cannot update, only why,
 * and the releases page where a new version is downloaded by hand (an unsigned macOS build, a plain Linux
 * folder), opened outside through the app's one way out (openExternalLink: https only).
 */
export function UpdateSettings({
  settings,
  updates,
}: {
  readonly settings: Settings;
  readonly updates: UpdateState;
}) {
  const bridge = useBridge();
  const { update, error } = useSettingsUpdate();
  const action = useActionMessage();
  const runOutcome = (call: () => Promise<{ ok: boolean; message: string }>) =>
    void action.run(async () => {
      const outcome = await call();
      // A check that started is told by the state line itself.
      return outcome.ok ? null : { tone: 'error', text: outcome.message };
    });
  const canCheck = updates.phase === 'idle' || updates.phase === 'error';
  return (
    <fieldset className="settings-section">
      <legend>Updates</legend>
      <p className={updates.phase === 'error' ? 'field-error' : 'update-status'} role="status">
        {updateStatusText(updates)}
      </p>
      {updates.phase === 'downloading' && (
        <progress
          className="update-progress"
          aria-label={`Downloading version ${updates.version}`}
          max={100}
          value={updates.percent}
        />
      )}
      {updates.phase === 'unavailable' && updates.releasesUrl !== undefined && (
        <>
          <div className="button-row">
            <button
              type="button"
              disabled={action.busy}
              onClick={() => {
                const url = updates.releasesUrl;
                if (url !== undefined) runOutcome(() => bridge.openExternalLink({ url }));
              }}
            >
              Open the releases page
            </button>
          </div>
          <ActionMessageView message={action.message} />
        </>
      )}
      {updates.phase !== 'unavailable' && (
        <>
          <div className="button-row">
            {updates.phase === 'ready' && (
              <button
                type="button"
                className="primary"
                disabled={action.busy}
                onClick={() => runOutcome(() => bridge.restartToUpdate())}
              >
                Restart to update
              </button>
            )}
            {canCheck && (
              <button
                type="button"
                disabled={action.busy}
                onClick={() => runOutcome(() => bridge.checkForUpdatesNow())}
              >
                Check now
              </button>
            )}
          </div>
          <ActionMessageView message={action.message} />
          <SettingToggle
            label="Check for updates automatically"
            description="At start and every few hours; a new version downloads in the background."
            checked={settings.checkForUpdates}
            onChange={(checkForUpdates) => void update({ checkForUpdates })}
          />
        </>
      )}
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
