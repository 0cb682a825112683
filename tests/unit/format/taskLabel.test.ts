import { describe, expect, it } from 'vitest';
import { shortTaskId, taskDisplayName, truncateText } from '../../../src/shared/format/taskLabel';

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

  it('truncates without splitting a character', () => {
    expect(truncateText('hello world', 6)).toBe('hello…');
    expect(truncateText('hello', 5)).toBe('hello');
    expect(truncateText('😀😀😀😀', 3)).toBe('😀😀…');
  });
});
