import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { osMarksFor, writeOsMarks } from '../../../src/main/core/downloads/osMarks';

const origin = {
  url: 'https://storage.example/files/clip.mp4?X-Amz-Signature=secret#t=1',
  referrer: 'https://client.camb.ai/apis',
};
const NOW = Date.UTC(2026, 11, 7, 3, 0, 0);

describe('OS marks on files the core writes', () => {
  it('on Windows, a Zone.Identifier stream in the Internet zone naming where the file came from', () => {
    expect(osMarksFor('win32', origin, NOW)).toEqual([
      {
        kind: 'stream',
        stream: 'Zone.Identifier',
        content:
          '[ZoneTransfer]\r\nZoneId=3\r\nReferrerUrl=https://client.camb.ai/apis\r\nHostUrl=https://storage.example/files/clip.mp4\r\n',
      },
    ]);
  });

  it('on macOS, the quarantine flag, set with /usr/bin/xattr by full path', async () => {
    const marks = osMarksFor('darwin', origin, NOW);
    expect(marks).toEqual([
      { kind: 'xattr', name: 'com.apple.quarantine', value: `0081;${(NOW / 1000).toString(16)};CAMB Watch;` },
    ]);
    const ran: [string, readonly string[]][] = [];
    const missed = await writeOsMarks(
      '/Users/a/Downloads/clip.mp4',
      marks,
      'darwin',
      async (program, args) => {
        ran.push([program, args]);
      },
    );
    expect(missed).toEqual([]);
    expect(ran).toEqual([
      [
        '/usr/bin/xattr',
        [
          '-w',
          'com.apple.quarantine',
          marks[0]?.kind === 'xattr' ? marks[0].value : '',
          '/Users/a/Downloads/clip.mp4',
        ],
      ],
    ]);
  });

  it('never keeps the signed part of a link, nor credentials', () => {
    const marks = osMarksFor('linux', { url: 'https://u:p@s.example/a.mp4?sig=1', referrer: null }, NOW);
    expect(marks).toEqual([{ kind: 'xattr', name: 'user.xdg.origin.url', value: 'https://s.example/a.mp4' }]);
  });

  it('says which marks a file system refused, without failing', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-marks-'));
    try {
      const file = path.join(folder, 'a.mp4');
      fs.writeFileSync(file, '');
      const missed = await writeOsMarks(file, osMarksFor('linux', origin, NOW), 'linux', () =>
        Promise.reject(new Error('Operation not supported')),
      );
      expect(missed).toEqual(['user.xdg.origin.url', 'user.xdg.referrer.url']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
