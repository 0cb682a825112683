import { describe, expect, it } from 'vitest';
import { addTaskRequestSchema, labelSchema, taskKeySchema } from '../../../src/shared/contract';

describe('contract payloads', () => {
  it('accepts task keys of known kinds only', () => {
    expect(taskKeySchema.safeParse('translated-story:abc').success).toBe(true);
    expect(taskKeySchema.safeParse('story:').success).toBe(false);
    expect(taskKeySchema.safeParse('podcast:abc').success).toBe(false);
    expect(taskKeySchema.safeParse(42).error?.issues[0]?.message).toBe('A task key must be text');
  });

  it('keeps labels on one line, and an empty label means none', () => {
    expect(labelSchema.parse('  Chapter\n\t1  ')).toBe('Chapter 1');
    expect(labelSchema.parse('   ')).toBeNull();
    expect(labelSchema.safeParse('x'.repeat(201)).error?.issues[0]?.message).toBe(
      'A label is at most 200 characters',
    );
  });

  it('bounds what can be pasted as a task id', () => {
    const huge = addTaskRequestSchema.safeParse({ kind: 'story', taskId: 'x'.repeat(100_001) });
    expect(huge.error?.issues[0]?.message).toBe(
      'That is too much text to be a task id or the answer of a create call',
    );
  });
});
