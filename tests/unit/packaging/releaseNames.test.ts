// Through the package's index first: its modules import each other in a cycle that only resolves in that order.
import { type Configuration, PlatformPackager, WindowsSignToolManager } from 'app-builder-lib';
import { computeSafeArtifactNameIfNeeded } from 'app-builder-lib/out/platformPackager';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander';
import { Arch } from 'builder-util';
import { sanitizeFileName } from 'builder-util/out/filename';
import { beforeAll, describe, expect, it } from 'vitest';
import { builderConfig, packageJson } from './builderConfig';

/**
 * What a release uploads and what the updater then asks for. electron-builder names each artefact from
 * `artifactName` (or the target's own default) and writes latest*.yml with a "safe" name where the real
 * one has characters GitHub does not keep (a space becomes a hyphen in latest.yml, a dot on GitHub):
 * then the updater asks for a file the release does not have (electron-builder #6099, #8172).
 */

let config: Configuration;
beforeAll(async () => {
  config = await builderConfig();
});

/**
 * Each target this project builds, with the name pattern electron-builder 26 uses when `artifactName` is
 * not set (NsisTarget.installerFilenamePattern, AppImageTarget → PlatformPackager.artifactPatternConfig's
 * default, FpmTarget nameFormat for deb, dmg.js, ArchiveTarget for a macOS zip), and its usual arch.
 */
const targets = [
  {
    os: 'win',
    key: 'nsis',
    ext: 'exe',
    arch: Arch.x64,
    defaultPattern: '${productName} Setup ${version}.${ext}',
  },
  {
    os: 'linux',
    key: 'appImage',
    ext: 'AppImage',
    arch: Arch.x64,
    defaultPattern: '${productName}-${version}-${arch}.${ext}',
  },
  {
    os: 'linux',
    key: 'deb',
    ext: 'deb',
    arch: Arch.x64,
    defaultPattern: '${name}_${version}_${arch}.${ext}',
  },
  {
    os: 'mac',
    key: 'dmg',
    ext: 'dmg',
    arch: Arch.arm64,
    defaultPattern: '${productName}-${version}-${arch}.${ext}',
  },
  {
    os: 'mac',
    key: 'zip',
    ext: 'zip',
    arch: Arch.arm64,
    defaultPattern: '${productName}-${version}-${arch}-${os}.${ext}',
  },
] as const;

/** The artefact's file name, by electron-builder's own PlatformPackager methods on a stand-in packager. */
function artifactName(target: (typeof targets)[number]): string {
  const productName = packageJson.productName ?? packageJson.name;
  const appInfo = {
    productName,
    sanitizedProductName: sanitizeFileName(productName),
    productFilename: sanitizeFileName(productName),
    name: packageJson.name,
    version: '1.2.3',
  };
  const platformOptions = config[target.os] ?? {};
  const packager = Object.create(PlatformPackager.prototype) as PlatformPackager<never>;
  Object.defineProperties(packager, {
    config: { value: config },
    platformSpecificBuildOptions: { value: platformOptions },
    appInfo: { value: appInfo },
    platform: { value: { buildConfigurationKey: target.os } },
    expandMacro: {
      value: (pattern: string, arch: string | null, extra: Record<string, string> = {}) =>
        expandMacro(pattern, arch, appInfo as never, { os: target.os, ...extra }),
    },
  });
  const targetOptions = (config as Record<string, unknown>)[target.key] as never;
  return packager.expandArtifactNamePattern(
    targetOptions,
    target.ext,
    target.arch,
    target.defaultPattern,
    false,
  );
}

describe('release artefact names', () => {
  it.each(targets)('names the $key artefact as GitHub and latest.yml will both name it', (target) => {
    const name = artifactName(target);
    // electron-builder's own test: a name it would rewrite for latest*.yml gets a non-null "safe" name.
    expect(computeSafeArtifactNameIfNeeded(name, () => 'rewritten')).toBeNull();
    expect(name).toMatch(/^[0-9A-Za-z._-]+$/u);
    expect(name).toContain('1.2.3');
    expect(name.endsWith(`.${target.ext}`)).toBe(true);
  });

  it('keeps the Windows, macOS and Linux artefacts of one release apart', () => {
    const names = targets.map(artifactName);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('Windows update verification', () => {
  it('names the publisher the updater checks each downloaded installer against, even without a certificate', async () => {
    // electron-builder writes this into app-update.yml (PublishManager.getAppUpdatePublishConfiguration);
    // without a name there, electron-updater's NsisUpdater.verifySignature skips the check entirely.
    expect(config.win?.verifyUpdateCodeSignature).not.toBe(false);
    const manager = new WindowsSignToolManager({ platformSpecificBuildOptions: config.win ?? {} } as never);
    Object.defineProperty(manager, 'platformSpecificBuildOptions', { value: config.win ?? {} });
    Object.defineProperty(manager, 'lazyCertInfo', { value: { value: Promise.resolve(null) } });
    const names = await manager.computedPublisherName.value;
    expect(names).not.toBeNull();
    expect(names?.every((name) => name.trim() !== '')).toBe(true);
  });
});
