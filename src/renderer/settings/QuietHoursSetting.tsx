import './quietHours.css';
import { useId, useState } from 'react';
import {
  nextQuietHoursChange,
  quietHoursActive,
  quietHoursSchema,
  quietHoursText,
  WEEKDAY_NAMES,
  type QuietHours,
} from '../../shared/quietHours';
import { doNotDisturbEndText } from '../../shared/format/doNotDisturb';
import { useNow } from '../state/coreClock';
import { SettingToggle } from './SettingToggle';
import { useSettingsUpdate } from './useSettingsUpdate';

/** The two times, with the words beside them: "From 22:00 until 08:00". */
const TIME_FIELDS = [
  ['start', 'From'],
  ['end', 'until'],
] as const;

/** Monday first, as a week is read. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** Where quiet hours stand now, in a sentence: "Quiet now, until 08:00 …" or "Next from 22:00 …". */
function quietHoursState(quiet: QuietHours, now: number): string {
  if (!quiet.enabled) return 'Off: notifications arrive at any hour.';
  const next = nextQuietHoursChange(quiet, now);
  const at = next === null ? null : doNotDisturbEndText(next, now);
  if (quietHoursActive(quiet, now))
    return `Quiet now${at === null ? '' : `, until ${at}`}: notifications wait, then arrive as one summary.`;
  return at === null ? 'On, but no day is chosen.' : `On ${quietHoursText(quiet)}; next from ${at}.`;
}

/**
 * Quiet hours: a Do not disturb that comes back by itself (22:00–08:00 on the days chosen), with
 * "always alert when a job fails". A change is checked here with the settings' own schema, so a time that
 * cannot work (the end equal to the start) is said beside the fields and never saved.
 */
export function QuietHoursSetting({ quietHours }: { readonly quietHours: QuietHours }) {
  const id = useId();
  const now = useNow();
  const { update, error } = useSettingsUpdate();
  // What the person typed that cannot be saved: kept on screen with why, until it is fixed.
  const [draft, setDraft] = useState<{ value: QuietHours; problem: string } | null>(null);
  const shown = draft?.value ?? quietHours;

  function change(changes: Partial<QuietHours>) {
    const value = { ...shown, ...changes };
    const parsed = quietHoursSchema.safeParse(value);
    if (!parsed.success) {
      setDraft({ value, problem: parsed.error.issues[0]?.message ?? 'These quiet hours cannot be saved.' });
      return;
    }
    setDraft(null);
    void update({ quietHours: parsed.data });
  }

  const toggleDay = (day: number, on: boolean) =>
    change({ days: on ? [...shown.days, day].sort((a, b) => a - b) : shown.days.filter((d) => d !== day) });
  const problem = draft?.problem ?? error;

  return (
    <div className="quiet-hours" role="group" aria-labelledby={`${id}-title`}>
      <label className="toggle">
        <input
          type="checkbox"
          checked={shown.enabled}
          onChange={(event) => change({ enabled: event.target.checked })}
        />
        <span>
          <span id={`${id}-title`} className="toggle-label">
            Quiet hours
          </span>
          <span className="toggle-description" data-testid="quiet-hours-state">
            {quietHoursState(quietHours, now)}
          </span>
        </span>
      </label>
      <fieldset className="quiet-hours-fields" disabled={!shown.enabled} aria-label="When quiet hours hold">
        <div className="quiet-hours-times">
          {TIME_FIELDS.map(([field, label]) => (
            <label key={field}>
              {label}{' '}
              <input
                type="time"
                value={shown[field]}
                onChange={(event) => event.target.value !== '' && change({ [field]: event.target.value })}
              />
            </label>
          ))}
        </div>
        <div className="quiet-hours-days" role="group" aria-label="Starting on">
          {WEEK.map((day) => {
            const name = WEEKDAY_NAMES[day] ?? '';
            return (
              <label key={day} className="day-chip" title={name}>
                <input
                  type="checkbox"
                  aria-label={name}
                  checked={shown.days.includes(day)}
                  onChange={(event) => toggleDay(day, event.target.checked)}
                />
                <span aria-hidden="true">{name.slice(0, 3)}</span>
              </label>
            );
          })}
        </div>
        <SettingToggle
          label="Always alert when a job fails"
          description="A failure is told at once, even during quiet hours."
          checked={shown.alwaysAlertOnFailure}
          onChange={(alwaysAlertOnFailure) => change({ alwaysAlertOnFailure })}
        />
      </fieldset>
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
