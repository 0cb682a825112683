import { describe, expect, it } from 'vitest';
import { createPollingHolds } from '../../../src/main/core/connectivity/pollingHolds';

describe('createPollingHolds', () => {
  it('holds while either sleep or lock is on, and reports only changes', () => {
    const changes: boolean[] = [];
    const hold = createPollingHolds((held) => changes.push(held));
    hold('lock', true);
    hold('sleep', true);
    hold('sleep', false); // woke up, still locked
    expect(changes).toEqual([true]);
    hold('lock', false);
    expect(changes).toEqual([true, false]);
    hold('lock', false);
    expect(changes).toEqual([true, false]);
  });
});
