import type { CambWatchBridge } from '../../shared/contract';
import { AppShell } from './AppShell';
import { BridgeContext, findWindowBridge } from '../state/bridgeContext';
import { BridgeMissing } from './BridgeMissing';

/** The window. `bridge` defaults to window.cambWatch; tests pass one in. */
export function App({ bridge }: { readonly bridge?: CambWatchBridge | null }) {
  const resolved = bridge === undefined ? findWindowBridge() : bridge;
  if (resolved === null) return <BridgeMissing />;
  return (
    <BridgeContext.Provider value={resolved}>
      <AppShell />
    </BridgeContext.Provider>
  );
}
