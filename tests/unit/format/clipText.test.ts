import { describe, expect, it } from 'vitest';
import { clipLine, clipText, collapseWhitespace } from '../../../src/shared/format/clipText';

/** Whether `text` holds a lone half of a surrogate pair: what a cut through an emoji leaves. */
function hasLoneSurrogate(text: string): boolean {
  // With the u flag a whole pair is one code point outside this range: only a lone half matches.
  return /[\uD800-\uDFFF]/u.test(text);
}

describe('clipText', () => {
  it('detects a cut emoji (the check the tests below rely on)', () => {
    expect(hasLoneSurrogate('😀'.slice(0, 1))).toBe(true);
    expect(hasLoneSurrogate('a😀b')).toBe(false);
  });

  it('keeps text that fits and marks a cut with "…" within the limit', () => {
    expect(clipText('hello', 5)).toBe('hello');
    expect(clipText('hello world', 6)).toBe('hello…');
    expect(clipText('hello world', 6)).toHaveLength(6);
    expect(clipText('', 3)).toBe('');
  });

  it('never splits an emoji: the limit counts what a schema counts (UTF-16), the cut falls between emoji', () => {
    // Each 😀 is two code units: three of them and the ellipsis make 7.
    expect(clipText('😀😀😀😀', 7)).toBe('😀😀😀…');
    expect(clipText('😀😀😀😀', 6)).toBe('😀😀…');
    expect(clipText('😀😀😀😀', 3)).toBe('😀…');
    expect(clipText('😀😀😀😀', 2)).toBe('…');
  });

  it('keeps joined emoji, skin tones and flags whole or drops them whole', () => {
    const family = '👨‍👩‍👧‍👦'; // 11 code units, one grapheme
    const thumbs = '👍🏽'; // 4 code units
    const flag = '🇫🇷'; // 4 code units
    const text = `${family}${thumbs}${flag}${family}`;
    for (let limit = 1; limit < text.length; limit++) {
      const clipped = clipText(text, limit);
      expect(clipped.length).toBeLessThanOrEqual(limit);
      expect(clipped.endsWith('…')).toBe(true);
      expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
      expect(hasLoneSurrogate(clipped)).toBe(false);
      const kept = clipped.slice(0, -1);
      // What is kept is whole graphemes: a prefix made of the pieces, never a part of one.
      const prefixes = ['', family, family + thumbs, family + thumbs + flag];
      expect(prefixes).toContain(kept);
    }
  });

  it('keeps a letter with its combining marks, and drops a grapheme longer than the room whole', () => {
    const accented = 'e\u0301'.repeat(5); // é as e + combining acute, 2 code units each
    expect(clipText(accented, 4)).toBe('e\u0301…');
    expect(clipText(accented, 5)).toBe('e\u0301e\u0301…');
    const zalgo = `a${'\u0300'.repeat(1000)}b`;
    expect(clipText(zalgo, 50)).toBe('…');
  });

  it('cuts right-to-left text between letters', () => {
    const hebrew = 'שלום עולם, מה שלומך היום?';
    expect(clipText(hebrew, 10)).toBe('שלום עולם…');
    const arabic = 'مرحبا بالعالم';
    expect(clipText(arabic, 6)).toBe(`${arabic.slice(0, 5)}…`);
  });

  it('bounds 10,000 characters of mixed hostile text to the limit, well formed', () => {
    const hostile = '😀e\u0301שa\u200F👨‍👩‍👧'.repeat(10_000 / 14 + 1).slice(0, 10_000);
    const clipped = clipText(hostile, 200);
    expect(clipped.length).toBeLessThanOrEqual(200);
    expect(clipped.length).toBeGreaterThan(180);
    expect(hasLoneSurrogate(clipped)).toBe(false);
  });

  it('leaves nothing for a limit below one', () => {
    expect(clipText('hello', 0)).toBe('');
    expect(clipText('hello', -3)).toBe('');
    expect(clipText('hello', 1)).toBe('…');
  });
});

describe('clipLine', () => {
  it('folds line breaks and tabs into single spaces, trims, then clips', () => {
    expect(collapseWhitespace('  a\r\n\tb   c \n')).toBe('a b c');
    expect(clipLine('  first line\n\nsecond line  ', 12)).toBe('first line…');
    expect(clipLine('   ', 10)).toBe('');
  });
});
