import { describe, expect, it } from 'vitest';
import { mergeFeatureList } from '../../../src/main/core/commandLine/featureList';

describe('mergeFeatureList', () => {
  it.each([
    ['', 'GlobalShortcutsPortal'],
    ['VaapiVideoDecoder', 'VaapiVideoDecoder,GlobalShortcutsPortal'],
    ['A, B,,', 'A,B,GlobalShortcutsPortal'],
    ['GlobalShortcutsPortal,A', 'GlobalShortcutsPortal,A'],
  ])('%j → %j', (given, merged) => {
    expect(mergeFeatureList(given, 'GlobalShortcutsPortal')).toBe(merged);
  });
});
