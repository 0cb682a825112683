import type { Settings } from '../../shared/settings';
import { SettingToggle } from './SettingToggle';
import { useSettingsUpdate } from './useSettingsUpdate';

export function AppearanceSettings({ settings }: { readonly settings: Settings }) {
  const { update, error } = useSettingsUpdate();
  return (
    <fieldset className="settings-section">
      <legend>Appearance</legend>
      <SettingToggle
        label="Compact density"
        description="Tighter rows and spacing, so more tasks fit in a small window."
        checked={settings.compactDensity}
        onChange={(compactDensity) => void update({ compactDensity })}
      />
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
