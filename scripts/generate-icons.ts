/**
 * Draws the app's images without any image tool, so they can be regenerated on any machine:
 * `npx tsx scripts/generate-icons.ts`.
 * - build/icon.png (1024 px): the source image, at the size the App Store and macOS ask for.
 * - build/icon.icns (16–1024 px, with the @2x sizes): the macOS app icon.
 * - build/icons/<n>x<n>.png (16–512 px): the Linux icon theme sizes (hicolor), which electron-builder
 *   installs for the .deb and AppImage under the names the desktop entry uses.
 * - build/icon.ico (16–256 px): the Windows program and installer icon.
 * - resources/icon.png (256 px): the window and notification icon at run time.
 * - resources/tray/<state>.png and <state>@2x.png (16 / 32 px) for idle, active, attention and offline,
 *   each with its own shape so the state does not rest on colour alone, <state>.ico (16–64 px) for the
 *   Windows notification area (16–256 px), from which it picks the size for the display's scale, and
 *   <state>Template.png (+ @2x) in black for macOS, which recolours template images for light and dark
 *   menu bars.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { encodeIcns } from './icons/icns';
import { encodeIco } from './icons/ico';

type Rgba = readonly [number, number, number, number];

const SIZE = 1024;
const SAMPLES = 4; // per axis: 16 samples a pixel for smooth edges

/** Colour of an image at a point in unit coordinates (0..1), or null where it is transparent. */
type Painter = (x: number, y: number) => Rgba | null;

/** The app icon. */
function paint(x: number, y: number): Rgba | null {
  const cx = x - 0.5;
  const cy = y - 0.5;
  // Rounded square background, as macOS and most Linux desktops expect.
  const half = 0.44;
  const radius = 0.1;
  const qx = Math.max(Math.abs(cx) - (half - radius), 0);
  const qy = Math.max(Math.abs(cy) - (half - radius), 0);
  if (Math.hypot(qx, qy) > radius) return null;

  const r = Math.hypot(cx, cy);
  // Watch face: a ring...
  if (r > 0.25 && r < 0.3) return [255, 255, 255, 255];
  // ...and two hands pointing to "done" (a tick from the centre).
  if (onSegment(cx, cy, 0, 0, 0, -0.19, 0.028)) return [255, 255, 255, 255];
  if (onSegment(cx, cy, 0, 0, 0.14, 0.08, 0.028)) return [255, 196, 61, 255];
  if (r < 0.04) return [255, 196, 61, 255];
  // Background gradient: deep indigo to violet, top to bottom.
  const t = y;
  return [Math.round(44 + 60 * t), Math.round(38 + 20 * t), Math.round(120 + 80 * t), 255];
}

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number, width: number) {
  const abx = bx - ax;
  const aby = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * abx + (py - ay) * aby) / (abx * abx + aby * aby)));
  return Math.hypot(px - (ax + t * abx), py - (ay + t * aby)) < width / 2;
}

function render(size: number, painter: Painter = paint): Buffer {
  const rowBytes = size * 4 + 1;
  const raw = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py++) {
    raw[py * rowBytes] = 0; // PNG filter type: none
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = painter((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (colour === null) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          alpha += colour[3];
        }
      }
      const covered = alpha / 255;
      const offset = py * rowBytes + 1 + px * 4;
      raw[offset] = covered ? Math.round(red / covered) : 0;
      raw[offset + 1] = covered ? Math.round(green / covered) : 0;
      raw[offset + 2] = covered ? Math.round(blue / covered) : 0;
      raw[offset + 3] = Math.round(alpha / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, size, raw);
}

