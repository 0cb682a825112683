/**
 * The text a result carries, written out as a file: plain text for anything, SubRip (.srt) and WebVTT
 * (.vtt) subtitles where the text is timed (transcript segments). Pure, so every host formats alike.
 */
import { collapseWhitespace } from '../format/clipText';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../time';

export interface TimedSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
}

export interface ResultTextParts {
  readonly texts: readonly string[];
  readonly transcript: readonly TimedSegment[];
}

export type TextFileFormat = 'txt' | 'srt' | 'vtt';

export const TEXT_FILE_FORMATS: readonly TextFileFormat[] = ['txt', 'srt', 'vtt'];

/** Whether the result has text to show or save at all. */
export function hasResultText(parts: ResultTextParts): boolean {
  return parts.texts.length > 0 || parts.transcript.length > 0;
}

/** Whether subtitles can be made of it: only timed text can. */
export function isTimed(parts: ResultTextParts): boolean {
  return parts.transcript.length > 0;
}

/** "h:mm:ss" or "m:ss", for reading a transcript on screen. */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "00:01:02,345" (SubRip) or "00:01:02.345" (WebVTT). Negative or broken times count as 0. */
export function subtitleTime(seconds: number, separator: ',' | '.'): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
  const ms = total % 1000;
  const s = Math.floor(total / SECOND_MS) % 60;
  const m = Math.floor(total / MINUTE_MS) % 60;
  const h = Math.floor(total / HOUR_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}${separator}${String(ms).padStart(3, '0')}`;
}

/** One segment as a line of plain text: "Ana: Morning, everyone." */
export function segmentLine(segment: TimedSegment): string {
  const text = collapseWhitespace(segment.text);
  return segment.speaker === null || segment.speaker === '' ? text : `${segment.speaker}: ${text}`;
}

// A blank line ends a cue in both subtitle formats, so a cue's own text must not contain one.
function cueText(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Plain text: the texts one per line, then the transcript one segment per line with its time. */
export function formatPlainText(parts: ResultTextParts): string {
  const lines = [
    ...parts.texts,
    ...parts.transcript.map((segment) => `[${clockTime(segment.start)}] ${segmentLine(segment)}`),
  ];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function cue(segment: TimedSegment, speakerTag: (speaker: string, text: string) => string): string {
  const text = cueText(segment.text);
  return segment.speaker === null || segment.speaker === '' ? text : speakerTag(segment.speaker, text);
}

export function formatSrt(segments: readonly TimedSegment[]): string {
  return segments
    .map(
      (segment, index) =>
        `${index + 1}\n${subtitleTime(segment.start, ',')} --> ${subtitleTime(segment.end, ',')}\n${cue(
          segment,
          (speaker, text) => `${speaker}: ${text}`,
        )}\n`,
    )
    .join('\n');
}

export function formatVtt(segments: readonly TimedSegment[]): string {
  // WebVTT's voice span names the speaker; "<", ">" and "&" would end or break it.
  const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  const cues = segments.map(
    (segment) =>
      `${subtitleTime(segment.start, '.')} --> ${subtitleTime(segment.end, '.')}\n${cue(
        { ...segment, text: escape(segment.text) },
        (speaker, text) => `<v ${escape(speaker.replace(/\s+/gu, ' '))}>${text}`,
      )}\n`,
  );
  return ['WEBVTT\n', ...cues].join('\n');
}

/** The file's content in `format`; subtitles of an untimed result are empty (the UI does not offer them). */
export function formatResultText(parts: ResultTextParts, format: TextFileFormat): string {
  switch (format) {
    case 'txt':
      return formatPlainText(parts);
    case 'srt':
      return formatSrt(parts.transcript);
    case 'vtt':
      return formatVtt(parts.transcript);
  }
}
