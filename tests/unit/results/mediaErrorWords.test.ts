import { describe, expect, it } from 'vitest';
import { mediaErrorWords } from '../../../src/renderer/results/mediaErrorWords';

describe('mediaErrorWords: a player that cannot play says why', () => {
  it('says nothing when the loading was stopped on purpose', () => {
    expect(mediaErrorWords(1, 'the audio')).toBeNull();
  });

  it.each([
    [2, 'The connection dropped while loading the audio'],
    [3, 'The audio could not be played: the file is damaged'],
    [4, 'The audio could not be loaded here: its link may have expired'],
    [undefined, 'The audio could not be loaded here'],
  ])('code %s reads as words with a way on', (code, words) => {
    const text = mediaErrorWords(code, 'the audio');
    expect(text).toContain(words);
    expect(text).toMatch(/Download/u);
    expect(text).not.toMatch(/MEDIA_ERR|code/u);
  });
});
