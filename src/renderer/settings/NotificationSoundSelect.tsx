import { useId } from 'react';
import { NOTIFICATION_SOUNDS, type NotificationSound } from '../../shared/settings';

const SOUND_WORDS: Readonly<Record<NotificationSound, string>> = {
  none: 'No sound',
  system: 'The system’s notification sound',
  chime: 'CAMB Watch chime',
};

interface NotificationSoundSelectProps {
  readonly label: string;
  readonly value: NotificationSound;
  readonly disabled: boolean;
  readonly onChange: (sound: NotificationSound) => void;
}

/**
 * The app plays its chime itself, beside a silent notification: the system's Do Not Disturb or Focus,
 * which holds notifications back, cannot silence it (Electron's 'show' says only that the system took the
 * notification), so the chime says so.
 */
export const CHIME_NOTE =
  'The chime plays even while your system’s Do Not Disturb or Focus holds notifications back.';

/** Which sound a notification makes: none, the desktop's own, or the app's short chime. */
export function NotificationSoundSelect({ label, value, disabled, onChange }: NotificationSoundSelectProps) {
  const id = useId();
  return (
    <div className="sound-setting">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as NotificationSound)}
      >
        {NOTIFICATION_SOUNDS.map((sound) => (
          <option key={sound} value={sound}>
            {SOUND_WORDS[sound]}
          </option>
        ))}
      </select>
      {value === 'chime' && <p className="sound-note">{CHIME_NOTE}</p>}
    </div>
  );
}
