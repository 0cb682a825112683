import { describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { kindProbeVerdict, probeOtherKinds } from '../../../src/main/core/smartIds/kindProbe';
import { TASK_KINDS, type TaskKind } from '../../../src/shared/taskKinds';

const known: StatusOutcome = {
  type: 'status',
  status: 'PENDING',
  runId: null,
  exceptionReason: null,
  message: null,
};
const unknown: StatusOutcome = { type: 'not-found', message: 'Task not found' };
const noAnswer: StatusOutcome = { type: 'network', reason: 'timeout', message: 'timed out' };

function answers(overrides: Partial<Record<TaskKind, StatusOutcome>>): Map<TaskKind, StatusOutcome> {
  return new Map(TASK_KINDS.filter((k) => k !== 'story').map((kind) => [kind, overrides[kind] ?? unknown]));
}

describe('kindProbeVerdict', () => {
  it('names the one kind that knows the id', () => {
    expect(kindProbeVerdict(answers({ dub: known }))).toEqual({ type: 'one', kind: 'dub' });
  });
  it('says none when every kind answers "not found" (or refuses the id)', () => {
    expect(kindProbeVerdict(answers({ tts: { type: 'invalid', message: 'bad', details: [] } }))).toEqual({
      type: 'none',
    });
  });
  it('suggests nothing when several kinds know it', () => {
    expect(kindProbeVerdict(answers({ dub: known, tts: known }))).toEqual({
      type: 'several',
      kinds: ['dub', 'tts'],
    });
  });
  it('is unsure when a kind could not answer: that kind may be the one', () => {
    expect(kindProbeVerdict(answers({ dub: known, tts: noAnswer }))).toEqual({ type: 'unsure' });
    expect(kindProbeVerdict(answers({ tts: noAnswer }))).toEqual({ type: 'unsure' });
  });
});

describe('probeOtherKinds', () => {
  it('asks every other kind once, never the watched one', async () => {
    const asked: TaskKind[] = [];
    const verdict = await probeOtherKinds('id-1', 'story', async (kind, taskId) => {
      expect(taskId).toBe('id-1');
      asked.push(kind);
      return kind === 'transcribe' ? known : unknown;
    });
    expect(verdict).toEqual({ type: 'one', kind: 'transcribe' });
    expect(asked.sort()).toEqual(TASK_KINDS.filter((k) => k !== 'story').sort());
  });
});
