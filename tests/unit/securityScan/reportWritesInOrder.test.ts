import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const PRELOAD = fileURLToPath(
  new URL('../../../scripts/securityScan/reportWritesInOrder.cjs', import.meta.url),
);

/** Writes a report the way electronegativity does (header, then rows, without waiting) many times over. */
const WRITER = `
const fs = require('node:fs');
const [dir, runs] = process.argv.slice(1);
let left = Number(runs);
let garbled = 0;
for (let i = 0; i < Number(runs); i++) {
  const file = dir + '/report-' + i + '.csv';
  fs.writeFile(file, 'header\\n', () => {});
  fs.writeFile(file, 'row one\\nrow two\\n', { flag: 'a' }, () => {
    setTimeout(() => {
      if (fs.readFileSync(file, 'utf8') !== 'header\\nrow one\\nrow two\\n') garbled++;
      if (--left === 0) console.log(garbled);
    }, 20);
  });
}
`;

let dir: string | null = null;
afterEach(() => {
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
});

describe('electronegativity preload: report writes in order', () => {
  it('writes the header before the rows, every time', () => {
    dir = mkdtempSync(join(tmpdir(), 'camb-watch-report-order-'));
    const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', WRITER, dir, '200'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0');
  });
});
