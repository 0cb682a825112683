import { describe, expect, it } from 'vitest';
import { paceSpacingMs } from '../../../src/main/core/scheduler';
import { PENDING, rig, task, type Script } from './harness';

const answers: Script = ({ key }) =>
  key.startsWith('dub:') ? PENDING : { type: 'not-found', message: 'no such task' };

describe('scheduler: probes for an id under other kinds', () => {
  it('go through the same request budget as polling, evenly paced', async () => {
    const { camb, scheduler, advance } = rig({ ratePerSecond: 5 }, answers);
    for (const id of ['a', 'b', 'c']) scheduler.track(task(id));
    const probes = ['dub', 'tts', 'translate'].map((kind) =>
      scheduler.probe(kind as 'dub' | 'tts' | 'translate', 'x'),
    );
    await advance(5_000);
    const outcomes = await Promise.all(probes);
    expect(outcomes.map((outcome) => outcome.type)).toEqual(['status', 'not-found', 'not-found']);
    const times = camb.sent.map((request) => request.at).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(6);
    const spacing = paceSpacingMs(5);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(spacing);
    // The first poll went at once; then probes and due polls take turns: neither waits more than one slot.
    expect(camb.sent.slice(0, 6).map((request) => request.key)).toEqual([
      'story:a',
      'dub:x',
      'story:b',
      'tts:x',
      'story:c',
      'translate:x',
    ]);
  });

  it('wait while polling is paused, and go when it resumes', async () => {
    const { camb, scheduler, advance } = rig({}, answers);
    scheduler.pause();
    let answered = false;
    void scheduler.probe('dub', 'y').then(() => {
      answered = true;
    });
    await advance(10_000);
    expect(camb.sent).toEqual([]);
    expect(answered).toBe(false);
    scheduler.resume();
    await advance(100);
    expect(camb.sent.map((request) => request.key)).toEqual(['dub:y']);
    expect(answered).toBe(true);
  });

  it('never sent when the scheduler ends first: the answer says so, without a request', async () => {
    const { camb, scheduler } = rig({}, answers);
    scheduler.pause();
    const pending = scheduler.probe('dub', 'z');
    scheduler.dispose();
    expect((await pending).type).toBe('malformed');
    expect((await scheduler.probe('dub', 'z')).type).toBe('malformed');
    expect(camb.sent).toEqual([]);
  });
});
