import { useState } from 'react';
import type { Settings } from '../../shared/settings';
import { shortcutLabel, WINDOW_SHORTCUTS, type WindowShortcut } from '../../shared/windowShortcut';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { onMac } from '../keyboard/onMac';

const CHOICES: readonly { value: WindowShortcut | null; title: string }[] = [
  { value: null, title: 'None' },
  ...WINDOW_SHORTCUTS.map((shortcut) => ({ value: shortcut, title: shortcutLabel(shortcut, onMac) })),
];

/** A shortcut that shows and hides the window from any app; the app claims it before saving it. */
export function WindowShortcutSettings({
  settings,
  host,
}: {
  readonly settings: Settings;
  readonly host: 'electron' | 'web';
}) {
  const bridge = useBridge();
  const [error, setError] = useState<string | null>(null);
  async function choose(shortcut: WindowShortcut | null) {
    try {
      const outcome = await bridge.setWindowShortcut({ shortcut });
      setError(outcome.ok ? null : outcome.message);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }
  return (
    <fieldset className="settings-section">
      <legend>Keyboard shortcut</legend>
      <p className="field-note" id="window-shortcut-note">
        {host === 'web'
          ? 'The desktop app listens for it in every app; this browser tab cannot.'
          : 'Press it in any app to bring CAMB Watch forward, and again to put it away.'}
      </p>
      <div
        role="radiogroup"
        aria-label="Shortcut to show and hide CAMB Watch"
        aria-describedby="window-shortcut-note"
        className="radio-group"
      >
        {CHOICES.map((choice) => (
          <label key={choice.title} className="toggle">
            <input
              type="radio"
              name="windowShortcut"
              value={choice.value ?? 'none'}
              checked={settings.windowShortcut === choice.value}
              onChange={() => void choose(choice.value)}
            />
            <span>
              <span className="toggle-label">{choice.title}</span>
            </span>
          </label>
        ))}
      </div>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
