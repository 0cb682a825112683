/**
 * The wiring project's setup file: the built bundle's `import … from 'electron'` gets the stand-in, its
 * `import('keytar')` an in-memory keychain and its `import('electron-updater')` an updater that records. electron-store, which Node loads itself, reaches the same
 * stand-in through a Node loader hook. Nothing else is replaced.
 */
import { register } from 'node:module';
import { vi } from 'vitest';
import { electronStandIn } from './electronStandIn';

Object.assign(globalThis, { __cambWatchElectronStandIn: electronStandIn });
register('./electronForDependencies.mjs', import.meta.url);

vi.mock('electron', async () => {
  const { electronStandIn: standIn } = await import('./electronStandIn');
  return { ...standIn, default: standIn };
});

vi.mock('keytar', async () => {
  const { keytarStandIn } = await import('./keytarStandIn');
  return { ...keytarStandIn, default: keytarStandIn };
});

vi.mock('electron-updater', async () => {
  const { updaterModuleStandIn } = await import('./updaterStandIn');
  return { default: updaterModuleStandIn };
});
