import type { Settings } from '../../shared/settings';
import { DoNotDisturbSetting } from './DoNotDisturbSetting';
import { NotificationSoundSelect } from './NotificationSoundSelect';
import { SettingToggle } from './SettingToggle';
import { useSettingsUpdate } from './useSettingsUpdate';

export function NotificationSettings({ settings }: { readonly settings: Settings }) {
  const { update, run, error } = useSettingsUpdate();
  return (
    <fieldset className="settings-section">
      <legend>Notifications</legend>
      <SettingToggle
        label="Notify when a task succeeds"
        description="A desktop notification the moment a result is ready."
        checked={settings.notifyOnSuccess}
        onChange={(notifyOnSuccess) => void update({ notifyOnSuccess })}
      />
      <NotificationSoundSelect
        label="Sound when a task succeeds"
        value={settings.soundOnSuccess}
        disabled={!settings.notifyOnSuccess}
        onChange={(soundOnSuccess) => void update({ soundOnSuccess })}
      />
      <SettingToggle
        label="Notify when a task fails"
        description="Also for timeouts and payment problems."
        checked={settings.notifyOnFailure}
        onChange={(notifyOnFailure) => void update({ notifyOnFailure })}
      />
      <NotificationSoundSelect
        label="Sound when a task fails"
        value={settings.soundOnFailure}
        disabled={!settings.notifyOnFailure}
        onChange={(soundOnFailure) => void update({ soundOnFailure })}
      />
      <DoNotDisturbSetting until={settings.doNotDisturbUntil} quietHours={settings.quietHours} run={run} />
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
