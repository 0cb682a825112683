import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileFolderOverride } from '../../../src/main/core/appIdentity/appIdentity';

const appDataDir = path.join(path.sep, 'home', 'ada', '.config');

describe("the app's data folder", () => {
  it("is Electron's default (<appData>/CAMB Watch) for the installed app", () => {
    expect(profileFolderOverride({ override: undefined, isPackaged: true, appDataDir })).toBeNull();
  });

  it("is a profile of its own for a development run, never the installed app's", () => {
    expect(profileFolderOverride({ override: undefined, isPackaged: false, appDataDir })).toBe(
      path.join(appDataDir, 'CAMB Watch (development)'),
    );
  });

  it('is the folder CAMB_WATCH_USER_DATA names, installed or not; a blank value counts as unset', () => {
    for (const isPackaged of [true, false]) {
      expect(profileFolderOverride({ override: ' /tmp/demo ', isPackaged, appDataDir })).toBe(
        path.resolve('/tmp/demo'),
      );
    }
    expect(profileFolderOverride({ override: '  ', isPackaged: true, appDataDir })).toBeNull();
  });
});
