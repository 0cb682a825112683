import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNameForUrl, reserveUniquePath } from '../../../src/main/core/downloads/fileNames';

describe('download file names', () => {
  it('takes the last segment of the link, decoded', () => {
    expect(fileNameForUrl('https://s.example/a/b/My%20Story.flac?sig=1', 'fallback')).toBe('My Story.flac');
  });

  it('never names a hidden file or a path outside the folder', () => {
    expect(fileNameForUrl('https://s.example/x/..%2F..%2F.bashrc', 'fallback')).toBe('_.._.bashrc');
    expect(fileNameForUrl('https://s.example/.env', 'fallback')).toBe('env');
    expect(fileNameForUrl('https://s.example/a%5Cb%3A%00c.mp4', 'fallback')).toBe('a_b__c.mp4');
    expect(fileNameForUrl('https://s.example/', 'camb-story-1')).toBe('camb-story-1');
    expect(fileNameForUrl('not a url', 'camb-story-1')).toBe('camb-story-1');
  });

  it('keeps the extension of a very long name', () => {
    const name = fileNameForUrl(`https://s.example/${'a'.repeat(300)}.wav`, 'f');
    expect(name).toHaveLength(120);
    expect(name.endsWith('.wav')).toBe(true);
  });

  it('claims a new name instead of overwriting a file', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-names-'));
    try {
      fs.writeFileSync(path.join(folder, 'a.flac'), 'mine');
      expect(await reserveUniquePath(folder, 'a.flac')).toBe(path.join(folder, 'a (2).flac'));
      expect(await reserveUniquePath(folder, 'a.flac')).toBe(path.join(folder, 'a (3).flac'));
      expect(fs.readFileSync(path.join(folder, 'a.flac'), 'utf8')).toBe('mine');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
