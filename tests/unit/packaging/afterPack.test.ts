import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { codeSigningMarker, electronBinary, fuseConfig } from '../../../build/afterPack.mjs';

describe('the afterPack hook (fuses, then the macOS signature)', () => {
  it('signs the macOS app again (ad hoc) after flipping fuses, on every architecture', () => {
    // The hook sees one platform name for x64, arm64 and universal builds alike: no arch is left out.
    for (const platform of ['darwin', 'mas'])
      expect(fuseConfig(platform).resetAdHocDarwinSignature).toBe(true);
    for (const platform of ['linux', 'win32'])
      expect(fuseConfig(platform).resetAdHocDarwinSignature).toBe(false);
  });

  it('flips the same fuses on every platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'])
      expect(fuseConfig(platform)).toMatchObject({
        [FuseV1Options.RunAsNode]: false,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
        [FuseV1Options.EnableNodeCliInspectArguments]: false,
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
        [FuseV1Options.OnlyLoadAppFromAsar]: true,
        [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      });
  });

  it('finds the binary electron-builder produced', () => {
    const packager = { appInfo: { productFilename: 'CAMB Watch' }, executableName: 'camb-watch-app' };
    const at = (electronPlatformName: string) =>
      electronBinary({ appOutDir: '/out', electronPlatformName, packager });
    expect(at('darwin')).toBe(path.join('/out', 'CAMB Watch.app'));
    expect(at('win32')).toBe(path.join('/out', 'CAMB Watch.exe'));
    expect(at('linux')).toBe(path.join('/out', 'camb-watch-app'));
  });

  it('records a Developer ID only when the environment gives electron-builder one', () => {
    expect(codeSigningMarker({ CSC_LINK: 'file:///certs/developer-id.p12', CSC_KEY_PASSWORD: 'x' })).toBe(
      'developer-id',
    );
    expect(codeSigningMarker({ CSC_NAME: 'Developer ID Application: Ana (TEAM123)' })).toBe('developer-id');
    expect(codeSigningMarker({})).toBe('ad-hoc');
    expect(codeSigningMarker({ CSC_LINK: '  ' })).toBe('ad-hoc');
  });
});
