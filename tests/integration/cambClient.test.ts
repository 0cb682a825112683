import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCambClient } from '../../src/main/core/camb/cambClient';
import type { CambClient } from '../../src/main/core/camb/cambClient';
import type { StatusOutcome } from '../../src/main/core/camb/outcomes';
import type { ResultOutcome } from '../../src/main/core/camb/resultOutcomes';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import type { TaskKind } from '../../src/shared/taskKinds';
import { faults, RawBody, startFakeCambServer, step } from '../../tools/fakeCamb/fakeCambServer';
import type { Fault, FakeCambServer } from '../../tools/fakeCamb/fakeCambServer';

const KEY = 'camb-test-key-5f1d2c3b';

let clock: VirtualClock;
let server: FakeCambServer;
let apiKey: string;
let client: CambClient;
/** Every outcome a test saw, checked afterwards for the key. */
let seen: (StatusOutcome | ResultOutcome)[];

async function status(kind: TaskKind, taskId: string): Promise<StatusOutcome> {
  const outcome = await client.getStatus(kind, taskId);
  seen.push(outcome);
  return outcome;
}

async function result(kind: TaskKind, runId: number, targetLanguage?: string): Promise<ResultOutcome> {
  const outcome = await client.getResult(kind, runId, targetLanguage === undefined ? {} : { targetLanguage });
  seen.push(outcome);
  return outcome;
}

beforeEach(async () => {
  clock = new VirtualClock();
  server = await startFakeCambServer({ apiKey: KEY, now: () => clock.now() });
  apiKey = KEY;
  seen = [];
  client = createCambClient({
    fetch,
    baseUrl: server.baseUrl,
    getApiKey: () => apiKey,
    clock,
    userAgent: 'camb-watch-test/1',
  });
});

afterEach(async () => {
  await server.close();
  expect(JSON.stringify(seen)).not.toContain(KEY);
  expect(JSON.stringify(server.requests)).not.toContain(KEY);
});

describe('getStatus over HTTP', () => {
  it('plays a timeline and sends the key, accept and user-agent headers', async () => {
    server.addTask('story', 'task-1', [step.pending({ polls: 2 }), step.success(4242)]);
    expect(await status('story', 'task-1')).toEqual({
      type: 'status',
      status: 'PENDING',
      runId: null,
      exceptionReason: null,
      message: null,
    });
    expect(await status('story', 'task-1')).toMatchObject({ status: 'PENDING' });
    expect(await status('story', 'task-1')).toMatchObject({ status: 'SUCCESS', runId: 4242 });
    const [first] = server.requests;
    expect(first).toMatchObject({
      method: 'GET',
      path: '/story/task-1',
      hadValidKey: true,
      kind: 'story',
      id: 'task-1',
      headers: { accept: 'application/json', 'user-agent': 'camb-watch-test/1' },
    });
    expect(server.requestCount('story', 'task-1')).toBe(3);
  });

  it('asks each kind at its own status path, with the task id URI-encoded', async () => {
    server.addTask('audio-separation', 'a b/c', step.error('FORBIDDEN', { reason: 'policy' }));
    expect(await status('audio-separation', 'a b/c')).toEqual({
      type: 'status',
      status: 'ERROR',
      runId: null,
      exceptionReason: 'FORBIDDEN',
      message: '{"reason":"policy"}',
    });
    expect(server.requests[0]?.path).toBe('/audio-separation/a%20b%2Fc');
  });

  it('moves a timeline on in virtual time', async () => {
    server.addTask('dub', 'd1', [step.pending({ untilMs: 60_000 }), step.success(9)]);
    expect(await status('dub', 'd1')).toMatchObject({ status: 'PENDING' });
    await clock.advance(59_000);
    expect(await status('dub', 'd1')).toMatchObject({ status: 'PENDING' });
    await clock.advance(1_000);
    expect(await status('dub', 'd1')).toMatchObject({ status: 'SUCCESS', runId: 9 });
  });

  it('keeps an undocumented status verbatim', async () => {
    server.addTask('story', 's', step.status('FAILED'));
    expect(await status('story', 's')).toMatchObject({ type: 'status', status: 'FAILED' });
  });

  it('an unknown task is not-found', async () => {
    expect(await status('story', 'nobody')).toEqual({
      type: 'not-found',
      message: 'CAMB.AI does not know this task (HTTP 404): Task nobody not found',
    });
  });

  it('a wrong or missing key is auth-rejected; a rotated key works at once', async () => {
    server.addTask('story', 's', step.pending());
    apiKey = 'wrong-key';
    expect(await status('story', 's')).toEqual({
      type: 'auth-rejected',
      httpStatus: 401,
      message: 'CAMB.AI rejected the API key (HTTP 401): Invalid API key',
    });
    expect(server.requests.at(-1)?.hadValidKey).toBe(false);
    server.setApiKey('rotated-key');
    apiKey = KEY;
    expect(await status('story', 's')).toMatchObject({ type: 'auth-rejected' });
    apiKey = 'rotated-key';
    expect(await status('story', 's')).toMatchObject({ type: 'status', status: 'PENDING' });
    const missing = createCambClient({ fetch, baseUrl: server.baseUrl, getApiKey: () => '', clock });
    expect(await missing.getStatus('story', 's')).toMatchObject({ type: 'auth-rejected', httpStatus: 401 });
  });
});

