/**
 * Putting a finished file in place on a folder without hard links (FAT, exFAT, some network shares),
 * where link() fails with EPERM: the name is still claimed exclusively, so a file that appeared under it
 * meanwhile is kept. The disk is real; only link() answers as such a file system does.
 */
import fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExclusive, publishExclusive } from '../../../src/main/core/downloads/exclusiveFiles';

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof FsPromises>();
  return {
    ...original,
    link: () =>
      Promise.reject(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' })),
  };
});

let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-no-links-'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('publishing a download where the folder has no hard links', () => {
  it('never replaces a file that appeared under the name while it was written', async () => {
    const partial = await createExclusive(folder, 'b.mp4', '.download');
    expect(path.basename(partial.path)).toBe('b.mp4.download');
    await partial.handle.writeFile('downloaded');
    await partial.handle.close();
    fs.writeFileSync(path.join(folder, 'b.mp4'), 'the user’s own');

    const published = await publishExclusive(partial.path, folder, partial.name);
    expect(path.basename(published)).toBe('b (2).mp4');
    expect(fs.readFileSync(path.join(folder, 'b.mp4'), 'utf8')).toBe('the user’s own');
    expect(fs.readFileSync(published, 'utf8')).toBe('downloaded');
    expect(fs.readdirSync(folder).sort()).toEqual(['b (2).mp4', 'b.mp4']);
  });
});
