import ElectronStore from 'electron-store';
import type { ValueSlot } from '../core/secrets';
import type { Rectangle } from '../core/window';

/** What the shell keeps for itself, apart from the core's watch list: `shell-state.json` in userData. */
interface ShellStateDocument extends Record<string, unknown> {
  windowBounds?: Rectangle;
  /** The API key encrypted by safeStorage (base64), only where the OS keychain cannot be used. */
  encryptedApiKey?: string;
  /** Set once a start has finished on this profile: the first run opens the window. */
  startedBefore?: boolean;
  /** Set once the user has been told where the hidden window went. */
  toldStillRunning?: boolean;
}

export interface ShellState {
  /** As saved: the file is the user's, so the reader validates it (restoreWindowPlacement). */
  readonly savedWindowBounds: () => unknown;
  saveWindowBounds(bounds: Rectangle): void;
  readonly encryptedKeySlot: ValueSlot;
  /** Whether a start has finished on this profile before; `markStarted` records this one. */
  startedBefore(): boolean;
  markStarted(): void;
  /** True the first time only: the "still running" notice is said once per profile. */
  firstHide(): boolean;
}

export function openShellState(): ShellState {
  const store = new ElectronStore<ShellStateDocument>({
    name: 'shell-state',
    // Nothing here is worth refusing to start for: a damaged file means a centred window and, at worst,
    // a key to enter again (the key status says so).
    clearInvalidConfig: true,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
  return {
    savedWindowBounds: () => store.get('windowBounds'),
    saveWindowBounds: (bounds) => store.set('windowBounds', bounds),
    startedBefore: () => store.get('startedBefore') === true,
    markStarted: () => store.set('startedBefore', true),
    firstHide() {
      if (store.get('toldStillRunning') === true) return false;
      store.set('toldStillRunning', true);
      return true;
    },
    encryptedKeySlot: {
      read() {
        const value: unknown = store.get('encryptedApiKey');
        return typeof value === 'string' && value !== '' ? value : null;
      },
      write(value) {
        if (value === null) store.delete('encryptedApiKey');
        else store.set('encryptedApiKey', value);
      },
    },
  };
}
