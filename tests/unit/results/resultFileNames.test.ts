import { describe, expect, it } from 'vitest';
import {
  resultFileInSentence,
  resultFileStem,
  resultFileTitle,
} from '../../../src/shared/results/resultFileNames';

describe('result files named in words', () => {
  it('names each field of each kind as a person would', () => {
    expect(resultFileTitle('dub', 'output_video_url')).toBe('Dubbed video');
    expect(resultFileTitle('dub', 'video_url')).toBe('Dubbed video');
    expect(resultFileTitle('dub', 'output_audio_url')).toBe('Dubbed audio');
    expect(resultFileTitle('dub', 'audio_url')).toBe('Dubbed audio');
    expect(resultFileTitle('story', 'audio_url')).toBe('Story audio');
    expect(resultFileTitle('translated-story', 'audio_url')).toBe('Story audio');
    expect(resultFileTitle('story', 'dialogue_url')).toBe('Dialogue');
    expect(resultFileTitle('tts', 'file_url')).toBe('Audio');
    expect(resultFileTitle('text-to-sound', 'file_url')).toBe('Sound');
    expect(resultFileTitle('audio-separation', 'foreground_audio_url')).toBe('Voice (foreground)');
    expect(resultFileTitle('audio-separation', 'background_audio_url')).toBe('Background');
    expect(resultFileTitle('text-to-voice', 'previews[0]')).toBe('Voice preview 1');
    expect(resultFileTitle('text-to-voice', 'previews[2]')).toBe('Voice preview 3');
  });

  it('never shows an API field name, even for a field it does not know', () => {
    expect(resultFileTitle('story', 'mystery_url')).toBe('Result file');
    expect(resultFileTitle('story', 'constructor')).toBe('Result file');
  });

  it('words a file inside a sentence and as a file name', () => {
    expect(`Opened ${resultFileInSentence('dub', 'output_video_url')}.`).toBe('Opened the dubbed video.');
    expect(resultFileInSentence('text-to-voice', 'previews[1]')).toBe('the voice preview 2');
    expect(resultFileStem('audio-separation', 'foreground_audio_url')).toBe('voice-foreground');
    expect(resultFileStem('dub', 'output_video_url')).toBe('dubbed-video');
  });
});
