import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appImageDesktopEntry,
  appImageToIntegrate,
  integrateAppImage,
} from '../../../src/main/core/linuxDesktop/appImageIntegration';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-appimage-'));
  folders.push(folder);
  return folder;
}

/** The desktop entry as key → value (the [Desktop Entry] group only has keys). */
function fields(entry: string): Record<string, string> {
  const lines = entry.split('\n').filter((line) => line.includes('='));
  return Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('AppImage desktop integration', () => {
  it('applies only to a packaged AppImage on Linux (the AppImage runtime sets $APPIMAGE)', () => {
    const env = { APPIMAGE: '/home/ada/Apps/CAMB-Watch.AppImage' };
    expect(appImageToIntegrate({ platform: 'linux', isPackaged: true, env })).toBe(env.APPIMAGE);
    expect(appImageToIntegrate({ platform: 'linux', isPackaged: false, env })).toBeNull();
    expect(appImageToIntegrate({ platform: 'darwin', isPackaged: true, env })).toBeNull();
    expect(appImageToIntegrate({ platform: 'linux', isPackaged: true, env: {} })).toBeNull();
    expect(
      appImageToIntegrate({ platform: 'linux', isPackaged: true, env: { APPIMAGE: 'x.AppImage' } }),
    ).toBeNull();
  });

  it('writes an entry that opens camb-watch:// links with the AppImage, named and matched as the installed app', () => {
    const entry = appImageDesktopEntry('/home/ada/Apps/CAMB Watch-0.1.0.AppImage');
    expect(entry.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(fields(entry)).toMatchObject({
      Type: 'Application',
      Name: 'CAMB Watch',
      Exec: '"/home/ada/Apps/CAMB Watch-0.1.0.AppImage" %U',
      TryExec: '/home/ada/Apps/CAMB Watch-0.1.0.AppImage',
      Icon: 'camb-watch-app',
      MimeType: 'x-scheme-handler/camb-watch;',
      StartupWMClass: 'ai.cambwatch.app',
      Terminal: 'false',
    });
  });

  it('cannot be made to run something else by the AppImage file name', () => {
    const entry = appImageDesktopEntry('/tmp/x\nExec=rm -rf ~ %u/$HOME.AppImage');
    expect(entry.split('\n').filter((line) => line.startsWith('Exec='))).toEqual([
      'Exec="/tmp/x Exec=rm -rf ~ %%u/\\$HOME.AppImage" %U',
    ]);
  });

  it('writes the entry and icon once, and again when the AppImage moved', async () => {
    const dataHome = tempFolder();
    const iconSource = path.join(tempFolder(), 'icon.png');
    fs.writeFileSync(iconSource, 'png bytes');
    const first = await integrateAppImage({ appImage: '/opt/a.AppImage', dataHome, iconSource });
    expect(first).toEqual({
      entryFile: path.join(dataHome, 'applications', 'ai.cambwatch.app.desktop'),
      written: true,
    });
    expect(fs.readFileSync(first.entryFile, 'utf8')).toBe(appImageDesktopEntry('/opt/a.AppImage'));
    const icon = path.join(dataHome, 'icons', 'hicolor', '256x256', 'apps', 'camb-watch-app.png');
    expect(fs.readFileSync(icon, 'utf8')).toBe('png bytes');

    expect((await integrateAppImage({ appImage: '/opt/a.AppImage', dataHome, iconSource })).written).toBe(
      false,
    );
    const moved = await integrateAppImage({ appImage: '/opt/b.AppImage', dataHome, iconSource });
    expect(moved.written).toBe(true);
    expect(fs.readFileSync(moved.entryFile, 'utf8')).toContain('Exec=/opt/b.AppImage %U\n');
  });
});
