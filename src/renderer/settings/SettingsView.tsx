import './settings.css';
import { useRef } from 'react';
import type { AppStatus } from '../state/appStatus';
import { useFocusTarget } from '../state/focusRequest';
import { ApiKeySettings } from './ApiKeySettings';
import { AppearanceSettings } from './AppearanceSettings';
import { NotificationSettings } from './NotificationSettings';
import { PollingSettings } from './PollingSettings';
import { StartupSettings } from './StartupSettings';
import { UpdateSettings } from './UpdateSettings';
import { WatchListTransfer } from './WatchListTransfer';
import { WindowShortcutSettings } from './WindowShortcutSettings';

interface SettingsViewProps {
  readonly status: AppStatus;
  readonly onClose: () => void;
}

/** Settings, in place of the task view; Escape or "Back to tasks" returns. */
export function SettingsView({ status, onClose }: SettingsViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keyFieldRef = useRef<HTMLInputElement>(null);
  // The cursor goes to the heading when Settings opens, or to the key field for "Add API key".
  useFocusTarget('settingsHeading', headingRef);
  useFocusTarget('settingsApiKey', keyFieldRef);
  return (
    <section
      className="settings-view"
      aria-labelledby="settings-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        // Taken: the same Escape must not also put the window away (useEscapeHidesWindow).
        event.preventDefault();
        onClose();
      }}
    >
      <div className="view-header">
        <h2 id="settings-title" ref={headingRef} tabIndex={-1}>
          Settings
        </h2>
        <button type="button" onClick={onClose}>
          Back to tasks
        </button>
      </div>
      <ApiKeySettings keyStatus={status.keyStatus} keyFieldRef={keyFieldRef} />
      <NotificationSettings settings={status.settings} />
      <PollingSettings settings={status.settings} />
      <StartupSettings settings={status.settings} host={status.host} />
      <UpdateSettings settings={status.settings} updates={status.updates} />
      <WindowShortcutSettings settings={status.settings} host={status.host} />
      <AppearanceSettings settings={status.settings} />
      <WatchListTransfer />
    </section>
  );
}
