import type { Responsiveness, Settings } from '../../shared/settings';
import { useBridge } from '../app/bridgeContext';
import { SettingToggle } from './SettingToggle';
import { useSettingsUpdate } from './useSettingsUpdate';

const CHOICES: readonly { value: Responsiveness; title: string; explanation: string }[] = [
  {
    value: 'eager',
    title: 'Eager',
    explanation: 'Notices a finished task soonest; sends the most requests.',
  },
  {
    value: 'balanced',
    title: 'Balanced',
    explanation: 'Checks about every tenth of a task’s age (the default).',
  },
  {
    value: 'frugal',
    title: 'Frugal',
    explanation: 'Fewest requests; a finished task may take longer to notice.',
  },
];

export function PollingSettings({ settings }: { readonly settings: Settings }) {
  const bridge = useBridge();
  const { update, run, error } = useSettingsUpdate();
  return (
    <fieldset className="settings-section">
      <legend>Checking</legend>
      <div role="radiogroup" aria-label="Polling responsiveness" className="radio-group">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="toggle">
            <input
              type="radio"
              name="responsiveness"
              value={choice.value}
              checked={settings.responsiveness === choice.value}
              onChange={() => void update({ responsiveness: choice.value })}
            />
            <span>
              <span className="toggle-label">{choice.title}</span>
              <span className="toggle-description">{choice.explanation}</span>
            </span>
          </label>
        ))}
      </div>
      <SettingToggle
        label="Pause polling"
        description="Nothing is sent to CAMB.AI until you resume."
        checked={settings.pollingPaused}
        onChange={(paused) => void run(() => bridge.setPollingPaused({ paused }))}
      />
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
