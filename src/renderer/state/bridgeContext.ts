import { createContext, useContext } from 'react';
import type { CambWatchBridge } from '../../shared/contract';

export const BridgeContext = createContext<CambWatchBridge | null>(null);

/** The bridge to the app; every component below <App> can rely on it being there. */
export function useBridge(): CambWatchBridge {
  const bridge = useContext(BridgeContext);
  if (bridge === null) throw new Error('useBridge is used outside <App>');
  return bridge;
}

/** window.cambWatch, or null when the page was opened without the app behind it. */
export function findWindowBridge(): CambWatchBridge | null {
  return typeof window !== 'undefined' && window.cambWatch !== undefined ? window.cambWatch : null;
}
