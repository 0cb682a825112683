import { describe, expect, it } from 'vitest';
import { checkMediaUrl } from '../../../src/main/core/links';
import { withPlayer } from '../../../src/main/core/appHost/resultView';
import type { ResultView } from '../../../src/shared/contract';

const LOCAL = 'http://127.0.0.1:4100';

describe('checkMediaUrl: what the inline player may load', () => {
  it('plays https links on CAMB.AI’s hosts', () => {
    expect(checkMediaUrl('https://files.camb.ai/tts/7/audio.flac?sig=abc', null)).toEqual({
      ok: true,
      url: 'https://files.camb.ai/tts/7/audio.flac?sig=abc',
    });
  });

  it.each([
    ['plain http on CAMB.AI', 'http://files.camb.ai/a.flac', 'Its link is not secure (https).'],
    ['another host', 'https://evil.example/a.flac', 'It is on evil.example, not on a CAMB.AI host.'],
    ['a look-alike host', 'https://files.camb.ai.evil.example/a.flac', 'not on a CAMB.AI host'],
    ['a host ending in the same letters', 'https://notcamb.ai/a.flac', 'not on a CAMB.AI host'],
    ['credentials', 'https://user:pw@files.camb.ai/a.flac', 'user name or password'],
    ['a data: link', 'data:audio/wav;base64,AAAA', 'Its link is not secure (https).'],
    ['a javascript: link', 'javascript:alert(1)', 'Its link is not secure (https).'],
    ['not a link', 'not a link', 'Its link is not a web link.'],
    ['loopback http without a local simulator', `${LOCAL}/files/a.wav`, 'Its link is not secure (https).'],
  ])('refuses %s, in words', (_name, url, words) => {
    const checked = checkMediaUrl(url, null);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain(words);
  });

  it('plays the local simulator’s own origin, and no other port or host on this computer', () => {
    expect(checkMediaUrl(`${LOCAL}/files/a.wav`, LOCAL)).toMatchObject({ ok: true });
    expect(checkMediaUrl('http://127.0.0.1:4101/files/a.wav', LOCAL)).toMatchObject({ ok: false });
    expect(checkMediaUrl('http://localhost:4100/files/a.wav', LOCAL)).toMatchObject({ ok: false });
  });

  it('clips a hostile, very long host name in its sentence', () => {
    const checked = checkMediaUrl(`https://${'a'.repeat(200)}.example/a.flac`, null);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message.length).toBeLessThan(120);
  });
});

describe('withPlayer: the result’s audio for the details', () => {
  const view = (links: { name: string; url: string }[]): ResultView => ({
    ok: true,
    runId: 7,
    links,
    texts: [],
    transcript: [],
  });

  it('names the speech, sound or story audio link of kinds whose result is audio', () => {
    const url = 'https://files.camb.ai/a.flac';
    expect(withPlayer(view([{ name: 'file_url', url }]), 'tts', null)).toMatchObject({
      player: { name: 'file_url', url },
    });
    expect(withPlayer(view([{ name: 'file_url', url }]), 'text-to-sound', null)).toMatchObject({
      player: { name: 'file_url', url },
    });
    const story = view([
      { name: 'dialogue_url', url: 'https://files.camb.ai/d.json' },
      { name: 'audio_url', url },
    ]);
    expect(withPlayer(story, 'story', null)).toMatchObject({ player: { name: 'audio_url', url } });
  });

  it('gives no player to a dub or a translation, and leaves a failed view as it is', () => {
    const dub = view([{ name: 'output_audio_url', url: 'https://files.camb.ai/a.wav' }]);
    expect(withPlayer(dub, 'dub', null)).not.toHaveProperty('player');
    const failed: ResultView = { ok: false, needsTargetLanguage: false, message: 'No.' };
    expect(withPlayer(failed, 'tts', null)).toBe(failed);
  });

  it('says why a link on another host does not play, and keeps it among the files', () => {
    const hostile = view([{ name: 'file_url', url: 'http://evil.example/a.flac' }]);
    const shown = withPlayer(hostile, 'tts', null);
    expect(shown).toMatchObject({
      player: { name: 'file_url', refused: 'Its link is not secure (https).' },
      links: [{ name: 'file_url', url: 'http://evil.example/a.flac' }],
    });
  });
});
