import { useEffect, useRef } from 'react';
import type { AppStatus } from '../state/appStatus';
import { ApiKeySettings } from './ApiKeySettings';
import { AppearanceSettings } from './AppearanceSettings';
import { NotificationSettings } from './NotificationSettings';
import { PollingSettings } from './PollingSettings';
import { StartupSettings } from './StartupSettings';
import { UpdateSettings } from './UpdateSettings';
import { WatchListTransfer } from './WatchListTransfer';
import { WindowShortcutSettings } from './WindowShortcutSettings';

/** Where the cursor goes when Settings opens: its heading, or the API key field ("Add API key"). */
export interface SettingsOpening {
  readonly focus: 'heading' | 'apiKey';
  /** Changes on every request, so asking again while Settings is open moves the focus again. */
  readonly nonce: number;
}

interface SettingsViewProps {
  readonly status: AppStatus;
  readonly onClose: () => void;
  readonly opening?: SettingsOpening;
}

/** Settings, in place of the task view; Escape or "Back to tasks" returns. */
export function SettingsView({ status, onClose, opening }: SettingsViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keyFieldRef = useRef<HTMLInputElement>(null);
  const focus = opening?.focus ?? 'heading';
  useEffect(() => {
    (focus === 'apiKey' ? keyFieldRef : headingRef).current?.focus();
  }, [focus, opening?.nonce]);
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
