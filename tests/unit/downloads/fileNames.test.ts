import { describe, expect, it } from 'vitest';
import {
  fileKindOfLink,
  fileNameForUrl,
  safeFileName,
  type SafeNameOptions,
} from '../../../src/main/core/downloads/fileNames';

const video: SafeNameOptions = { kind: 'video', fallback: 'Launch - dubbed-video', rules: 'posix' };
const audio: SafeNameOptions = { ...video, kind: 'audio', fallback: 'Launch - dubbed-audio' };
const fromLink = (segment: string, options = video) =>
  fileNameForUrl(`https://storage.example/x/${encodeURIComponent(segment)}?sig=1`, options);
const utf8 = (name: string) => Buffer.byteLength(name, 'utf8');

describe('download file names', () => {
  it('takes the last segment of the link, decoded, when its extension fits the field', () => {
    expect(fileNameForUrl('https://s.example/a/b/My%20Story.flac?sig=1', audio)).toBe('My Story.flac');
    expect(fromLink('launch-es.mp4')).toBe('launch-es.mp4');
  });

  it('never names a hidden file or a path outside the folder', () => {
    expect(fileNameForUrl('https://s.example/x/..%2F..%2F.bashrc', audio)).toBe('_.._.bashrc.wav');
    expect(fileNameForUrl('https://s.example/.env', audio)).toBe('env.wav');
    expect(fileNameForUrl('https://s.example/a%5Cb%3A%00c.mp4', video)).toBe('a_b_c.mp4');
    expect(fileNameForUrl('https://s.example/', video)).toBe('Launch - dubbed-video.mp4');
    expect(fileNameForUrl('not a url', video)).toBe('Launch - dubbed-video.mp4');
  });

  it('never saves an executable type: the field’s own extension takes its place', () => {
    const names = ['setup.exe', 'Invoice.lnk', 'payload.desktop', 'x.hta', 'x.url', 'x.scr', 'x.command'];
    expect(names.map((name) => fromLink(name))).toEqual([
      'setup.mp4',
      'Invoice.mp4',
      'payload.mp4',
      'x.mp4',
      'x.mp4',
      'x.mp4',
      'x.mp4',
    ]);
    expect(
      ['a.bat', 'a.ps1', 'a.vbs', 'a.js', 'a.jar', 'a.msi', 'a.dmg', 'a.pkg', 'a.sh', 'a.app'].map((n) =>
        fromLink(n, audio),
      ),
    ).toEqual(Array(10).fill('a.wav'));
    // A type that is not executable, but not the field's either, stays readable in the stem.
    expect(fromLink('clip.v2')).toBe('clip.v2.mp4');
    expect(fromLink('notes.pdf')).toBe('notes.pdf.mp4');
    // A media type of another field is what the bytes are, and does not run: kept, never doubled.
    expect(fromLink('launch-es-video.wav')).toBe('launch-es-video.wav');
    expect(fromLink('cover.mp4', audio)).toBe('cover.mp4');
  });

  it('drops invisible, bidi and control characters, so a name cannot hide its real type', () => {
    expect(fromLink(`report.pdf${'\u3164'.repeat(40)}.exe`)).toBe('report.pdf.mp4');
    expect(fromLink('song\u202Egpj.exe')).toBe('songgpj.mp4');
    expect(fromLink('a\u200B\u200Db\uFEFF\u2060c\u115F\uFFA0.wav', audio)).toBe('abc.wav');
    expect(fromLink('tab\there\u00A0\u3000and  spaces.mp4')).toBe('tab here and spaces.mp4');
    expect(fromLink('\u3164\u200B\u202E')).toBe('Launch - dubbed-video.mp4');
  });

  it('gives Windows device names an underscore and drops trailing dots and spaces', () => {
    expect(fromLink('CON')).toBe('CON_.mp4');
    expect(fromLink('NUL.mp3', audio)).toBe('NUL_.mp3');
    expect(fromLink('com1.wav', audio)).toBe('com1_.wav');
    expect(fromLink('lpt¹.tar.mp4')).toBe('lpt¹_.tar.mp4');
    expect(fromLink('x.exe.')).toBe('x.mp4');
    expect(fromLink('holiday.mp4 . .')).toBe('holiday.mp4');
    expect(fromLink('console.mp4')).toBe('console.mp4');
  });

  it('keeps a long name under the limit of each system, with room for " (999)" and ".download"', () => {
    const cjk = '長'.repeat(120);
    const posix = fromLink(`${cjk}.mp4`);
    expect(posix.endsWith('.mp4')).toBe(true);
    expect(utf8(`${posix.slice(0, -4)} (999).mp4.download`)).toBeLessThanOrEqual(255);
    expect(posix.length).toBeGreaterThan(70);

    const windows = fromLink(`${cjk}.mp4`, { ...video, rules: 'windows' });
    expect(windows).toBe(`${cjk}.mp4`); // 124 UTF-16 units fit on Windows
    const emoji = fromLink(`${'😀'.repeat(200)}.mp4`, { ...video, rules: 'windows' });
    expect(`${emoji} (999).download`.length).toBeLessThanOrEqual(255);
    expect(/\p{Cs}/u.test(emoji)).toBe(false); // never half of a surrogate pair
    expect(fromLink(`${'a'.repeat(300)}.wav`, audio)).toHaveLength(240);
  });

  it('makes a long label with a Save-as name fit, keeping the text extension', () => {
    const label = `${'字'.repeat(90)} - text.srt`;
    const name = safeFileName(label, { kind: 'text', fallback: 'camb-result.txt', rules: 'posix' });
    expect(name.endsWith('.srt')).toBe(true);
    expect(utf8(name)).toBeLessThanOrEqual(240);
  });

  it('knows which extensions each result field may carry', () => {
    expect(fileKindOfLink('output_video_url')).toBe('video');
    expect(fileKindOfLink('previews[2]')).toBe('audio');
    expect(fileKindOfLink('foreground_audio_url')).toBe('audio');
    expect(fileKindOfLink('something_new_url')).toBe('unknown');
    expect(fromLink('odd.exe', { ...video, kind: 'unknown' })).toBe('odd.bin');
    expect(fromLink('odd.srt', { ...video, kind: 'unknown' })).toBe('odd.srt');
  });
});
