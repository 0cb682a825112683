import type { Settings } from '../../shared/settings';
import { SettingToggle } from './SettingToggle';
import { useSettingsUpdate } from './useSettingsUpdate';

export function StartupSettings({
  settings,
  host,
}: {
  readonly settings: Settings;
  readonly host: 'electron' | 'web';
}) {
  const { update, error } = useSettingsUpdate();
  return (
    <fieldset className="settings-section">
      <legend>Start-up</legend>
      <SettingToggle
        label="Launch at login"
        description={
          host === 'web'
            ? 'Applies to the desktop app; this development window only remembers the choice.'
            : 'CAMB Watch starts in the tray when you log in.'
        }
        checked={settings.launchAtLogin}
        onChange={(launchAtLogin) => void update({ launchAtLogin })}
      />
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
