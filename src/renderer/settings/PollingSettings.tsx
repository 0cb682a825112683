import type { Responsiveness, Schedule, Settings } from '../../shared/settings';
import { useBridge } from '../state/bridgeContext';
import { RadioChoices } from './RadioChoices';
import type { RadioChoice } from './RadioChoices';
import { SettingToggle } from './SettingToggle';
import { useSettingsUpdate } from './useSettingsUpdate';

const CHOICES: readonly RadioChoice<Responsiveness>[] = [
  {
    value: 'eager',
    title: 'Eager',
    explanation: 'Notices a finished task soonest; sends the most requests.',
  },
  {
    value: 'balanced',
    title: 'Balanced',
    explanation: 'Between the two (the default).',
  },
  {
    value: 'frugal',
    title: 'Frugal',
    explanation: 'Fewest requests; a finished task may take longer to notice.',
  },
];

const SCHEDULES: readonly RadioChoice<Schedule>[] = [
  {
    value: 'duration-aware',
    title: 'Learn from my jobs',
    explanation: 'Checks more often around the time jobs of that kind usually finish (the default).',
  },
  {
    value: 'adaptive',
    title: 'Fixed pace by age',
    explanation: 'Checks about every tenth of a job’s age so far, whatever its kind.',
  },
];

export function PollingSettings({ settings }: { readonly settings: Settings }) {
  const bridge = useBridge();
  const { update, run, error } = useSettingsUpdate();
  return (
    <fieldset className="settings-section">
      <legend>Checking</legend>
      <RadioChoices
        label="Polling responsiveness"
        name="responsiveness"
        choices={CHOICES}
        value={settings.responsiveness}
        onChange={(responsiveness) => void update({ responsiveness })}
      />
      <RadioChoices
        label="Check times"
        showLabel
        name="schedule"
        choices={SCHEDULES}
        value={settings.schedule}
        onChange={(schedule) => void update({ schedule })}
      />
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