describe('every fault of CAMB-API.md', () => {
  const cases: [string, () => Fault, (outcome: StatusOutcome) => void][] = [
    ['reset', faults.reset, (o) => expect(o).toMatchObject({ type: 'network', reason: 'reset' })],
    [
      '500 text',
      () => faults.serverError(500),
      (o) =>
        expect(o).toEqual({
          type: 'server-error',
          httpStatus: 500,
          message: 'CAMB.AI had a server problem (HTTP 500): Internal Server Error',
        }),
    ],
    [
      '502 proxy page',
      () => faults.serverError(502, { html: true }),
      (o) =>
        expect(o).toEqual({
          type: 'server-error',
          httpStatus: 502,
          message: 'CAMB.AI had a server problem (HTTP 502): an HTML page titled "502 Bad Gateway"',
        }),
    ],
    [
      '503 proxy page',
      () => faults.serverError(503, { html: true }),
      (o) => expect(o).toMatchObject({ type: 'server-error', httpStatus: 503 }),
    ],
    [
      '429 with Retry-After seconds',
      () => faults.rateLimited(30),
      (o) => expect(o).toMatchObject({ type: 'rate-limited', retryAfterMs: 30_000 }),
    ],
    [
      '429 with Retry-After date',
      () => faults.rateLimited(new Date(clock.now() + 120_000)),
      (o) => expect(o).toMatchObject({ type: 'rate-limited', retryAfterMs: 120_000 }),
    ],
    [
      '429 without Retry-After',
      () => faults.rateLimited(),
      (o) => expect(o).toMatchObject({ type: 'rate-limited', retryAfterMs: null }),
    ],
    [
      '401',
      () => faults.unauthorized(),
      (o) =>
        expect(o).toMatchObject({
          type: 'auth-rejected',
          httpStatus: 401,
          message: expect.stringContaining('Invalid API key'),
        }),
    ],
    [
      '403',
      () => faults.forbidden('Key lacks the dubbing scope'),
      (o) =>
        expect(o).toEqual({
          type: 'auth-rejected',
          httpStatus: 403,
          message: 'CAMB.AI refused access with this API key (HTTP 403): Key lacks the dubbing scope',
        }),
    ],
    [
      '404',
      () => faults.notFound('Task expired'),
      (o) => expect(o).toMatchObject({ type: 'not-found', message: expect.stringContaining('Task expired') }),
    ],
    [
      '422',
      () => faults.validationError(),
      (o) =>
        expect(o).toEqual({
          type: 'invalid',
          details: [{ loc: ['path', 'task_id'], msg: 'value is not a valid uuid', type: 'type_error.uuid' }],
          message: 'CAMB.AI rejected the request as invalid (HTTP 422): task_id: value is not a valid uuid',
        }),
    ],
    [
      'malformed JSON',
      faults.malformedJson,
      (o) => expect(o).toMatchObject({ type: 'malformed', message: expect.stringContaining('not JSON') }),
    ],
    [
      'HTML 200',
      () => faults.html200(),
      (o) =>
        expect(o).toEqual({
          type: 'malformed',
          message:
            'CAMB.AI sent an HTML page titled "CAMB.AI | Scheduled maintenance" (HTTP 200) where JSON was expected',
        }),
    ],
    [
      'unexpected JSON 200',
      () => faults.unexpectedJson(),
      (o) =>
        expect(o).toMatchObject({
          type: 'malformed',
          message: expect.stringContaining('not the task status'),
        }),
    ],
    [
      'unknown status',
      () => faults.unknownStatus('FAILED'),
      (o) => expect(o).toMatchObject({ type: 'status', status: 'FAILED', runId: null }),
    ],
  ];

  it.each(cases)('%s', async (_name, makeFault, check) => {
    server.addTask('story', 't', [step.pending({ polls: 1 }), step.success(1)]);
    server.injectFaults('story', 't', [makeFault()]);
    check(await status('story', 't'));
    // The fault did not use up the timeline: it resumes where it was.
    expect(await status('story', 't')).toMatchObject({ type: 'status', status: 'PENDING' });
    expect(await status('story', 't')).toMatchObject({ type: 'status', status: 'SUCCESS' });
    expect(server.requestCount('story', 't')).toBe(3);
  });

  it('a hung request is abandoned after 15 s of (virtual) time', async () => {
    server.addTask('story', 't', step.pending());
    server.injectFaults('story', 't', [faults.hang()]);
    let settled = false;
    const pending = status('story', 't').finally(() => (settled = true));
    await server.waitForRequests(1);
    await clock.advance(14_999);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect(settled).toBe(true);
    expect(await pending).toEqual({
      type: 'network',
      reason: 'timeout',
      message: `Could not reach 127.0.0.1:${server.port}: no answer within 15 s`,
    });
    expect(await status('story', 't')).toMatchObject({ type: 'status', status: 'PENDING' });
  });

  it('a configured timeout is honoured', async () => {
    const quick = createCambClient({
      fetch,
      baseUrl: server.baseUrl,
      getApiKey: () => KEY,
      clock,
      timeoutMs: 2_000,
    });
    server.injectGlobalFaults([faults.hang()]);
    const pending = quick.getStatus('story', 'x');
    await server.waitForRequests(1);
    await clock.advance(2_000);
    expect(await pending).toMatchObject({ type: 'network', reason: 'timeout' });
  });

  it('closing the server ends hung requests instead of leaving them open', async () => {
    server.injectGlobalFaults([faults.hang(), faults.hang()]);
    const first = status('story', 'a');
    const second = status('dub', 'b');
    await server.waitForRequests(2);
    await server.close();
    expect((await first).type).toBe('network');
    expect((await second).type).toBe('network');
  });

  it('global faults hit every path, valid key or not, in order', async () => {
    server.addTask('story', 's', step.pending());
    server.injectGlobalFaults([faults.serverError(503), faults.rateLimited(5)]);
    apiKey = 'wrong';
    expect(await status('translate', 'unknown')).toMatchObject({ type: 'server-error', httpStatus: 503 });
    apiKey = KEY;
    expect(await result('tts', 1)).toMatchObject({ type: 'rate-limited', retryAfterMs: 5_000 });
    expect(await status('story', 's')).toMatchObject({ type: 'status' });
  });

  it('faults queue up per task, and leave other tasks alone', async () => {
    server.addTask('story', 'a', step.pending());
    server.addTask('story', 'b', step.pending());
    server.injectFaults('story', 'a', [faults.serverError(500), faults.reset()]);
    expect((await status('story', 'b')).type).toBe('status');
    expect((await status('story', 'a')).type).toBe('server-error');
    expect((await status('story', 'a')).type).toBe('network');
    expect((await status('story', 'a')).type).toBe('status');
  });

  it('a server that is not there is a refused connection', async () => {
    const gone = await startFakeCambServer({ apiKey: KEY });
    await gone.close();
    const lonely = createCambClient({ fetch, baseUrl: gone.baseUrl, getApiKey: () => KEY, clock });
    const outcome = await lonely.getStatus('story', 'x');
    seen.push(outcome);
    expect(outcome).toMatchObject({ type: 'network', reason: 'refused' });
    expect(outcome.type === 'network' && outcome.message).toContain('ECONNREFUSED');
  });

  it('never repeats the key, even when the server echoes it', async () => {
    server.injectFaults('story', 'x', [
      faults.unauthorized(`Invalid API key ${KEY}`),
      faults.serverError(500, { html: `<html><head><title>key=${KEY}</title></head></html>` }),
      faults.answer(200, JSON.stringify({ status: 'ERROR', run_id: null, message: { echoed: KEY } })),
    ]);
    const outcomes = [await status('story', 'x'), await status('story', 'x'), await status('story', 'x')];
    expect(outcomes.map((o) => o.type)).toEqual(['auth-rejected', 'server-error', 'status']);
    expect(JSON.stringify(outcomes)).toContain('[redacted]');
  });
});

