import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeIco } from '../../../scripts/icons/ico';
import { trayIconFile } from '../../../src/main/core/tray/trayIconFile';
import type { TrayIcon } from '../../../src/main/core/tray/trayModel';
import { projectFile } from './builderConfig';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads an .ico's directory and checks each image is a PNG of the size its entry states. */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + 16 * index;
    const size = ico[entry] === 0 ? 256 : (ico[entry] ?? -1);
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    const png = ico.subarray(offset, offset + length);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    return size;
  });
}

const TRAY_ICONS: readonly TrayIcon[] = ['idle', 'active', 'attention', 'offline'];

describe('Windows icons', () => {
  it('the program icon holds every size Windows shows, 16 to 256 px', () => {
    const sizes = icoSizes(readFileSync(projectFile('build/icon.ico')));
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 256]));
  });

  it('the tray shows an .ico per state on Windows, so it is sharp at any display scale', () => {
    for (const icon of TRAY_ICONS) {
      expect(trayIconFile(icon, 'win32')).toBe(`${icon}.ico`);
      const sizes = icoSizes(readFileSync(projectFile(`resources/tray/${icon}.ico`)));
      expect(sizes).toEqual(expect.arrayContaining([16, 20, 24, 32, 40, 48, 64, 256]));
    }
  });

  it('every tray image any platform asks for exists', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const)
      for (const icon of TRAY_ICONS)
        expect(existsSync(projectFile(`resources/tray/${trayIconFile(icon, platform)}`))).toBe(true);
    expect(trayIconFile('idle', 'darwin')).toBe('idleTemplate.png');
    expect(trayIconFile('idle', 'linux')).toBe('idle.png');
  });

  it('writes 256 px as 0 in the directory, as the format asks, and refuses sizes it cannot hold', () => {
    const png = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(8), Buffer.from([0, 0, 1, 0, 0, 0, 1, 0])]);
    const ico = encodeIco([{ size: 256, png }]);
    expect(ico[6]).toBe(0);
    expect(ico.readUInt32LE(6 + 12)).toBe(22);
    expect(() => encodeIco([{ size: 512, png }])).toThrow('512 px');
  });
});
