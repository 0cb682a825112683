import { describe, expect, it } from 'vitest';
import { pollingHold } from '../../../src/renderer/tasks/pollingHold';
import { filtersOf } from '../../../src/renderer/state/taskCategory';
import { RUNNING_STATE } from '../support/serviceState';

const task = (status: string | null, stoppedReason: string | null = null) => ({ status, stoppedReason });

describe('filtersOf: where each task is counted', () => {
  it('puts a task stopped by CAMB.AI with the failed ones, not the active ones', () => {
    expect(filtersOf(task(null, 'CAMB.AI does not know this task'))).toEqual(['all', 'finished', 'failed']);
    expect(filtersOf(task('PENDING', 'refused'))).toEqual(['all', 'finished', 'failed']);
  });

  it('counts every bad ending as failed and still-checked tasks as active', () => {
    for (const status of ['ERROR', 'TIMEOUT', 'PAYMENT_REQUIRED'])
      expect(filtersOf(task(status))).toEqual(['all', 'finished', 'failed']);
    expect(filtersOf(task('SUCCESS'))).toEqual(['all', 'finished', 'succeeded']);
    expect(filtersOf(task(null))).toEqual(['all', 'active']);
    expect(filtersOf(task('PENDING'))).toEqual(['all', 'active']);
    expect(filtersOf(task('QUEUED'))).toEqual(['all', 'active']);
  });
});

describe('pollingHold: why nothing is checked', () => {
  const running = RUNNING_STATE;

  it('names the hold to lift first, or none while checks go on', () => {
    expect(pollingHold(running)).toBeNull();
    expect(
      pollingHold({ ...running, key: { present: false, where: null, problem: null, check: null } }),
    ).toBe('no-key');
    expect(pollingHold({ ...running, authProblem: 'rejected', pollingPaused: true })).toBe('key-rejected');
    expect(pollingHold({ ...running, pollingPaused: true, connectivity: 'offline' })).toBe('paused');
    expect(pollingHold({ ...running, connectivity: 'offline' })).toBe('offline');
  });
});
