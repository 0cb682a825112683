import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { TEST_API_KEY } from '../../support/watchServiceHarness';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;
let files: http.Server | null = null;

afterEach(async () => {
  expect(a.everythingThePageSaw()).not.toContain(TEST_API_KEY);
  await a.close();
  if (files !== null) await new Promise((resolve) => files?.close(resolve));
  files = null;
});

/** A file host like the storage CAMB.AI links to: answers by path, and records whether a key was sent. */
interface FileRoute {
  readonly status: number;
  readonly body: Buffer;
  readonly headers?: Record<string, string>;
}

async function startFileHost(routes: Record<string, FileRoute>) {
  const seenKeys: (string | undefined)[] = [];
  files = http.createServer((req, res) => {
    seenKeys.push(req.headers['x-api-key'] as string | undefined);
    const route = routes[req.url ?? ''];
    if (route === undefined) return res.writeHead(404).end();
    res.writeHead(route.status, { 'content-length': route.body.length, ...route.headers });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => files?.listen(0, '127.0.0.1', resolve));
  const { port } = files.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, seenKeys };
}

async function finishedStory(links: Record<string, string>): Promise<void> {
  a.h.server.addTask('story', 'done', step.success(4242));
  a.h.server.addResult('story', 4242, { ...links, transcript: [] });
  a.h.service.add('story', 'done', 'Chapter 1');
  await a.h.settle();
}

