import type { TaskKind } from '../taskKinds';

/**
 * A result file's name in words, from the API field CAMB.AI sent its link in: the UI lists files and
 * words its messages with these, never with the field name ("Dubbed video", not output_video_url).
 */
export function resultFileTitle(kind: TaskKind, linkName: string): string {
  const preview = /^previews\[(\d+)\]$/u.exec(linkName);
  if (preview !== null) return `Voice preview ${Number(preview[1]) + 1}`;
  const dubbed = kind === 'dub' || kind === 'dub-alt-format';
  const story = kind === 'story' || kind === 'translated-story';
  switch (linkName) {
    case 'output_video_url':
    case 'video_url':
      return dubbed ? 'Dubbed video' : 'Video';
    case 'output_audio_url':
      return dubbed ? 'Dubbed audio' : 'Audio';
    case 'audio_url':
      return dubbed ? 'Dubbed audio' : story ? 'Story audio' : 'Audio';
    case 'dialogue_url':
      return 'Dialogue';
    case 'file_url':
      return kind === 'text-to-sound' ? 'Sound' : 'Audio';
    case 'foreground_audio_url':
      return 'Voice (foreground)';
    case 'background_audio_url':
      return 'Background';
    default:
      return 'Result file';
  }
}

/** The same name inside a sentence: "the dubbed video", "voice preview 2". */
export function resultFileInSentence(kind: TaskKind, linkName: string): string {
  const title = resultFileTitle(kind, linkName);
  return `the ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}

/** A file name stem in words, for a downloaded file whose link does not name one: "dubbed-video". */
export function resultFileStem(kind: TaskKind, linkName: string): string {
  return resultFileTitle(kind, linkName)
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}
