import './settings.css';
import { useRef, useState } from 'react';
import type { AppStatus } from '../state/appStatus';
import { useFocusRequests, useFocusTarget } from '../state/focusRequest';
import { ApiKeySettings } from './ApiKeySettings';
import { AppearanceSettings } from './AppearanceSettings';
import { AutoSaveSettings } from './AutoSaveSettings';
import { NotificationSettings } from './NotificationSettings';
import { PollingSettings } from './PollingSettings';
import { SettingsSectionPicker, type SettingsSection } from './SettingsSectionPicker';
import { StartupSettings } from './StartupSettings';
import { UpdateSettings } from './UpdateSettings';
import { WatchListTransfer } from './WatchListTransfer';
import { WindowShortcutSettings } from './WindowShortcutSettings';

type SectionName = 'key' | 'notifications' | 'checking' | 'saving' | 'startup' | 'window' | 'list';

const SECTIONS: readonly SettingsSection<SectionName>[] = [
  { name: 'key', title: 'API key' },
  { name: 'notifications', title: 'Notifications' },
  { name: 'checking', title: 'Checking' },
  { name: 'saving', title: 'Saving results' },
  { name: 'startup', title: 'Start-up and updates' },
  { name: 'window', title: 'Window and look' },
  { name: 'list', title: 'Watch list' },
];

interface SettingsViewProps {
  readonly status: AppStatus;
  /** A tray popover's width: a section picker instead of the side list. */
  readonly narrow: boolean;
  readonly onClose: () => void;
}

/**
 * Settings, in place of the task view, one section at a time; Escape or "Back to tasks" returns. It opens
 * on the key when none is set (nothing is checked without one), else on Notifications, the most changed.
 */
export function SettingsView({ status, narrow, onClose }: SettingsViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keyFieldRef = useRef<HTMLInputElement>(null);
  const [section, setSection] = useState<SectionName>(status.keyStatus.present ? 'notifications' : 'key');
  // "Add API key" elsewhere asks for the key field: its section is drawn first (during this render, before
  // useFocusTarget's effect looks for the field and would drop the request as undrawable).
  const { request } = useFocusRequests();
  if (request?.target === 'settingsApiKey' && section !== 'key') setSection('key');
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
      <div className={narrow ? 'settings-body is-narrow' : 'settings-body'}>
        <SettingsSectionPicker sections={SECTIONS} current={section} narrow={narrow} onChoose={setSection} />
        <div className="settings-page" data-testid="settings-page">
          {section === 'key' && <ApiKeySettings keyStatus={status.keyStatus} keyFieldRef={keyFieldRef} />}
          {section === 'notifications' && <NotificationSettings settings={status.settings} />}
          {section === 'checking' && <PollingSettings settings={status.settings} />}
          {section === 'saving' && <AutoSaveSettings settings={status.settings} />}
          {section === 'startup' && (
            <>
              <StartupSettings settings={status.settings} host={status.host} />
              <UpdateSettings settings={status.settings} updates={status.updates} />
            </>
          )}
          {section === 'window' && (
            <>
              <WindowShortcutSettings settings={status.settings} host={status.host} />
              <AppearanceSettings settings={status.settings} />
            </>
          )}
          {section === 'list' && <WatchListTransfer />}
        </div>
      </div>
    </section>
  );
}
