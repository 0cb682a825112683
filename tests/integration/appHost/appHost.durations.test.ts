import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { TEST_API_KEY } from '../../support/watchServiceHarness';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;

afterEach(async () => {
  expect(a.everythingThePageSaw()).not.toContain(TEST_API_KEY);
  await a.close();
});

describe('app host: learned durations', () => {
  it('starts from the prior, learns from a job watched to its end, and keeps it across a restart', async () => {
    a = await createAppHostHarness();
    const before = await a.invoke('getSnapshot');
    expect(before).toMatchObject({
      ok: true,
      value: { durations: { story: { kind: 'story', basedOn: 0 } } },
    });

    a.h.server.addTask('story', 'job-1', [step.pending({ untilMs: 90_000 }), step.success(7)]);
    await a.invoke('addTask', { kind: 'story', taskId: 'job-1' });
    await a.h.advance(3 * 60_000);

    const changed = a.eventsOf('durationsChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ durations: { story: { basedOn: 1 }, dub: { basedOn: 0 } } });
    expect(a.h.service.finishedRuns()).toEqual([
      expect.objectContaining({ kind: 'story', succeeded: true, lowerBound: false }),
    ]);
    const durationMs = a.h.service.finishedRuns()[0]?.durationMs ?? 0;
    expect(durationMs).toBeGreaterThanOrEqual(90_000);
    expect(durationMs).toBeLessThan(100_000);

    const insights = await a.invoke('getInsights', {});
    expect(insights).toEqual({
      ok: true,
      value: {
        since: a.h.clock.now() - 30 * 24 * 3600_000,
        kinds: [
          {
            kind: 'story',
            runs: [{ durationMs, finishedAt: expect.any(Number), succeeded: true }],
            succeeded: 1,
            failed: 0,
          },
        ],
      },
    });

    await a.h.restart();
    expect(a.h.service.durations().story.basedOn).toBe(1);
  });

  it('tells the window once of many jobs ending together', async () => {
    a = await createAppHostHarness();
    for (const id of ['a', 'b', 'c']) {
      a.h.server.addTask('tts', id, [step.pending({ untilMs: 20_000 }), step.success(1)]);
      await a.invoke('addTask', { kind: 'tts', taskId: id });
    }
    await a.h.advance(60_000);
    expect(a.h.service.finishedRuns()).toHaveLength(3);
    const changed = a.eventsOf('durationsChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.durations.tts.basedOn).toBe(3);
  });

  it('leaves runs older than 30 days out of the insights', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('tts', 'old', [step.pending({ untilMs: 10_000 }), step.error('broken')]);
    await a.invoke('addTask', { kind: 'tts', taskId: 'old' });
    await a.h.advance(60_000);
    expect(await a.invoke('getInsights', {})).toMatchObject({
      value: { kinds: [{ kind: 'tts', succeeded: 0, failed: 1 }] },
    });
    await a.h.advance(31 * 24 * 3600_000);
    expect(await a.invoke('getInsights', {})).toMatchObject({ value: { kinds: [] } });
  });
});