describe('answers too large to be one', () => {
  it('stops reading past maxBodyBytes and reports it, instead of holding it all in memory', async () => {
    const small = createCambClient({
      fetch,
      baseUrl: server.baseUrl,
      getApiKey: () => KEY,
      clock,
      maxBodyBytes: 64 * 1024,
    });
    server.addTask('story', 'big', step.pending());
    server.injectFaults('story', 'big', [faults.oversized(4 * 1024 * 1024)]);
    const outcome = await small.getStatus('story', 'big');
    expect(outcome).toEqual({
      type: 'malformed',
      message: 'CAMB.AI sent an answer larger than 64 KB (HTTP 200), which was not read to the end',
    });
    // Only the one oversized answer: the next poll reads the timeline normally.
    expect(await small.getStatus('story', 'big')).toMatchObject({ type: 'status', status: 'PENDING' });
  });

  it('reads an answer just within the limit', async () => {
    const small = createCambClient({
      fetch,
      baseUrl: server.baseUrl,
      getApiKey: () => KEY,
      clock,
      maxBodyBytes: 64 * 1024,
    });
    server.injectFaults('story', 'fits', [faults.oversized(64 * 1024)]);
    expect(await small.getStatus('story', 'fits')).toMatchObject({ type: 'status', status: 'PENDING' });
  });
});

