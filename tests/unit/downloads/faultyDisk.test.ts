/**
 * Downloads and saved texts on a disk that is full or read-only: a sentence the user can act on, and no
 * partial file left behind. As root (here) a small tmpfs gives the real ENOSPC and, remounted read-only,
 * EROFS; elsewhere a folder without write permission gives EACCES through the same real write path.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDownloadUrl } from '../../../src/main/core/links/externalUrl';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import {
  createResultDownloads,
  type DownloadEvent,
  type ResultDownloads,
} from '../../../src/main/core/downloads/resultDownloads';
import { startFakeCambServer, type FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';

const isRoot = process.getuid?.() === 0;
let server: FakeCambServer;
let folder: string;
let mounted = false;
let events: DownloadEvent[];
let downloads: ResultDownloads;

beforeEach(async () => {
  server = await startFakeCambServer({ apiKey: 'k' });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-faulty-disk-'));
  if (isRoot) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder]);
    mounted = true;
  }
  events = [];
  downloads = createResultDownloads({
    fetch: (url, init) => fetch(url, init),
    clock: new VirtualClock(),
    logger: silentLogger,
    folder,
    onEvent: (event) => events.push(event),
    checkUrl: (url) => checkDownloadUrl(url, true),
    referrer: null,
    platform: 'linux',
    runProgram: async () => {},
  });
});

afterEach(async () => {
  downloads.dispose();
  await downloads.whenSettled();
  await server.close();
  if (mounted) execFileSync('umount', [folder]);
  mounted = false;
  fs.chmodSync(folder, 0o700);
  fs.rmSync(folder, { recursive: true, force: true });
});

const finalEvent = () => events.at(-1);

/** A download and a saved text, each refused in the same words. */
async function expectWritesRefused(): Promise<void> {
  const url = server.addFile('small.mp4', Buffer.alloc(100, 1));
  await downloads.start('dub:1', { url, fallbackName: 'x', kind: 'video' });
  await downloads.whenSettled();
  const refused = 'CAMB Watch may not write into your Downloads folder: check its permissions and try again.';
  expect(finalEvent()).toMatchObject({ state: 'failed', message: refused });
  await downloads.saveText('dub:1', 'Menu - text.txt', 'Hola');
  expect(finalEvent()).toMatchObject({ state: 'failed', message: refused });
}

describe('downloads on a faulty disk', () => {
  it.runIf(isRoot)('a full disk says so, and keeps no partial file', async () => {
    const url = server.addFile('big.mp4', Buffer.alloc(256 * 1024, 1));
    await downloads.start('dub:1', { url, fallbackName: 'x', kind: 'video' });
    await downloads.whenSettled();
    expect(finalEvent()).toMatchObject({
      state: 'failed',
      message: 'The disk is full: free some space and try again.',
    });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it.runIf(isRoot)(
    'a read-only disk says CAMB Watch may not write there, for downloads and texts',
    async () => {
      execFileSync('mount', ['-o', 'remount,ro', folder]);
      await expectWritesRefused();
    },
  );

  it.runIf(!isRoot)('a folder without write permission says so, for downloads and texts', async () => {
    fs.chmodSync(folder, 0o500);
    await expectWritesRefused();
  });
});
