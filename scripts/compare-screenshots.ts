/**
 * Compares two folders of screenshots pixel by pixel (e.g. the CAMB_WATCH_LOOK_DIR pictures of
 * tests/e2e/lookCapture.test.ts before and after a change that must not alter the look). Prints one line
 * per picture and exits 1 when any differs in size or in a single pixel, or is missing on one side.
 *
 *   bash scripts/with-node.sh tsx scripts/compare-screenshots.ts BEFORE_DIR AFTER_DIR
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface Png {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}
// Playwright ships pngjs in its utilities bundle; the project has no PNG decoder of its own.
const require = createRequire(import.meta.url);
const { PNG } = require('playwright-core/lib/utilsBundle') as {
  PNG: { sync: { read(buffer: Buffer): Png } };
};

function pngFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.png'))
    .sort();
}

/** What differs, in words (how many pixels and the box around them), or null when nothing does. */
function difference(before: Png, after: Png): string | null {
  if (before.width !== after.width || before.height !== after.height)
    return `size ${before.width}×${before.height} became ${after.width}×${after.height}`;
  let count = 0;
  const box = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
  for (let offset = 0; offset < before.data.length; offset += 4) {
    if ([0, 1, 2, 3].every((channel) => before.data[offset + channel] === after.data[offset + channel]))
      continue;
    count += 1;
    const x = (offset / 4) % before.width;
    const y = Math.floor(offset / 4 / before.width);
    box.left = Math.min(box.left, x);
    box.top = Math.min(box.top, y);
    box.right = Math.max(box.right, x);
    box.bottom = Math.max(box.bottom, y);
  }
  return count === 0 ? null : `${count} pixels within x ${box.left}–${box.right}, y ${box.top}–${box.bottom}`;
}

const [beforeDir, afterDir] = process.argv.slice(2);
if (beforeDir === undefined || afterDir === undefined) {
  console.error('Usage: compare-screenshots BEFORE_DIR AFTER_DIR');
  process.exit(2);
}
const names = [...new Set([...pngFiles(beforeDir), ...pngFiles(afterDir)])].sort();
let failures = 0;
for (const name of names) {
  const beforeFile = path.join(beforeDir, name);
  const afterFile = path.join(afterDir, name);
  if (!fs.existsSync(beforeFile) || !fs.existsSync(afterFile)) {
    failures += 1;
    console.log(`MISSING ${name} (only in ${fs.existsSync(beforeFile) ? beforeDir : afterDir})`);
    continue;
  }
  const result = difference(
    PNG.sync.read(fs.readFileSync(beforeFile)),
    PNG.sync.read(fs.readFileSync(afterFile)),
  );
  if (result === null) console.log(`same    ${name}`);
  else {
    failures += 1;
    console.log(`DIFFERS ${name}: ${result}`);
  }
}
console.log(`${names.length - failures} of ${names.length} pictures identical`);
process.exit(failures === 0 ? 0 : 1);
