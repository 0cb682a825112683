/**
 * Save results automatically (issue 19, beyond the peers #3): a job of a chosen kind that succeeds has
 * its result files saved into the chosen folder, over real HTTP from the fake CAMB server onto a real
 * disk, by the same code as manual downloads. Hostile cases: a name already taken, a symlink planted
 * under the name, the folder gone, a full disk and a read-only one — a sentence in words, nothing
 * replaced or left half-written, and a retry a few minutes later that saves the file once it can.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src/shared/contract';
import { AUTO_SAVE_RETRY_MS } from '../../src/main/core/appHost/autoSave';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { SERVER_KEY, createWebHostHarness, type WebHostHarness } from './webHost/webHostHarness';

const isRoot = process.getuid?.() === 0 && process.platform === 'linux';
let h: WebHostHarness;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await h.close();
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-auto-save-'));
  cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Notices the page would show, in order. */
function notices(): string[] {
  return h.traffic
    .filter((entry) => entry.direction === 'event' && entry.channel === 'notice')
    .map((entry) => (JSON.parse(entry.body) as EventPayload<'notice'>).text);
}

const AUDIO = Buffer.from('RIFF-fake-wave-bytes-for-a-greeting');

/**
 * Three jobs: a speech job that succeeds with a file, a story that succeeds (a kind not chosen) and a
 * speech job that fails. Settings save speech results into `folder`.
 */
async function watchThree(folder: string): Promise<void> {
  h = await createWebHostHarness();
  await h.web.service.setApiKey(SERVER_KEY);
  const audioUrl = h.server.addFile('greeting.wav', AUDIO, 'audio/wav');
  h.server.addTask('tts', 'greeting', [step.pending({ polls: 1 }), step.success(7001)]);
  h.server.addResult('tts', 7001, { file_url: audioUrl });
  h.server.addTask('story', 'chapter', [step.pending({ polls: 1 }), step.success(7002)]);
  h.server.addResult('story', 7002, { audio_url: h.server.addFile('chapter.wav', AUDIO), transcript: [] });
  h.server.addTask('tts', 'broken', [step.pending({ polls: 1 }), step.error('Voice not found')]);
  await h.bridge.updateSettings({ autoSave: { folder, kinds: ['tts'] } });
  h.web.service.add('tts', 'greeting', 'Greeting');
  h.web.service.add('story', 'chapter', 'Chapter 1');
  h.web.service.add('tts', 'broken', 'Broken voice');
}

async function settle(): Promise<void> {
  await h.advance(60_000);
  await h.web.host.whenDownloadsSettled();
}

describe('saving results automatically', () => {
  it('saves a chosen kind’s result as it succeeds, and nothing of other kinds or failed jobs', async () => {
    const folder = tempFolder();
    await watchThree(folder);
    await settle();
    expect(fs.readdirSync(folder)).toEqual(['greeting.wav']);
    expect(fs.readFileSync(path.join(folder, 'greeting.wav'))).toEqual(AUDIO);
    expect(notices()).toContain('Saved “Greeting” as greeting.wav.');
    expect(h.web.service.get('tts:broken')?.status).toBe('ERROR');
  });

  it('refuses a folder that is not a whole path, in words, and keeps the setting it had', async () => {
    h = await createWebHostHarness();
    await expect(
      h.bridge.updateSettings({ autoSave: { folder: 'Results', kinds: ['tts'] } }),
    ).rejects.toThrow(/whole path, from the top of the disk/u);
    expect(h.web.service.getSettings().autoSave).toEqual({ folder: null, kinds: [] });
  });

  it('never replaces a file of that name nor follows a symlink planted under it', async () => {
    const folder = tempFolder();
    const elsewhere = path.join(tempFolder(), 'precious.txt');
    fs.writeFileSync(elsewhere, 'not to be overwritten');
    fs.writeFileSync(path.join(folder, 'greeting.wav'), 'the user’s own file');
    fs.symlinkSync(elsewhere, path.join(folder, 'greeting (2).wav'));
    await watchThree(folder);
    await settle();
    expect(fs.readFileSync(path.join(folder, 'greeting.wav'), 'utf8')).toBe('the user’s own file');
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('not to be overwritten');
    expect(fs.readFileSync(path.join(folder, 'greeting (3).wav'))).toEqual(AUDIO);
    expect(notices()).toContain('Saved “Greeting” as greeting (3).wav.');
  });

  it('says the folder is gone, leaves nothing behind, and saves the file once the folder is back', async () => {
    const parent = tempFolder();
    const folder = path.join(parent, 'Results');
    await watchThree(folder);
    await settle();
    expect(notices()).toContain(
      `“Greeting” was not saved automatically. The folder ${folder} is missing: create it (or plug in its drive) and try again. CAMB Watch tries again in 5 minutes.`,
    );
    fs.mkdirSync(folder);
    await h.advance(AUTO_SAVE_RETRY_MS);
    await h.web.host.whenDownloadsSettled();
    expect(fs.readdirSync(folder)).toEqual(['greeting.wav']);
    expect(notices().at(-1)).toBe('Saved “Greeting” as greeting.wav.');
  });

  it.runIf(isRoot)(
    'on a full disk and a read-only one: says so, removes the partial file, retries',
    async () => {
      const folder = tempFolder();
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', folder]);
      cleanups.push(() => execFileSync('umount', ['-l', folder]));
      fs.writeFileSync(path.join(folder, 'filler.bin'), Buffer.alloc(12 * 1024));
      h = await createWebHostHarness();
      await h.web.service.setApiKey(SERVER_KEY);
      const big = Buffer.alloc(64 * 1024, 7);
      h.server.addTask('tts', 'long-read', [step.pending({ polls: 1 }), step.success(7003)]);
      h.server.addResult('tts', 7003, { file_url: h.server.addFile('long-read.wav', big, 'audio/wav') });
      await h.bridge.updateSettings({ autoSave: { folder, kinds: ['tts'] } });
      h.web.service.add('tts', 'long-read', 'Long read');
      await settle();
      expect(notices()).toContain(
        '“Long read” was not saved automatically. The disk is full: free some space and try again. CAMB Watch tries again in 5 minutes.',
      );
      expect(fs.readdirSync(folder)).toEqual(['filler.bin']);

      fs.rmSync(path.join(folder, 'filler.bin'));
      execFileSync('mount', ['-o', 'remount,ro', folder]);
      await h.advance(AUTO_SAVE_RETRY_MS);
      await h.web.host.whenDownloadsSettled();
      expect(notices().at(-1)).toBe(
        `“Long read” was not saved automatically. CAMB Watch may not write into the folder ${folder}: check its permissions and try again. CAMB Watch tries again in 5 minutes.`,
      );

      execFileSync('mount', ['-o', 'remount,rw,size=256k', folder]);
      await h.advance(AUTO_SAVE_RETRY_MS);
      await h.web.host.whenDownloadsSettled();
      expect(fs.readFileSync(path.join(folder, 'long-read.wav'))).toEqual(big);
      expect(notices().at(-1)).toBe('Saved “Long read” as long-read.wav.');
    },
  );
});
