import type { CambWatchBridge } from '../shared/contract';

declare global {
  interface Window {
    /**
     * Provided by the preload in Electron and by the web host's injected script; absent when the page is
     * opened any other way, which the app reports instead of crashing.
     */
    readonly cambWatch?: CambWatchBridge;
  }
}

export {};
