import { existsSync, readFileSync } from 'node:fs';
import type { Configuration } from 'app-builder-lib';
import { AppInfo } from 'app-builder-lib/out/appInfo';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builderConfig, packageJson, projectFile } from './builderConfig';

/** electron-builder's own .deb logic, called on a stand-in for its packager (its methods are private). */
interface FpmTargetInternals {
  getDefaultDepends(target: string): string[];
  computeFpmMetaInfoOptions(this: unknown): Promise<{ url: string; maintainer: string }>;
}
const fpmTarget = FpmTarget.prototype as unknown as FpmTargetInternals;

let config: Configuration;
beforeAll(async () => {
  config = await builderConfig();
});

describe('electron-builder.yml', () => {
  // Compiling electron-builder's schema takes seconds on a busy machine: more than vitest's default 5 s.
  it("passes electron-builder's own schema", { timeout: 60_000 }, async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it("keeps electron-builder's default .deb dependencies, which setting deb.depends replaces", () => {
    const defaults = fpmTarget.getDefaultDepends.call(null, 'deb');
    expect(defaults).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'xdg-utils']));
    // keytar needs libsecret; notifications need libnotify.
    expect(config.deb?.depends).toEqual(expect.arrayContaining([...defaults, 'libsecret-1-0', 'libnotify4']));
  });

  it('gives the .deb the project homepage and maintainer it refuses to build without', async () => {
    // The stand-in carries what FpmTarget reads: the app's package.json and the merged linux/deb options.
    const appInfo = {
      info: { metadata: packageJson, repositoryInfo: Promise.resolve(null) },
      notNullDevMetadata: packageJson,
    };
    const target = {
      packager: {
        info: { metadata: packageJson },
        appInfo: {
          linuxPackageName: packageJson.name,
          computePackageUrl: () => AppInfo.prototype.computePackageUrl.call(appInfo),
        },
      },
      options: { ...config.linux, ...config.deb },
    };
    const meta = await fpmTarget.computeFpmMetaInfoOptions.call(target);
    expect(meta.url).toMatch(/^https:\/\//u);
    expect(meta.maintainer).toMatch(/<.+@.+>/u);
  });

  it('packages only the English Electron locale, the language of the window', () => {
    expect(config.electronLanguages).toEqual(['en']);
  });

  it('builds a zip beside the dmg on macOS (updates download the zip)', () => {
    const targets = (config.mac?.target ?? []) as unknown[];
    expect(targets).toEqual(expect.arrayContaining(['dmg', 'zip']));
  });

  it('asks macOS for alerts, without which a notification shows none of its buttons (Electron’s notification-action.md)', () => {
    expect(config.mac?.extendInfo).toMatchObject({
      LSUIElement: true,
      NSUserNotificationAlertStyle: 'alert',
    });
  });

  it('signs and notarizes macOS builds from the environment, with the hardened runtime', () => {
    const mac = config.mac ?? {};
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.notarize).not.toBe(false);
    // `identity: null` would turn signing off even with CSC_LINK set; certificates never live in the file.
    expect(mac).not.toHaveProperty('identity');
    expect(JSON.stringify(config)).not.toMatch(/cscLink|cscKeyPassword|APPLE_|\.p12/iu);
    expect(mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
  });

  it('grants the app and its helpers JIT (V8 needs it under the hardened runtime), and nothing it does not need', () => {
    const plist = readFileSync(projectFile('build/entitlements.mac.plist'), 'utf8');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/gu)].map((match) => match[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('gives Windows a real .ico for the program and installer', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(existsSync(projectFile('build/icon.ico'))).toBe(true);
  });
});
