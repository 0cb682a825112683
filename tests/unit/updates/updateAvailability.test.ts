import { describe, expect, it } from 'vitest';
import { RELEASES_PAGE_URL, updateAvailability, type InstallFacts } from '../../../src/main/core/updates';

const INSTALLED: InstallFacts = {
  packaged: true,
  platform: 'win32',
  appImagePath: undefined,
  packageType: null,
  hasUpdateConfig: true,
  developerIdSigned: true,
};
const reason = (facts: Partial<InstallFacts>) => {
  const availability = updateAvailability({ ...INSTALLED, ...facts });
  return availability.available ? null : availability.reason;
};

describe('updateAvailability', () => {
  it('lets the Windows installer, the macOS app and the AppImage update themselves', () => {
    expect(reason({})).toBeNull();
    expect(reason({ platform: 'darwin' })).toBeNull();
    expect(reason({ platform: 'linux', appImagePath: '/home/ana/Apps/CAMB-Watch.AppImage' })).toBeNull();
  });

  it('never updates a development run', () => {
    expect(reason({ packaged: false })).toBe('Updates are not checked in a development run.');
  });

  it('leaves a .deb, .rpm or pacman install to the package manager, even with $APPIMAGE set', () => {
    expect(reason({ platform: 'linux', packageType: 'deb', appImagePath: '/tmp/x' })).toBe(
      'Updates are not available for this install (.deb): use your package manager.',
    );
    expect(reason({ platform: 'linux', packageType: 'rpm' })).toMatch(/\(\.rpm\): use your package manager/);
    expect(reason({ platform: 'linux', packageType: 'pacman' })).toMatch(/\(pacman\)/);
  });

  it('does not update a Linux copy that is not an AppImage (an unpacked folder, a portable run)', () => {
    expect(reason({ platform: 'linux' })).toBe(
      'Updates are not available for this copy: only the AppImage updates itself. Download the new version from the releases page.',
    );
    expect(reason({ platform: 'linux', appImagePath: '' })).toMatch(/only the AppImage/);
  });

  it('does not update a build made without update information, or on another system', () => {
    expect(reason({ hasUpdateConfig: false })).toMatch(/made without a place to look for them/);
    expect(reason({ platform: 'freebsd' })).toBe('Updates are not available on this system.');
  });

  it('does not update a macOS build without a Developer ID signature, and points to the releases page', () => {
    expect(updateAvailability({ ...INSTALLED, platform: 'darwin', developerIdSigned: false })).toEqual({
      available: false,
      reason:
        'Automatic updates are off for this copy: it is not signed with an Apple Developer ID, so macOS would refuse the update. Download new versions from the releases page.',
      releasesUrl: RELEASES_PAGE_URL,
    });
    // The signature matters to Squirrel.Mac only: the Windows installer and the AppImage go on updating.
    expect(reason({ platform: 'win32', developerIdSigned: false })).toBeNull();
    expect(reason({ platform: 'linux', appImagePath: '/a.AppImage', developerIdSigned: false })).toBeNull();
  });

  it('offers the releases page to a Linux copy that is not an AppImage, not to a package manager install', () => {
    const folder = updateAvailability({ ...INSTALLED, platform: 'linux' });
    expect(folder).toMatchObject({ available: false, releasesUrl: RELEASES_PAGE_URL });
    const deb = updateAvailability({ ...INSTALLED, platform: 'linux', packageType: 'deb' });
    expect(deb).not.toHaveProperty('releasesUrl');
  });
});
