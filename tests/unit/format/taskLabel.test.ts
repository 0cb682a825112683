import { describe, expect, it } from 'vitest';
import { shortTaskId, splitForMiddleEllipsis, taskDisplayName } from '../../../src/shared/format/taskLabel';

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
