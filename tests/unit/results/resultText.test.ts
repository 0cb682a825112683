import { describe, expect, it } from 'vitest';
import {
  clockTime,
  formatPlainText,
  formatResultText,
  formatSrt,
  formatVtt,
  hasResultText,
  isTimed,
  subtitleTime,
} from '../../../src/shared/results/resultText';

const unnamed = { start: 2.1, end: 3725.4567, text: 'The release\n\nwent out.', speaker: null };
const transcript = [{ start: 0, end: 2.1, text: 'Morning, everyone.', speaker: 'Ana' }, unnamed];

describe('a result’s text as files', () => {
  it('writes subtitle times to the millisecond, hours included', () => {
    expect(subtitleTime(0, ',')).toBe('00:00:00,000');
    expect(subtitleTime(3725.4567, ',')).toBe('01:02:05,457');
    expect(subtitleTime(59.9996, '.')).toBe('00:01:00.000');
    expect(subtitleTime(-3, '.')).toBe('00:00:00.000');
    expect(subtitleTime(Number.NaN, ',')).toBe('00:00:00,000');
  });

  it('reads times on screen as m:ss or h:mm:ss', () => {
    expect(clockTime(2.9)).toBe('0:02');
    expect(clockTime(65)).toBe('1:05');
    expect(clockTime(3725)).toBe('1:02:05');
  });

  it('writes SubRip: numbered cues, comma milliseconds, the speaker before the text', () => {
    expect(formatSrt(transcript)).toBe(
      '1\n00:00:00,000 --> 00:00:02,100\nAna: Morning, everyone.\n\n' +
        '2\n00:00:02,100 --> 01:02:05,457\nThe release\nwent out.\n',
    );
  });

  it('writes WebVTT: a header, dot milliseconds, voice spans, escaped markup', () => {
    expect(formatVtt([{ start: 1, end: 2, text: 'a < b & c', speaker: 'Dr <X>' }, unnamed])).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dr &lt;X&gt;>a &lt; b &amp; c\n\n' +
        '00:00:02.100 --> 01:02:05.457\nThe release\nwent out.\n',
    );
  });

  it('writes plain text: texts one per line, then the transcript with times and speakers', () => {
    const parts = { texts: ['Soupe du jour', 'Tarte aux pommes'], transcript };
    expect(formatPlainText(parts)).toBe(
      'Soupe du jour\nTarte aux pommes\n[0:00] Ana: Morning, everyone.\n[0:02] The release went out.\n',
    );
    expect(formatResultText(parts, 'srt')).toBe(formatSrt(transcript));
    expect(formatResultText({ texts: [], transcript: [] }, 'txt')).toBe('');
  });

  it('knows when there is text, and when it is timed', () => {
    expect(hasResultText({ texts: ['x'], transcript: [] })).toBe(true);
    expect(isTimed({ texts: ['x'], transcript: [] })).toBe(false);
    expect(isTimed({ texts: [], transcript })).toBe(true);
    expect(hasResultText({ texts: [], transcript: [] })).toBe(false);
  });
});
