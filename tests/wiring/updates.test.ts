/**
 * Updates: a development run never loads electron-updater and says why there are none; a packaged copy
 * that can update checks through it, and "Restart to update" in the tray installs what it downloaded.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_RUN_REASON } from '../../src/main/core/updates/updateAvailability';
import { updaterControl } from './support/updaterStandIn';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

type Envelope<T> = { ok: boolean; value: T };
type Outcome = Envelope<{ ok: boolean; message: string }>;

describe('updates', () => {
  it('in a development run: electron-updater is never loaded, and the window is told why', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    const snapshot = (await wired.invoke('getSnapshot', {})) as Envelope<{ updates: unknown }>;
    expect(snapshot.value.updates).toEqual({ phase: 'unavailable', reason: DEVELOPMENT_RUN_REASON });
    const checked = (await wired.invoke('checkForUpdatesNow', {})) as Outcome;
    expect(checked.value).toEqual({ ok: false, message: DEVELOPMENT_RUN_REASON });
    expect(wired.tray().menu?.labels.some((label) => label.startsWith('Restart to update'))).toBe(false);
    expect(updaterControl.loaded).toBe(false);
  });

  it('packaged with an update source (Windows): checks, then "Restart to update" installs the download', async () => {
    const resources = mkdtempSync(path.join(tmpdir(), 'camb-wiring-resources-'));
    writeFileSync(path.join(resources, 'app-update.yml'), 'provider: github\n');
    const wired = await suite.launch({
      profile: returningProfile(),
      apiKey: API_KEY,
      args: ['--hidden'],
      platform: 'win32',
      packaged: true,
      resourcesPath: resources,
    });
    await wired.started();
    updaterControl.offered = '9.9.9';
    const checked = (await wired.invoke('checkForUpdatesNow', {})) as Outcome;
    expect(checked.value).toMatchObject({ ok: true });
    await expect.poll(() => wired.tray().menu?.labels).toContain('Restart to update (9.9.9)');
    expect(updaterControl).toMatchObject({ loaded: true, checks: 1 });

    wired.tray().menu?.click('Open CAMB Watch');
    await expect.poll(() => wired.window()?.visible).toBe(true);
    wired.tray().menu?.click('Restart to update (9.9.9)');
    await expect.poll(() => updaterControl.installs).toBe(1);
    // quitAndInstall closes the windows before before-quit: the window must close, not hide.
    const window = wired.window();
    window?.close();
    expect(window?.destroyed).toBe(true);
  });
});
