import { describe, expect, it } from 'vitest';
import { trayMenuEntries } from '../../../src/main/core/tray/trayMenu';
import { trayModel, type TrayConditions } from '../../../src/main/core/tray/trayModel';
import { buildDurationModels, type FinishedRun } from '../../../src/shared/durations';
import type { WatchedTask } from '../../../src/shared/watchedTask';
import { T0, watchedTask } from '../notifications/watchedTaskFixture';

const ONLINE: TrayConditions = { connectivity: 'online', authProblem: false, paused: false };
const MIN = 60_000;

/** Dubs have taken 3 to 9 minutes; speech jobs 10 to 30 seconds. */
const runs: FinishedRun[] = [
  ...Array.from({ length: 40 }, (_, i) => ({ kind: 'dub' as const, durationMs: (3 + (6 * i) / 39) * MIN })),
  ...Array.from({ length: 40 }, (_, i) => ({ kind: 'tts' as const, durationMs: 10_000 + 500 * i })),
].map((run) => ({
  ...run,
  durationMs: Math.round(run.durationMs),
  finishedAt: 0,
  succeeded: true,
  lowerBound: false,
}));
const durations = buildDurationModels(runs);

const running = (kind: WatchedTask['kind'], id: string, label: string, addedAt = T0) =>
  watchedTask({ kind, taskId: id, label, status: 'PENDING', addedAt });

describe('the tray: soonest expected finish', () => {
  it('names the watched job expected to end first, in words, in the tooltip and the menu', () => {
    const tasks = [running('dub', 'd1', 'Trailer'), running('dub', 'd2', 'Feature', T0 + MIN)];
    const model = trayModel(tasks, ONLINE, T0 + MIN, durations);
    // The dubs' own runs say about 5 min; the speech jobs, twice their usual 10 s, pull the dubs' prior
    // (worth 3 runs in 43) later too (shared/durations/accountPrior.ts).
    expect(model.soonestFinish).toBe('Soonest finish: Dub “Trailer” in about 6 min');
    expect(model.tooltip).toBe('CAMB Watch — 2 running\nSoonest finish: Dub “Trailer” in about 6 min');
    const labels = trayMenuEntries(model, false).map((entry) => ('label' in entry ? entry.label : '—'));
    expect(labels.slice(0, 4)).toEqual([
      expect.stringMatching(/^Feature — /u),
      expect.stringMatching(/^Trailer — /u),
      'Soonest finish: Dub “Trailer” in about 6 min',
      '—',
    ]);
  });

  it('prefers a short kind of job over a long one started earlier', () => {
    const tasks = [running('dub', 'd1', 'Trailer'), running('tts', 't1', 'Hello', T0 + 4 * MIN)];
    expect(trayModel(tasks, ONLINE, T0 + 4 * MIN, durations).soonestFinish).toBe(
      'Soonest finish: Speech “Hello” in about 20 s',
    );
  });

  it('says when even the soonest job is taking longer than usual', () => {
    const model = trayModel([running('dub', 'd1', 'Trailer')], ONLINE, T0 + 30 * MIN, durations);
    expect(model.soonestFinish).toMatch(
      /^Soonest finish: Dub “Trailer” in about \d+ min \(taking longer than usual\)$/u,
    );
  });

  it('says nothing without a watched job, or without durations', () => {
    const done = watchedTask({ status: 'SUCCESS', finishedAt: T0 + MIN });
    expect(trayModel([done], ONLINE, T0 + 2 * MIN, durations).soonestFinish).toBeNull();
    expect(trayModel([running('dub', 'd1', 'Trailer')], ONLINE, T0, undefined).soonestFinish).toBeNull();
    const stopped = watchedTask({ status: null, stoppedReason: 'unknown', stopCause: 'not-found' });
    expect(trayModel([stopped], ONLINE, T0, durations).soonestFinish).toBeNull();
  });

  it('keeps a long label short enough for a tooltip', () => {
    const model = trayModel([running('dub', 'd1', 'A'.repeat(200))], ONLINE, T0, durations);
    expect(model.tooltip.length).toBeLessThan(127);
  });
});
