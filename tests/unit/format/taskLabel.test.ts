import { describe, expect, it } from 'vitest';
import {
  labelAsOneLine,
  shortTaskId,
  splitForMiddleEllipsis,
  splitLabelForMiddleEllipsis,
  taskDisplayName,
} from '../../../src/shared/format/taskLabel';

const UUID = '3f2a9c1e-7b4d-4e0a-9c55-0d2b8e6f1a77';

describe('task labels', () => {
  it('shortens a long id to its start', () => {
    expect(shortTaskId(UUID)).toBe('3f2a9c1e…');
  });

  it('keeps a short id whole', () => {
    expect(shortTaskId('abc123')).toBe('abc123');
    expect(shortTaskId('0123456789')).toBe('0123456789');
  });

  it('prefers the label, and treats a blank label as none', () => {
    expect(taskDisplayName({ label: 'Chapter 1', taskId: UUID })).toBe('Chapter 1');
    expect(taskDisplayName({ label: '   ', taskId: UUID })).toBe('3f2a9c1e…');
    expect(taskDisplayName({ label: null, taskId: UUID })).toBe('3f2a9c1e…');
  });
});

describe('splitForMiddleEllipsis', () => {
  it('keeps the end of a long id whole, so ids differing at the end stay apart', () => {
    const a = splitForMiddleEllipsis('8c1f6a52-3e0b-4d7a-9b1e-2f5d8c7a6e41');
    const b = splitForMiddleEllipsis('8c1f6a52-3e0b-4d7a-9b1e-2f5d8c7a6e42');
    expect(a).toEqual({ head: '8c1f6a52-3e0b-4d7a-9b1e-2f5d8c', tail: '7a6e41' });
    expect(a.head + a.tail).toBe('8c1f6a52-3e0b-4d7a-9b1e-2f5d8c7a6e41');
    expect(a.tail).not.toBe(b.tail);
  });

  it('leaves a short id in one piece', () => {
    expect(splitForMiddleEllipsis('demo-error')).toEqual({ head: 'demo-error', tail: '' });
  });
});

describe('splitLabelForMiddleEllipsis', () => {
  const foley = (take: number) => `Foley: slow footsteps in the rain on loose gravel ${take}`;

  it('keeps the end of a long label whole from the start of a word, so takes differing at the end stay apart', () => {
    expect(splitLabelForMiddleEllipsis(foley(3))).toEqual({
      head: 'Foley: slow footsteps in the rain on ',
      tail: 'loose gravel 3',
    });
    const [one, two] = [1, 2].map((take) => splitLabelForMiddleEllipsis(foley(take)).tail);
    expect(one).not.toBe(two);
  });

  it('starts the end at a search match near it, so what was searched for stays in view', () => {
    const label = foley(3);
    expect(splitLabelForMiddleEllipsis(label, label.indexOf('rain on')).tail).toBe('rain on loose gravel 3');
    expect(splitLabelForMiddleEllipsis(label, label.indexOf('gravel 3')).tail).toBe('loose gravel 3');
    // A match far from the end stays in the start, which shows first.
    expect(splitLabelForMiddleEllipsis(label, label.indexOf('slow')).tail).toBe('loose gravel 3');
  });

  it('leaves a short label whole, cuts a word-less one by characters, and never splits an emoji', () => {
    expect(splitLabelForMiddleEllipsis('Chapter 1')).toEqual({ head: 'Chapter 1', tail: '' });
    expect(splitLabelForMiddleEllipsis('x'.repeat(30)).tail).toBe('x'.repeat(10));
    const emoji = `${'y'.repeat(20)}${'🎧'.repeat(6)}`;
    const { head, tail } = splitLabelForMiddleEllipsis(emoji);
    expect(head + tail).toBe(emoji);
    expect(Array.from(tail).every((char) => char === '🎧')).toBe(true);
  });

  it('reads a label with line breaks and tabs as one line', () => {
    expect(labelAsOneLine('  Take\n2\t(final)  ')).toBe('Take 2 (final)');
  });
});
