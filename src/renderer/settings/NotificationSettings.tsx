import type { Settings } from '../../shared/settings';
import { SettingToggle } from './SettingToggle';
import { useSettingsUpdate } from './useSettingsUpdate';

export function NotificationSettings({ settings }: { readonly settings: Settings }) {
  const { update, error } = useSettingsUpdate();
  return (
    <fieldset className="settings-section">
      <legend>Notifications</legend>
      <SettingToggle
        label="Notify when a task succeeds"
        description="A desktop notification the moment a result is ready."
        checked={settings.notifyOnSuccess}
        onChange={(notifyOnSuccess) => void update({ notifyOnSuccess })}
      />
      <SettingToggle
        label="Notify when a task fails"
        description="Also for timeouts and payment problems."
        checked={settings.notifyOnFailure}
        onChange={(notifyOnFailure) => void update({ notifyOnFailure })}
      />
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
