import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults, startFakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import type { TaskKind } from '../../../src/shared/taskKinds';
import { ensureCliBuilt, jsonLines, runCli, TEST_KEY } from './runCli';

/** `camb-watch result`: the output of a finished run, for every kind's result endpoint(s). */

let server: FakeCambServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startFakeCambServer({ apiKey: TEST_KEY });
});

afterAll(() => server.close());

const CDN = 'https://cdn.example.test';

function resultRequests(runId: number) {
  return server.requests
    .filter((entry) => entry.route === 'result' && entry.id === String(runId))
    .map((entry) => ({ path: entry.path, query: entry.query }));
}

describe.concurrent('camb-watch result', () => {
  it('prints a story’s links and transcript', async () => {
    server.addResult('story', 1001, {
      audio_url: `${CDN}/story.mp3`,
      dialogue_url: `${CDN}/dialogue.mp3`,
      transcript: [{ start: 0, end: 1.5, text: 'Once upon a time', speaker: 'Narrator' }],
    });
    const run = await runCli(['result', '1001'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('story run 1001:');
    expect(run.stdout).toContain(`audio_url: ${CDN}/story.mp3`);
    expect(run.stdout).toContain(`dialogue_url: ${CDN}/dialogue.mp3`);
    expect(run.stdout).toContain('Narrator: Once upon a time');
    expect(run.stdout).toMatch(/expire/);
    expect(resultRequests(1001)).toEqual([
      { path: '/story-result/1001', query: { include_transcript: 'true' } },
    ]);
  });

  it('with --json prints one object holding the links', async () => {
    server.addResult('story', 1002, { audio_url: `${CDN}/a.mp3`, dialogue_url: `${CDN}/d.mp3` });
    const run = await runCli(['result', '1002', '--json'], { server });
    expect(run.exitCode).toBe(0);
    const objects = jsonLines(run.stdout);
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatchObject({
      kind: 'story',
      run_id: 1002,
      links: [
        { name: 'audio_url', url: `${CDN}/a.mp3` },
        { name: 'dialogue_url', url: `${CDN}/d.mp3` },
      ],
    });
  });

  it('asks tts for a file URL rather than audio bytes', async () => {
    server.addResult('tts', 1003, { file_url: `${CDN}/speech.flac` });
    const run = await runCli(['result', '1003', '--kind', 'tts', '--json'], { server });
    expect(run.exitCode).toBe(0);
    expect(jsonLines(run.stdout)[0]?.['links']).toEqual([{ name: 'file_url', url: `${CDN}/speech.flac` }]);
    expect(resultRequests(1003)).toEqual([{ path: '/tts-result/1003', query: { output_type: 'file_url' } }]);
  });

  it('reads both spellings of a dub’s links', async () => {
    server.addResult('dub', 1004, { output_video_url: `${CDN}/dub.mp4`, audio_url: `${CDN}/dub.mp3` });
    const run = await runCli(['result', '1004', '--kind', 'dub'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`output_video_url: ${CDN}/dub.mp4`);
    expect(run.stdout).toContain(`audio_url: ${CDN}/dub.mp3`);
    expect(resultRequests(1004)).toEqual([{ path: '/dub-result/1004', query: {} }]);
  });

  it('joins the two endpoints of translated-tts', async () => {
    server.addResult('translated-tts', 1005, { file_url: `${CDN}/translated.flac` }, { endpoint: 0 });
    server.addResult('translated-tts', 1005, { texts: ['Bonjour', 'le monde'] }, { endpoint: 1 });
    const human = await runCli(['result', '1005', '--kind', 'translated-tts'], { server });
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain(`file_url: ${CDN}/translated.flac`);
    expect(human.stdout).toContain('text: Bonjour');
    expect(human.stdout).toContain('text: le monde');
    const json = await runCli(['result', '1005', '--kind', 'translated-tts', '--json'], { server });
    expect(jsonLines(json.stdout)[0]).toMatchObject({
      links: [{ name: 'file_url', url: `${CDN}/translated.flac` }],
      texts: ['Bonjour', 'le monde'],
    });
    expect(resultRequests(1005).map((request) => request.path)).toEqual([
      '/tts-result/1005',
      '/translation-result/1005',
      '/tts-result/1005',
      '/translation-result/1005',
    ]);
  });

  it('fetches a translated story in the --target-language asked for', async () => {
    server.addResult('translated-story', 1006, { audio_url: `${CDN}/fr.mp3` }, { targetLanguage: 'fr-fr' });
    const run = await runCli(['result', '1006', '--kind', 'translated-story', '--target-language', 'fr-fr'], {
      server,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`audio_url: ${CDN}/fr.mp3`);
    expect(resultRequests(1006)).toEqual([{ path: '/translated-story-result/1006/fr-fr', query: {} }]);
  });

  it('exits 2 for a translated story without --target-language, sending nothing', async () => {
    const run = await runCli(['result', '1007', '--kind', 'translated-story'], { server });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--target-language');
    expect(resultRequests(1007)).toEqual([]);
  });

  it('exits 2 for dub-alt-format, which has no result endpoint, sending nothing', async () => {
    const run = await runCli(['result', '1008', '--kind', 'dub-alt-format'], { server });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/no result endpoint for dub-alt-format/);
    expect(server.requests.filter((entry) => entry.path.includes('1008'))).toEqual([]);
  });

  it('calls a request that cannot be made a usage error (exit 2) even when no key is set', async () => {
    for (const args of [
      ['result', '1009', '--kind', 'dub-alt-format'],
      ['result', '1009', '--kind', 'translated-story'],
    ]) {
      const run = await runCli(args, { server, apiKey: null });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).not.toMatch(/API key/);
    }
  });

  it.each([
    ['abc', 'a run id is a whole number'],
    ['12ab', 'a run id is a whole number'],
    ['4.5', 'a run id is a whole number'],
    ['1e3', 'a run id is a whole number'],
    ['1234567890123456', 'a run id is a whole number'],
    ['-5', 'unknown option -5'],
  ])('exits 2 for the run id %j, sending nothing', async (runId, problem) => {
    const run = await runCli(['result', runId], { server });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(problem);
    expect(server.requests.filter((entry) => entry.path.includes(runId))).toEqual([]);
  });

  it('exits 4 for a run CAMB.AI does not know', async () => {
    const run = await runCli(['result', '1009', '--kind', 'transcribe'], { server });
    expect(run.exitCode).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/404/);
    expect(resultRequests(1009)).toEqual([{ path: '/transcription-result/1009', query: {} }]);
  });

  it('retries a one-off 502 and then prints the result', async () => {
    server.addResult('audio-separation', 1010, {
      foreground_audio_url: `${CDN}/voice.wav`,
      background_audio_url: `${CDN}/music.wav`,
    });
    server.injectResultFaults('audio-separation', 1010, [faults.serverError(502, { html: true })]);
    const run = await runCli(['result', '1010', '--kind', 'audio-separation'], { server });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/502/);
    expect(run.stdout).toContain(`foreground_audio_url: ${CDN}/voice.wav`);
    expect(run.stdout).toContain(`background_audio_url: ${CDN}/music.wav`);
  });

  it('exits 3 when the key is rejected', async () => {
    server.addResult('story', 1011, { audio_url: `${CDN}/x.mp3` });
    server.injectResultFaults('story', 1011, [faults.unauthorized()]);
    const run = await runCli(['result', '1011'], { server });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/401/);
  });

  it.each([
    ['translate', 1012, ['Hola', 'mundo'], ['text: Hola', 'text: mundo']],
    ['transcribe', 1013, [{ start: 0, end: 2, text: 'Hello there', speaker: 'A' }], ['A: Hello there']],
    ['text-to-sound', 1014, { file_url: `${CDN}/boom.wav` }, [`file_url: ${CDN}/boom.wav`]],
    [
      'text-to-voice',
      1015,
      { previews: [`${CDN}/p0.mp3`, { url: `${CDN}/p1.mp3` }] },
      [`previews[0]: ${CDN}/p0.mp3`, `previews[1]: ${CDN}/p1.mp3`],
    ],
    ['project-setup', 1016, { run_id: 1016, project_details: { name: 'Demo' } }, ['project-setup run 1016:']],
  ] as [TaskKind, number, unknown, string[]][])('prints a %s result', async (kind, runId, body, expected) => {
    server.addResult(kind, runId, body);
    const run = await runCli(['result', String(runId), '--kind', kind], { server });
    expect(run.exitCode).toBe(0);
    for (const text of expected) expect(run.stdout).toContain(text);
  });
});
