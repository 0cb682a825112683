import { describe, expect, it } from 'vitest';
import { classifyResultResponse } from '../../../src/main/core/camb/classifyResultResponse';
import { answer } from './answers';

describe('classifyResultResponse', () => {
  it('story: audio and dialogue links and a transcript', () => {
    const body = {
      audio_url: 'https://cdn/a.mp3',
      dialogue_url: 'https://cdn/d.json',
      transcript: [{ start: 0, end: 1.5, text: 'Hi', speaker: 'SPEAKER_0' }],
      extra: { kept: true },
    };
    expect(classifyResultResponse(answer(200, body), 'story-result')).toEqual({
      type: 'result-part',
      endpoint: 'story-result',
      links: [
        { name: 'audio_url', url: 'https://cdn/a.mp3' },
        { name: 'dialogue_url', url: 'https://cdn/d.json' },
      ],
      transcript: [{ start: 0, end: 1.5, text: 'Hi', speaker: 'SPEAKER_0' }],
      body,
    });
  });

  it('dub: accepts both the docs and the SDK field names', () => {
    const docs = classifyResultResponse(
      answer(200, { output_video_url: 'https://v', output_audio_url: 'https://a' }),
      'dub-result',
    );
    const sdk = classifyResultResponse(
      answer(200, { video_url: 'https://v', audio_url: 'https://a' }),
      'dub-result',
    );
    expect(docs).toMatchObject({ links: [{ name: 'output_video_url' }, { name: 'output_audio_url' }] });
    expect(sdk).toMatchObject({ links: [{ name: 'video_url' }, { name: 'audio_url' }] });
  });

  it('translation and transcription: an object or a bare list', () => {
    expect(classifyResultResponse(answer(200, { texts: ['Hola'] }), 'translation-result')).toMatchObject({
      texts: ['Hola'],
    });
    expect(classifyResultResponse(answer(200, ['Hola', 'Adiós']), 'translation-result')).toMatchObject({
      texts: ['Hola', 'Adiós'],
    });
    const segment = { start: 1, end: 2, text: 'x', speaker: 3 };
    expect(classifyResultResponse(answer(200, [segment]), 'transcription-result')).toMatchObject({
      transcript: [{ start: 1, end: 2, text: 'x', speaker: '3' }],
    });
    expect(
      classifyResultResponse(
        answer(200, { transcript: [{ start: 1, end: 2, text: 'x' }] }),
        'transcription-result',
      ),
    ).toMatchObject({ transcript: [{ speaker: null }] });
  });

  it('text-to-voice previews, audio separation stems, tts file_url', () => {
    expect(
      classifyResultResponse(answer(200, { previews: ['https://p0', 'https://p1'] }), 'text-to-voice-result'),
    ).toMatchObject({
      links: [
        { name: 'previews[0]', url: 'https://p0' },
        { name: 'previews[1]', url: 'https://p1' },
      ],
    });
    expect(
      classifyResultResponse(
        answer(200, { foreground_audio_url: 'https://f', background_audio_url: 'https://b' }),
        'audio-separation-result',
      ),
    ).toMatchObject({ links: [{ name: 'foreground_audio_url' }, { name: 'background_audio_url' }] });
    expect(classifyResultResponse(answer(200, { file_url: 'https://t.flac' }), 'tts-result')).toMatchObject({
      links: [{ name: 'file_url', url: 'https://t.flac' }],
    });
  });

  it('project setup: any object, kept in the body', () => {
    const body = { run_id: 5, project_details: { name: 'x' } };
    expect(classifyResultResponse(answer(200, body), 'project-setup-result')).toMatchObject({
      links: [],
      body,
    });
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'an endpoint named like an Object method (%s) has no expectations, and does not throw',
    (endpoint) => {
      expect(classifyResultResponse(answer(200, { a: 1 }), endpoint)).toMatchObject({
        type: 'result-part',
        endpoint,
        links: [],
      });
    },
  );

  it.each([
    ['story-result', { transcript: [] }, /none of audio_url, dialogue_url/],
    ['tts-result', { url: 'https://x' }, /none of file_url/],
    ['story-result', { audio_url: 5 }, /audio_url/],
    ['translation-result', { texts: 'Hola' }, /texts/],
    ['transcription-result', [{ start: 'a' }], /transcript/],
    ['dub-result', 'null', /not a dub-result answer/],
  ])('%s with %j is malformed', (endpoint, body, message) => {
    const outcome = classifyResultResponse(answer(200, body), endpoint);
    expect(outcome.type).toBe('malformed');
    if (outcome.type === 'malformed') expect(outcome.message).toMatch(message);
  });

  it('audio bytes instead of JSON are reported as such', () => {
    const byType = classifyResultResponse(
      answer(200, '', { 'content-type': 'audio/flac', 'content-length': '123456' }),
      'tts-result',
    );
    expect(byType).toEqual({
      type: 'malformed',
      message:
        'CAMB.AI sent audio data (audio/flac, 123456 bytes) instead of a JSON result with links; ask for output_type=file_url',
    });
    const sniffed = classifyResultResponse(answer(200, 'RIFF\u0000\u0000WAVEfmt'), 'text-to-sound-result');
    expect(sniffed).toMatchObject({
      type: 'malformed',
      message: expect.stringMatching(/audio data \(no content type\)/),
    });
  });

  it('error answers classify as for status requests, with a run-flavoured 404', () => {
    expect(classifyResultResponse(answer(404, { detail: 'Run not found' }), 'story-result')).toEqual({
      type: 'not-found',
      message: 'CAMB.AI has no result for this run (HTTP 404): Run not found',
    });
    expect(classifyResultResponse(answer(503, 'x'), 'story-result').type).toBe('server-error');
  });
});