describe('a key echoed where a message is cut short', () => {
  // The text before the key is as long as the summary kept of each answer, less a few characters.
  it.each([
    ['a JSON error', 190, (text: string) => faults.unauthorized(text)],
    ['a plain-text 500', 190, (text: string) => faults.answer(500, text)],
    ['a 200 that is not JSON', 72, (text: string) => faults.answer(200, text)],
  ])('is masked before %s is shortened, so no part of it shows', async (_what, before, fault) => {
    server.injectFaults('story', 'cut', [fault(`${'x'.repeat(before)}${KEY} and more`)]);
    const outcome = await status('story', 'cut');
    expect(outcome.type).not.toBe('status');
    expect(JSON.stringify(outcome)).not.toContain(KEY.slice(0, 8));
  });
});

describe('getResult over HTTP', () => {
  it('story: links and transcript, asking for the transcript', async () => {
    server.addResult('story', 4242, {
      audio_url: 'https://cdn.example/story.mp3',
      dialogue_url: 'https://cdn.example/dialogue.json',
      transcript: [{ start: 0, end: 2.5, text: 'Once upon a time', speaker: 'Narrator' }],
    });
    const outcome = await result('story', 4242);
    expect(outcome).toMatchObject({
      type: 'result',
      result: {
        kind: 'story',
        runId: 4242,
        links: [
          { name: 'audio_url', url: 'https://cdn.example/story.mp3' },
          { name: 'dialogue_url', url: 'https://cdn.example/dialogue.json' },
        ],
        transcript: [{ start: 0, end: 2.5, text: 'Once upon a time', speaker: 'Narrator' }],
      },
    });
    expect(server.requests[0]).toMatchObject({
      path: '/story-result/4242',
      query: { include_transcript: 'true' },
    });
  });

  it('translated-story needs a target language, which goes into the path', async () => {
    expect(await result('translated-story', 77)).toEqual({
      type: 'target-language-required',
      kind: 'translated-story',
      message: 'translated-story results are kept per target language; say which language to fetch',
    });
    expect(server.requests).toHaveLength(0);
    server.addResult(
      'translated-story',
      77,
      { audio_url: 'https://cdn.example/fr.mp3' },
      { targetLanguage: 'fr' },
    );
    expect(await result('translated-story', 77, 'fr')).toMatchObject({
      type: 'result',
      result: { links: [{ name: 'audio_url', url: 'https://cdn.example/fr.mp3' }] },
    });
    expect(await result('translated-story', 77, 'de')).toMatchObject({ type: 'not-found' });
    expect(server.requests.map((r) => r.path)).toEqual([
      '/translated-story-result/77/fr',
      '/translated-story-result/77/de',
    ]);
  });

  it('dub: both field-name variants', async () => {
    server.addResult('dub', 1, {
      output_video_url: 'https://v/1.mp4',
      output_audio_url: 'https://a/1.mp3',
      transcript: [],
    });
    server.addResult('dub', 2, { video_url: 'https://v/2.mp4', audio_url: 'https://a/2.mp3' });
    expect(await result('dub', 1)).toMatchObject({
      result: { links: [{ name: 'output_video_url' }, { name: 'output_audio_url' }], transcript: [] },
    });
    expect(await result('dub', 2)).toMatchObject({
      result: { links: [{ name: 'video_url' }, { name: 'audio_url' }] },
    });
  });

  it('dub-alt-format has no result endpoint, and nothing is asked', async () => {
    expect(await result('dub-alt-format', 5)).toMatchObject({
      type: 'no-result-endpoint',
      kind: 'dub-alt-format',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('tts and text-to-sound ask for file URLs', async () => {
    server.addResult('tts', 3, { file_url: 'https://cdn.example/3.flac' });
    server.addResult('text-to-sound', 4, { file_url: 'https://cdn.example/4.wav' });
    expect(await result('tts', 3)).toMatchObject({
      result: { links: [{ name: 'file_url', url: 'https://cdn.example/3.flac' }] },
    });
    expect(await result('text-to-sound', 4)).toMatchObject({ result: { links: [{ name: 'file_url' }] } });
    expect(server.requests.map((r) => r.query)).toEqual([
      { output_type: 'file_url' },
      { output_type: 'file_url' },
    ]);
  });

  it('audio bytes instead of JSON are reported clearly', async () => {
    server.addResult('tts', 6, new RawBody(Buffer.from('fLaC\u0000\u0000\u0000\u0000'), 'audio/flac'));
    expect(await result('tts', 6)).toEqual({
      type: 'malformed',
      message:
        'CAMB.AI sent audio data (audio/flac, 8 bytes) instead of a JSON result with links; ask for output_type=file_url',
    });
  });

  it('translated-tts merges the audio and the translation', async () => {
    server.addResult('translated-tts', 8, { file_url: 'https://cdn.example/8.flac' });
    server.addResult('translated-tts', 8, { texts: ['Bonjour', 'le monde'] }, { endpoint: 1 });
    expect(await result('translated-tts', 8)).toEqual({
      type: 'result',
      result: {
        kind: 'translated-tts',
        runId: 8,
        links: [{ name: 'file_url', url: 'https://cdn.example/8.flac' }],
        texts: ['Bonjour', 'le monde'],
        details: {
          'tts-result': { file_url: 'https://cdn.example/8.flac' },
          'translation-result': { texts: ['Bonjour', 'le monde'] },
        },
      },
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/tts-result/8', '/translation-result/8']);
  });

  it('translated-tts reports the first failing endpoint', async () => {
    server.addResult('translated-tts', 8, { file_url: 'https://cdn.example/8.flac' });
    server.addResult('translated-tts', 8, { texts: ['x'] }, { endpoint: 1 });
    server.injectResultFaults('translated-tts', 8, [faults.serverError(503, { html: true })], {
      endpoint: 1,
    });
    expect(await result('translated-tts', 8)).toMatchObject({ type: 'server-error', httpStatus: 503 });
    expect((await result('translated-tts', 8)).type).toBe('result');
  });

  it.each([
    ['translate', { texts: ['Hola'] }, { texts: ['Hola'], links: [] }],
    [
      'transcribe',
      [{ start: 0, end: 1, text: 'hi', speaker: 'A' }],
      { transcript: [{ start: 0, end: 1, text: 'hi', speaker: 'A' }] },
    ],
    [
      'transcribe',
      { transcript: [{ start: 0, end: 1, text: 'hi', speaker: 'A' }] },
      { transcript: [{ text: 'hi' }] },
    ],
    [
      'text-to-voice',
      { previews: ['https://p/0.mp3', 'https://p/1.mp3'] },
      { links: [{ name: 'previews[0]' }, { name: 'previews[1]' }] },
    ],
    [
      'audio-separation',
      { foreground_audio_url: 'https://f.wav', background_audio_url: 'https://b.wav' },
      { links: [{ name: 'foreground_audio_url' }, { name: 'background_audio_url' }] },
    ],
    [
      'project-setup',
      { run_id: 12, project_details: { name: 'Film' } },
      { links: [], details: { project_details: { name: 'Film' } } },
    ],
  ] as const)('%s', async (kind, body, expected) => {
    server.addResult(kind, 12, body);
    expect(await result(kind, 12)).toMatchObject({
      type: 'result',
      result: { kind, runId: 12, ...expected },
    });
  });

  it('unknown runs, wrong shapes and hung result requests are classified too', async () => {
    expect(await result('story', 999)).toEqual({
      type: 'not-found',
      message: 'CAMB.AI has no result for this run (HTTP 404): Run 999 not found',
    });
    server.addResult('audio-separation', 5, { stems: [] });
    expect(await result('audio-separation', 5)).toMatchObject({
      type: 'malformed',
      message: expect.stringContaining('none of foreground_audio_url, background_audio_url'),
    });
    server.addResult('story', 6, { audio_url: 'https://a' });
    server.injectResultFaults('story', 6, [faults.hang()]);
    const pending = result('story', 6);
    await server.waitForRequests(1, (entry) => entry.id === '6');
    await clock.advance(15_000);
    expect(await pending).toMatchObject({ type: 'network', reason: 'timeout' });
    expect((await result('story', 6)).type).toBe('result');
  });
});

describe("Electron's net.fetch and redirects", () => {
  it('a redirect it cancels instead of returning is a redirect, not a failure to reach CAMB.AI', async () => {
    // net.fetch with redirect: 'manual' rejects a 3xx with this error (electron/electron#43715).
    const electronFetch = () => Promise.reject(new Error('Redirect was cancelled'));
    const electronClient = createCambClient({ fetch: electronFetch, getApiKey: () => apiKey, clock });
    expect(await electronClient.getStatus('story', 'task-1')).toEqual({
      type: 'malformed',
      message: 'CAMB.AI answered with a redirect, which is not followed; check CAMB_API_BASE',
    });
  });
});
