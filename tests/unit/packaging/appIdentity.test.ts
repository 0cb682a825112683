import type { Configuration, LinuxPackager } from 'app-builder-lib';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ID,
  APP_NAME,
  APP_SUMMARY,
  DESKTOP_FILE_ID,
  DESKTOP_FILE_NAME,
  EXECUTABLE_NAME,
} from '../../../src/main/core/appIdentity/appIdentity';
import { WATCH_LINK_SCHEME } from '../../../src/main/core/deepLinks/parseWatchLink';
import { appImageDesktopEntry } from '../../../src/main/core/linuxDesktop/appImageIntegration';
import { builderConfig, packageJson } from './builderConfig';

let config: Configuration;
beforeAll(async () => {
  config = await builderConfig();
});

/** electron-builder's Linux desktop-file logic, on a stand-in for its packager holding our configuration. */
function linuxHelper(): LinuxTargetHelper {
  const productName = config.productName ?? packageJson.name;
  const packager = {
    appInfo: { productName, sanitizedProductName: productName, description: packageJson.description },
    executableName: config.linux?.executableName,
    info: { metadata: packageJson },
    config,
    platformSpecificBuildOptions: config.linux,
    fileAssociations: [],
  };
  return new LinuxTargetHelper(packager as unknown as LinuxPackager);
}

function fields(entry: string): Record<string, string> {
  const lines = entry.split('\n').filter((line) => line.includes('='));
  return Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe("the app's one name", () => {
  it('is the same in package.json (what Electron reads at run time) and electron-builder.yml', () => {
    // Electron names the data folder, notifications and the app after package.json's productName.
    expect(packageJson.productName).toBe(APP_NAME);
    expect(config.productName).toBe(APP_NAME);
    expect(config.appId).toBe(APP_ID);
    // Electron's desktopName: the Wayland app_id and X11 WM_CLASS, and what links are registered against.
    expect(packageJson.desktopName).toBe(DESKTOP_FILE_NAME);
    expect(config.linux?.executableName).toBe(EXECUTABLE_NAME);
    // The .deb's one-line summary is what the AppImage's and the autostart entries say.
    expect(config.linux?.synopsis).toBe(APP_SUMMARY);
  });

  it('names the desktop file the .deb and the AppImage install after desktopName', () => {
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(linuxHelper().getDesktopFileName()).toBe(DESKTOP_FILE_ID);
  });

  it("gives the .deb's desktop entry the name, program, icon, link scheme and window class of the app", async () => {
    const entry = fields(await linuxHelper().computeDesktopEntry({ ...config.linux, ...config.deb }));
    expect(entry).toMatchObject({
      Name: APP_NAME,
      Exec: `"/opt/${APP_NAME}/${EXECUTABLE_NAME}" %U`,
      Icon: EXECUTABLE_NAME,
      MimeType: `x-scheme-handler/${WATCH_LINK_SCHEME};`,
      StartupWMClass: DESKTOP_FILE_ID,
    });
  });

  it('writes the same entry for an AppImage as the .deb installs, but for the AppImage file', async () => {
    const deb = fields(await linuxHelper().computeDesktopEntry({ ...config.linux, ...config.deb }));
    const appImage = fields(appImageDesktopEntry('/home/ada/CAMB Watch.AppImage'));
    for (const key of ['Name', 'Icon', 'MimeType', 'StartupWMClass', 'Categories', 'Type', 'Terminal'])
      expect({ key, value: appImage[key] }).toEqual({ key, value: deb[key] });
    expect(appImage['Exec']).toBe('"/home/ada/CAMB Watch.AppImage" %U');
  });
});
