import { useState } from 'react';
import type { Settings } from '../../shared/settings';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';

/** Sends a settings change; the window redraws from the settingsChanged event, so only errors stay here. */
export function useSettingsUpdate() {
  const bridge = useBridge();
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }
  return { update: (changes: Partial<Settings>) => run(() => bridge.updateSettings(changes)), run, error };
}
