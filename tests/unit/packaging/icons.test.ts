import { existsSync, readFileSync } from 'node:fs';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { chimeSamples, encodeWav } from '../../../scripts/generate-chime';
import { ICNS_TYPES, readIcns } from '../../../scripts/icons/icns';
import { encodeIco } from '../../../scripts/icons/ico';
import { trayIconFile } from '../../../src/main/core/tray/trayIconFile';
import type { TrayIcon } from '../../../src/main/core/tray/trayModel';
import { builderConfig, projectFile } from './builderConfig';

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

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

let config: Configuration;
beforeAll(async () => {
  config = await builderConfig();
});

describe('app icons at every size the OSes ask for', () => {
  it('Linux: the hicolor sizes 16 to 512 px, each drawn at its size, named as electron-builder expects', () => {
    expect(config.linux?.icon).toBe('build/icons');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
      expect(pngSize(readFileSync(projectFile(`build/icons/${size}x${size}.png`)))).toEqual([size, size]);
  });

  it('macOS: an .icns with every size from 16 to 1024 px, the @2x ones included', () => {
    expect(config.mac?.icon).toBe('build/icon.icns');
    const blocks = readIcns(readFileSync(projectFile('build/icon.icns')));
    expect(blocks.map((block) => block.type)).toEqual(ICNS_TYPES.map((entry) => entry.type));
    for (const [index, block] of blocks.entries()) {
      const size = ICNS_TYPES[index]?.size ?? 0;
      expect(pngSize(block.data), block.type).toEqual([size, size]);
    }
    // The source image too, at the size the App Store asks for.
    expect(pngSize(readFileSync(projectFile('build/icon.png')))).toEqual([1024, 1024]);
  });

  it('Windows: the program icon the builder config names', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
  });

  it('the tray: 1x and 2x of every state, coloured and as macOS template images', () => {
    for (const icon of TRAY_ICONS) {
      for (const name of [icon, `${icon}Template`]) {
        expect(pngSize(readFileSync(projectFile(`resources/tray/${name}.png`)))).toEqual([16, 16]);
        expect(pngSize(readFileSync(projectFile(`resources/tray/${name}@2x.png`)))).toEqual([32, 32]);
      }
    }
  });

  it('the run-time window and notification icon', () => {
    expect(pngSize(readFileSync(projectFile('resources/icon.png')))).toEqual([256, 256]);
  });
});

describe('the notification chime', () => {
  it('is a short mono 16-bit PCM WAV, unpacked from the archive so the desktop’s player can read it', () => {
    const wav = readFileSync(projectFile('resources/sounds/chime.wav'));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt16LE(34)]).toEqual([1, 1, 16]);
    const seconds = wav.readUInt32LE(40) / wav.readUInt32LE(28);
    expect(seconds).toBeGreaterThan(0.2);
    expect(seconds).toBeLessThan(1.5);
    expect(config.asarUnpack).toContain('resources/sounds/**');
  });

  it('is what the script draws, so it can be made again', () => {
    expect(readFileSync(projectFile('resources/sounds/chime.wav')).equals(encodeWav(chimeSamples()))).toBe(
      true,
    );
  });
});