describe('app host: results', () => {
  it('opens a result link in the browser only when it is https', async () => {
    a = await createAppHostHarness();
    await finishedStory({
      audio_url: 'https://storage.example/story/4242/audio.flac',
      dialogue_url: 'http://storage.example/story/4242/dialogue.json',
    });
    expect(await a.invoke('openResult', { key: 'story:done' })).toEqual({
      ok: true,
      value: { ok: true, message: 'Opened the story audio.' },
    });
    expect(await a.invoke('openResult', { key: 'story:done', linkName: 'dialogue_url' })).toEqual({
      ok: true,
      value: { ok: false, message: 'Only secure (https) links are opened.' },
    });
    expect(a.opened).toEqual(['https://storage.example/story/4242/audio.flac']);
  });

  it('explains why there is no result yet', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('dub', 'busy', step.pending());
    a.h.service.add('dub', 'busy');
    await a.h.settle();
    expect(await a.invoke('fetchResult', { key: 'dub:busy' })).toEqual({
      ok: true,
      value: {
        ok: false,
        needsTargetLanguage: false,
        message: 'Results can be fetched once the task has succeeded.',
      },
    });
    expect(await a.invoke('openExternalLink', { url: 'file:///etc/passwd' })).toMatchObject({
      value: { ok: false },
    });
    expect(a.opened).toEqual([]);
  });

  it('streams a download into the folder, reports progress, and never sends the key to the file host', async () => {
    const body = Buffer.alloc(300_000, 7);
    const host = await startFileHost({ '/story/4242/audio.flac': { status: 200, body } });
    a = await createAppHostHarness({ allowLoopbackHttp: true });
    await finishedStory({ audio_url: `${host.base}/story/4242/audio.flac` });

    const started = await a.invoke('downloadResult', { key: 'story:done' });
    expect(started).toEqual({
      ok: true,
      value: { ok: true, downloadId: expect.any(String), fileName: 'audio.flac' },
    });
    await a.host.whenDownloadsSettled();
    const target = path.join(a.downloadsDir, 'audio.flac');
    expect(fs.readFileSync(target).equals(body)).toBe(true);
    const progress = a.eventsOf('downloadProgress');
    expect(progress[0]).toMatchObject({ state: 'progressing', receivedBytes: 0, key: 'story:done' });
    expect(progress.at(-1)).toMatchObject({
      state: 'done',
      receivedBytes: body.length,
      totalBytes: body.length,
      message: target,
    });
    expect(host.seenKeys).toEqual([undefined]);

    // A second download of the same file does not overwrite the first.
    await a.invoke('downloadResult', { key: 'story:done' });
    await a.host.whenDownloadsSettled();
    expect(fs.readdirSync(a.downloadsDir).sort()).toEqual(['audio (2).flac', 'audio.flac']);
  });

  it('saves a compressed answer decoded, though its length header counts compressed bytes', async () => {
    const original = Buffer.from('RIFF'.padEnd(200_000, 'a'));
    const host = await startFileHost({
      '/sound.wav': { status: 200, body: gzipSync(original), headers: { 'content-encoding': 'gzip' } },
    });
    a = await createAppHostHarness({ allowLoopbackHttp: true });
    await finishedStory({ audio_url: `${host.base}/sound.wav` });
    await a.invoke('downloadResult', { key: 'story:done' });
    await a.host.whenDownloadsSettled();
    expect(a.eventsOf('downloadProgress').at(-1)).toMatchObject({ state: 'done', totalBytes: null });
    expect(fs.readFileSync(path.join(a.downloadsDir, 'sound.wav')).equals(original)).toBe(true);
  });

  it('leaves no file behind when the link has expired', async () => {
    const host = await startFileHost({ '/old.mp4': { status: 403, body: Buffer.from('expired') } });
    a = await createAppHostHarness({ allowLoopbackHttp: true });
    await finishedStory({ audio_url: `${host.base}/old.mp4` });
    await a.invoke('downloadResult', { key: 'story:done' });
    await a.host.whenDownloadsSettled();
    expect(a.eventsOf('downloadProgress').at(-1)).toMatchObject({
      state: 'failed',
      message: 'The link has expired: try again to get a fresh one.',
    });
    expect(fs.readdirSync(a.downloadsDir)).toEqual([]);
  });

  it('opens loopback http links only when the API itself is a local simulator', async () => {
    a = await createAppHostHarness({ allowLoopbackHttp: true });
    await finishedStory({
      audio_url: 'http://127.0.0.1:9/story.wav',
      dialogue_url: 'http://storage.example/d.json',
    });
    expect(await a.invoke('openResult', { key: 'story:done' })).toEqual({
      ok: true,
      value: { ok: true, message: 'Opened the story audio.' },
    });
    expect(await a.invoke('openResult', { key: 'story:done', linkName: 'dialogue_url' })).toMatchObject({
      value: { ok: false, message: 'Only secure (https) links are opened.' },
    });
    expect(a.opened).toEqual(['http://127.0.0.1:9/story.wav']);
  });

  it('saves a transcript as text and subtitles, never over a file, and shows a saved file by its id', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('transcribe', 'standup', step.success(4545));
    a.h.server.addResult('transcribe', 4545, [
      { start: 0, end: 2.1, text: 'Morning, everyone.', speaker: 'Ana' },
      { start: 2.1, end: 5.4, text: 'The release went out.', speaker: 'Ben' },
    ]);
    a.h.service.add('transcribe', 'standup', 'Monday stand-up');
    a.h.server.addTask('translate', 'menu', step.success(4444));
    a.h.server.addResult('translate', 4444, { texts: ['Soupe du jour'] });
    a.h.service.add('translate', 'menu');
    // The two first checks go out paced, a fraction of a second apart.
    await a.h.advance(1_000);

    const saved: Record<string, string> = {};
    for (const format of ['txt', 'srt', 'vtt', 'txt'] as const) {
      const outcome = await a.invoke('saveResultText', { key: 'transcribe:standup', format });
      expect(outcome).toMatchObject({ ok: true, value: { ok: true } });
      const value = (outcome as { value: { fileName: string } }).value;
      saved[value.fileName] = fs.readFileSync(path.join(a.downloadsDir, value.fileName), 'utf8');
    }
    expect(Object.keys(saved).sort()).toEqual([
      'Monday stand-up - text (2).txt',
      'Monday stand-up - text.srt',
      'Monday stand-up - text.txt',
      'Monday stand-up - text.vtt',
    ]);
    expect(saved['Monday stand-up - text.srt']).toContain(
      '00:00:02,100 --> 00:00:05,400\nBen: The release went out.',
    );
    expect(saved['Monday stand-up - text.vtt']).toMatch(/^WEBVTT\n/u);
    expect(saved['Monday stand-up - text.txt']).toBe(
      '[0:00] Ana: Morning, everyone.\n[0:02] Ben: The release went out.\n',
    );

    expect(await a.invoke('saveResultText', { key: 'translate:menu', format: 'srt' })).toMatchObject({
      value: { ok: false, message: 'This text has no times, so it cannot be saved as subtitles.' },
    });
    const text = await a.invoke('saveResultText', { key: 'translate:menu', format: 'txt' });
    const { downloadId, fileName } = (text as { value: { downloadId: string; fileName: string } }).value;
    expect(fileName).toBe('camb-translate-4444 - text.txt');
    expect(a.eventsOf('downloadProgress').at(-1)).toMatchObject({ downloadId, state: 'done' });

    expect(await a.invoke('showDownloadedFile', { downloadId })).toMatchObject({ value: { ok: true } });
    expect(a.shown).toEqual([path.join(a.downloadsDir, fileName)]);
    expect(await a.invoke('showDownloadedFile', { downloadId: '../../etc/passwd' })).toMatchObject({
      value: { ok: false },
    });
    fs.rmSync(path.join(a.downloadsDir, fileName));
    expect(await a.invoke('showDownloadedFile', { downloadId })).toMatchObject({
      value: { ok: false, message: 'The file is no longer there: it was moved or deleted.' },
    });
    expect(a.shown).toHaveLength(1);
  });

  it('refuses plain-http downloads unless the API itself is a local simulator', async () => {
    const host = await startFileHost({ '/a.flac': { status: 200, body: Buffer.from('x') } });
    a = await createAppHostHarness({ allowLoopbackHttp: false });
    await finishedStory({ audio_url: `${host.base}/a.flac` });
    expect(await a.invoke('downloadResult', { key: 'story:done' })).toEqual({
      ok: true,
      value: { ok: false, message: 'Only secure (https) links are downloaded.' },
    });
    expect(host.seenKeys).toEqual([]);
  });
});
