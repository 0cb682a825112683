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
  type ResultDownloadsOptions,
  type ResultLink,
} from '../../../src/main/core/downloads/resultDownloads';
import { faults, startFakeCambServer, type FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';

const KEY = 'dub:1';
let server: FakeCambServer;
let folder: string;
let clock: VirtualClock;
let events: DownloadEvent[];
let downloads: ResultDownloads;

function open(overrides: Partial<ResultDownloadsOptions> = {}): ResultDownloads {
  downloads = createResultDownloads({
    fetch: (url, init) => fetch(url, init),
    clock,
    logger: silentLogger,
    folder,
    onEvent: (event) => events.push(event),
    checkUrl: (url) => checkDownloadUrl(url, true),
    referrer: 'http://127.0.0.1/apis',
    platform: 'linux',
    limits: { maxBytes: 1024 * 1024, stallMs: 30_000 },
    ...overrides,
  });
  return downloads;
}

const video = (url: string): ResultLink => ({ url, fallbackName: 'Launch - dubbed-video', kind: 'video' });

async function finish(url: string): Promise<DownloadEvent> {
  const { downloadId } = await downloads.start(KEY, video(url));
  await downloads.whenSettled();
  const last = events.filter((event) => event.downloadId === downloadId).at(-1);
  if (last === undefined) throw new Error('no event');
  return last;
}

/** Resolves at the first event `matches` accepts (real I/O runs meanwhile; no timers involved). */
function eventWhere(matches: (event: DownloadEvent) => boolean): Promise<DownloadEvent> {
  return new Promise((resolve) => {
    const seen = events.find(matches);
    if (seen !== undefined) return resolve(seen);
    const push = events.push.bind(events);
    events.push = (...added) => {
      const count = push(...added);
      const match = added.find(matches);
      if (match !== undefined) resolve(match);
      return count;
    };
  });
}

/** Starts downloading `name` from a server that sends 10 bytes of it and then nothing, socket open. */
async function startStalled(name: string): Promise<{ downloadId: string; url: string }> {
  const url = server.addFile(name, Buffer.alloc(1000, 2));
  server.injectFileFaults(name, [faults.stalledFile(1000, 10)]);
  const { downloadId } = await downloads.start(KEY, video(url));
  await eventWhere((event) => event.downloadId === downloadId && event.receivedBytes === 10);
  return { downloadId, url };
}

const filesIn = () => fs.readdirSync(folder).sort();

beforeEach(async () => {
  server = await startFakeCambServer({ apiKey: 'k' });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-downloads-'));
  clock = new VirtualClock();
  events = [];
  open();
});

afterEach(async () => {
  downloads.dispose();
  await downloads.whenSettled();
  await server.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('result downloads on a real disk, from a hostile file server', () => {
  it('saves an executable-named link under the field’s type, never as the executable', async () => {
    const url = server.addFile(`report.pdf${'\u3164'.repeat(40)}.exe`, Buffer.from('MZ...'));
    const done = await finish(url);
    expect(done).toMatchObject({ state: 'done', fileName: 'report.pdf.mp4' });
    expect(filesIn()).toEqual(['report.pdf.mp4']);
  });

  it('never follows a symlink planted at the partial name, nor truncates a user’s own .download file', async () => {
    const outside = path.join(os.tmpdir(), `camb-watch-outside-${process.pid}`);
    fs.writeFileSync(outside, 'precious');
    try {
      fs.symlinkSync(outside, path.join(folder, 'clip.mp4.download'));
      fs.writeFileSync(path.join(folder, 'clip (2).mp4.download'), 'mine');
      const done = await finish(server.addFile('clip.mp4', Buffer.alloc(5000, 1)));
      expect(done).toMatchObject({ state: 'done', fileName: 'clip (3).mp4' });
      expect(fs.readFileSync(outside, 'utf8')).toBe('precious');
      expect(fs.readFileSync(path.join(folder, 'clip (2).mp4.download'), 'utf8')).toBe('mine');
      expect(fs.statSync(path.join(folder, 'clip (3).mp4')).size).toBe(5000);
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });

  it('never replaces a file that appears under the name while the download runs', async () => {
    const { downloadId, url } = await startStalled('race.mp4');
    fs.writeFileSync(path.join(folder, 'race.mp4'), 'the user’s own');
    downloads.cancel(downloadId);
    await downloads.whenSettled();
    expect(fs.readFileSync(path.join(folder, 'race.mp4'), 'utf8')).toBe('the user’s own');
    // A later download of the same name goes next to it.
    expect(await finish(url)).toMatchObject({ state: 'done', fileName: 'race (2).mp4' });
    expect(filesIn()).toEqual(['race (2).mp4', 'race.mp4']);
  });

  it('checks every redirect as it checks the first link', async () => {
    const target = server.addFile('real.mp4', Buffer.alloc(100, 3));
    server.addFile('hop.mp4', '');
    server.injectFileFaults('hop.mp4', [
      faults.redirect('http://files.example.com/real.mp4'),
      faults.redirect('https://user:secret@127.0.0.1/real.mp4'),
      faults.redirect(target),
    ]);
    const hop = `${target.slice(0, target.lastIndexOf('/'))}/hop.mp4`;
    const plain = await finish(hop);
    expect(plain).toMatchObject({ state: 'failed' });
    expect(plain.message).toMatch(
      /a link CAMB Watch refuses\. Only secure \(https\) links are downloaded\./u,
    );
    expect((await finish(hop)).message).toMatch(/user name or password/u);
    expect(await finish(hop)).toMatchObject({ state: 'done', fileName: 'hop.mp4', receivedBytes: 100 });
    expect(server.requests.filter((entry) => entry.path === '/files/real.mp4')).toHaveLength(1);

    server.injectFileFaults('hop.mp4', Array(11).fill(faults.redirect('/files/hop.mp4')));
    expect((await finish(hop)).message).toMatch(/too many redirects/u);
    expect(filesIn()).toEqual(['hop.mp4']);
  });

  it('refuses a declared size over the cap before writing, and an endless stream or a gzip bomb during', async () => {
    const url = server.addFile('big.mp4', Buffer.alloc(10));
    server.injectFileFaults('big.mp4', [
      faults.answer(200, '', { 'content-type': 'video/mp4', 'content-length': String(2 * 1024 * 1024) }),
      faults.endlessFile(),
      faults.gzipBomb(64 * 1024 * 1024),
    ]);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await finish(url);
      expect(failed.state).toBe('failed');
      expect(failed.message).toBe(
        'The file server sent more than 1 MiB, far more than a result should be, so the download was stopped.',
      );
      expect(filesIn()).toEqual([]);
    }
  });

  it('stops a download that sends nothing for the stall timeout, on the injected clock', async () => {
    await startStalled('slow.mp4');
    expect(filesIn()).toEqual(['slow.mp4.download']);
    await clock.advance(29_000);
    expect(events.at(-1)?.state).toBe('progressing');
    await clock.advance(1_000);
    await downloads.whenSettled();
    expect(events.at(-1)).toMatchObject({
      state: 'failed',
      message: 'The file server stopped sending the file, so the download was stopped: try again in a while.',
    });
    expect(filesIn()).toEqual([]);
  });

  it('cancels a download by its id and removes the partial file', async () => {
    const { downloadId } = await startStalled('trickle.mp4');
    expect(downloads.cancel(downloadId)).toBe(true);
    await downloads.whenSettled();
    expect(events.at(-1)).toMatchObject({ state: 'cancelled', message: 'The download was cancelled.' });
    expect(filesIn()).toEqual([]);
    expect(downloads.cancel(downloadId)).toBe(false);
  });

  it('saves long and reserved names under a working name', async () => {
    const cjk = await finish(server.addFile(`${'長'.repeat(120)}.mp4`, Buffer.alloc(10)));
    expect(cjk.state).toBe('done');
    expect(cjk.fileName.endsWith('.mp4')).toBe(true);
    const reserved = await finish(server.addFile('com1.mp4', Buffer.alloc(10)));
    expect(reserved).toMatchObject({ state: 'done', fileName: 'com1_.mp4' });
    const saved = await downloads.saveText(
      KEY,
      `${'字'.repeat(90)} - text.srt`,
      '1\n00:00:00,000 --> 00:00:01,000\nHi\n',
    );
    expect(events.at(-1)?.state).toBe('done');
    expect(saved.fileName.endsWith('.srt')).toBe(true);
    expect(filesIn()).toHaveLength(3);
  });

  it('saves texts through the same exclusive path: never over a file, never through a symlink', async () => {
    fs.writeFileSync(path.join(folder, 'Menu - text.txt'), 'mine');
    fs.symlinkSync('/etc/hostname', path.join(folder, 'Menu - text (2).txt.download'));
    const saved = await downloads.saveText(KEY, 'Menu - text.txt', 'Hola');
    expect(saved.fileName).toBe('Menu - text (3).txt');
    expect(fs.readFileSync(path.join(folder, 'Menu - text.txt'), 'utf8')).toBe('mine');
    expect(fs.readFileSync(path.join(folder, 'Menu - text (3).txt'), 'utf8')).toBe('Hola');
  });

  it('writes the origin as the xattrs Chromium writes, without the signed query', async () => {
    const url = server.addFile('marked.mp4', Buffer.alloc(10));
    await finish(`${url}?signature=secret`);
    const file = path.join(folder, 'marked.mp4');
    let attributes: string;
    try {
      attributes = execFileSync('/usr/bin/getfattr', ['-d', '-m', 'user.xdg', file], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(
        `getfattr from the attr package is needed (scripts/system-packages.sh): ${String(error)}`,
        { cause: error },
      );
    }
    expect(attributes).toContain(`user.xdg.origin.url="${url}"`);
    expect(attributes).toContain('user.xdg.referrer.url="http://127.0.0.1/apis"');
    expect(attributes).not.toContain('secret');
  });
});
