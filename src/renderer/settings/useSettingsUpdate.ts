import { useState } from 'react';
import type { Settings } from '../../shared/settings';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';

/**
 * Sends a settings change; the window redraws from the settingsChanged event, so only errors stay here.
 * `update` resolves to whether the change was taken.
 */
export function useSettingsUpdate() {
  const bridge = useBridge();
  const [error, setError] = useState<string | null>(null);
  async function attempt(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      setError(null);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    }
  }
  async function run(action: () => Promise<unknown>): Promise<void> {
    await attempt(action);
  }
  return {
    update: (changes: Partial<Settings>) => attempt(() => bridge.updateSettings(changes)),
    run,
    error,
  };
}
