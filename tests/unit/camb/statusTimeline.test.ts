import { describe, expect, it } from 'vitest';
import { StatusTimeline, statusBody, step } from '../../../tools/fakeCamb/timeline';

const t0 = 1_000_000;

describe("the fake server's status timeline", () => {
  it('moves on after the given number of polls and holds the last step', () => {
    const timeline = new StatusTimeline([step.pending({ polls: 2 }), step.success(7)], t0);
    expect([1, 2, 3, 4].map(() => timeline.poll(t0).status)).toEqual([
      'PENDING',
      'PENDING',
      'SUCCESS',
      'SUCCESS',
    ]);
  });

  it('moves on at a time measured from when the task was added', () => {
    const timeline = new StatusTimeline(
      [step.pending({ untilMs: 60_000 }), step.error('SOURCE_TOO_LONG')],
      t0,
    );
    expect(timeline.poll(t0 + 59_999).status).toBe('PENDING');
    expect(timeline.poll(t0 + 60_000)).toMatchObject({ status: 'ERROR', exceptionReason: 'SOURCE_TOO_LONG' });
  });

  it('skips every step whose time has passed at once', () => {
    const timeline = new StatusTimeline(
      [step.pending({ untilMs: 10 }), step.status('QUEUED', { untilMs: 20 }), step.success(1)],
      t0,
    );
    expect(timeline.poll(t0 + 500).status).toBe('SUCCESS');
  });

  it('peek does not count as a poll', () => {
    const timeline = new StatusTimeline([step.pending({ polls: 1 }), step.success(1)], t0);
    expect(timeline.peek(t0).status).toBe('PENDING');
    expect(timeline.poll(t0).status).toBe('PENDING');
    expect(timeline.peek(t0).status).toBe('SUCCESS');
  });

  it('refuses timelines that cannot be played', () => {
    expect(() => new StatusTimeline([], t0)).toThrow(/at least one step/);
    expect(() => new StatusTimeline([step.pending(), step.success(1)], t0)).toThrow(/polls or untilMs/);
    expect(() => new StatusTimeline([{ status: 'PENDING', polls: 0 }, step.success(1)], t0)).toThrow();
  });

  it('sends the fields as the API names them', () => {
    expect(statusBody(step.error('HARMFUL_CONTENT_DETECTED', { why: 'x' }))).toEqual({
      status: 'ERROR',
      run_id: null,
      exception_reason: 'HARMFUL_CONTENT_DETECTED',
      message: { why: 'x' },
    });
    expect(statusBody(step.success(42))).toEqual({ status: 'SUCCESS', run_id: 42 });
  });
});
