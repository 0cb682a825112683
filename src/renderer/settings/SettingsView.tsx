import { useEffect, useRef } from 'react';
import type { AppStatus } from '../app/appStatus';
import { ApiKeySettings } from './ApiKeySettings';
import { NotificationSettings } from './NotificationSettings';
import { PollingSettings } from './PollingSettings';
import { StartupSettings } from './StartupSettings';
import { WatchListTransfer } from './WatchListTransfer';

interface SettingsViewProps {
  readonly status: AppStatus;
  readonly onClose: () => void;
}

/** Settings, in place of the task view; Escape or "Back to tasks" returns. */
export function SettingsView({ status, onClose }: SettingsViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section
      className="settings-view"
      aria-labelledby="settings-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
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
      <ApiKeySettings keyStatus={status.keyStatus} />
      <NotificationSettings settings={status.settings} />
      <PollingSettings settings={status.settings} />
      <StartupSettings settings={status.settings} host={status.host} />
      <WatchListTransfer />
    </section>
  );
}