function encodePng(width: number, height: number, filteredRows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filteredRows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

type TrayState = 'idle' | 'active' | 'attention' | 'offline';

const TRAY_COLOURS: Readonly<Record<TrayState, Rgba>> = {
  idle: [98, 88, 196, 255],
  active: [37, 128, 230, 255],
  attention: [222, 72, 60, 255],
  offline: [128, 132, 140, 255],
};

/**
 * A tray glyph: a watch ring plus a mark per state: idle a tick, active a sweeping hand with a filled
 * quarter, attention an exclamation mark, offline a slash through the ring.
 */
function trayPainter(state: TrayState, colour: Rgba): Painter {
  return (x, y) => {
    const cx = x - 0.5;
    const cy = y - 0.5;
    const r = Math.hypot(cx, cy);
    const ring = r > 0.36 && r < 0.48;
    let mark = false;
    switch (state) {
      case 'idle':
        mark =
          onSegment(cx, cy, -0.17, 0.0, -0.04, 0.13, 0.12) ||
          onSegment(cx, cy, -0.04, 0.13, 0.2, -0.13, 0.12);
        break;
      case 'active':
        mark = r < 0.3 && cx >= 0 && cy <= 0;
        mark ||= onSegment(cx, cy, 0, 0, 0, -0.26, 0.1) || r < 0.07;
        break;
      case 'attention':
        mark = onSegment(cx, cy, 0, -0.22, 0, 0.06, 0.13) || Math.hypot(cx, cy - 0.19) < 0.07;
        break;
      case 'offline':
        if (onSegment(cx, cy, -0.5, 0.5, 0.5, -0.5, 0.2) && !onSegment(cx, cy, -0.5, 0.5, 0.5, -0.5, 0.1))
          return null; // a gap around the slash keeps it readable at 16 px
        mark = onSegment(cx, cy, -0.42, 0.42, 0.42, -0.42, 0.1);
        break;
    }
    return ring || mark ? colour : null;
  };
}

function write(file: string, bytes: Buffer): void {
  writeFileSync(file, bytes);
  console.log(`wrote ${file}`);
}

/** One .ico holding the image drawn at each size (drawn, not scaled: small sizes stay sharp). */
function ico(sizes: readonly number[], painter: Painter = paint): Buffer {
  return encodeIco(sizes.map((size) => ({ size, png: render(size, painter) })));
}

// Windows' small (16–32) and large (32–64) icon sizes at 100–200 % scale, and Explorer's 256 px view.
const APP_ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256];
// The hicolor theme's sizes the desktops look up (menus 16–24, launchers 32–64, app grids 128–512).
const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

// The notification area shows 16 px at 100 % up to 32 px at 200 %; Electron asks for 16–256 in an .ico.
const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 256];

mkdirSync('build', { recursive: true });
mkdirSync('resources/tray', { recursive: true });
const appIcon = render(SIZE);
write('build/icon.png', appIcon);
// Each size drawn once, shared by the .icns and the Linux set.
const drawn = new Map<number, Buffer>([[SIZE, appIcon]]);
const drawnAt = (size: number): Buffer => {
  let png = drawn.get(size);
  if (png === undefined) {
    png = render(size);
    drawn.set(size, png);
  }
  return png;
};
write('build/icon.icns', encodeIcns(drawnAt));
mkdirSync('build/icons', { recursive: true });
for (const size of LINUX_ICON_SIZES) write(`build/icons/${size}x${size}.png`, drawnAt(size));
write('build/icon.ico', ico(APP_ICO_SIZES));
write('resources/icon.png', render(256));
const BLACK: Rgba = [0, 0, 0, 255];
for (const state of Object.keys(TRAY_COLOURS) as TrayState[]) {
  const coloured = trayPainter(state, TRAY_COLOURS[state]);
  const template = trayPainter(state, BLACK);
  write(`resources/tray/${state}.png`, render(16, coloured));
  write(`resources/tray/${state}@2x.png`, render(32, coloured));
  write(`resources/tray/${state}.ico`, ico(TRAY_ICO_SIZES, coloured));
  write(`resources/tray/${state}Template.png`, render(16, template));
  write(`resources/tray/${state}Template@2x.png`, render(32, template));
}
