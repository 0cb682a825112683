/**
 * The wiring project's setup file: the built bundle's `import … from 'electron'` (and electron-store's)
 * gets the stand-in, and its `import('keytar')` an in-memory keychain. Nothing else is replaced.
 */
import { vi } from 'vitest';

vi.mock('electron', async () => {
  const { electronStandIn } = await import('./electronStandIn');
  return { ...electronStandIn, default: electronStandIn };
});

vi.mock('keytar', async () => {
  const { keytarStandIn } = await import('./keytarStandIn');
  return { ...keytarStandIn, default: keytarStandIn };
});
