import { describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { emptyDocument } from '../../../src/main/core/persistence/persistedDocument';
import { salvageDocument } from '../../../src/main/core/persistence/salvage';
import { createWatchList } from '../../../src/main/core/watchList/watchList';
import type { FinishedRun } from '../../../src/shared/durations';
import type { TaskKind } from '../../../src/shared/taskKinds';
import { taskKey } from '../../../src/shared/watchedTask';
import { CountingStore } from './countingStore';

const MINUTE = 60_000;

function setup(store = new CountingStore()) {
  const clock = new VirtualClock();
  const list = createWatchList({ store, clock, logger: silentLogger });
  const changes: TaskKind[][] = [];
  list.on('finishedRunsChanged', ({ kinds }) => changes.push(kinds));
  const answer = (kind: TaskKind, id: string, status: string, outcome?: Partial<StatusOutcome>) =>
    list.applyCheck(taskKey(kind, id), {
      outcome: {
        type: 'status',
        status,
        runId: null,
        exceptionReason: null,
        message: null,
        ...outcome,
      } as StatusOutcome,
      checkedAt: clock.now(),
    });
  /** A job watched from the start, answered PENDING every 30 s until it ends with `ending`. */
  const watchUntilEnd = async (kind: TaskKind, id: string, runMs: number, ending = 'SUCCESS') => {
    list.add(kind, id);
    for (let t = 0; t < runMs; t += 30_000) {
      answer(kind, id, 'PENDING');
      await clock.advance(Math.min(30_000, runMs - t));
    }
    answer(kind, id, ending);
  };
  return { clock, list, store, changes, answer, watchUntilEnd };
}

describe('watch list: how long finished jobs took', () => {
  it('records a job watched from its start to its first terminal answer, and when it was last seen running', async () => {
    const { clock, list, changes, watchUntilEnd, answer } = setup();
    const start = clock.now();
    await watchUntilEnd('dub', 'd1', 4 * MINUTE);
    expect(list.finishedRuns()).toEqual([
      {
        kind: 'dub',
        durationMs: 4 * MINUTE,
        finishedAt: start + 4 * MINUTE,
        succeeded: true,
        lowerBound: false,
        // It ended between the last PENDING answer (30 s before) and the first terminal one.
        lastPendingMs: 4 * MINUTE - 30_000,
      },
    ]);
    expect(changes).toEqual([['dub']]);
    // Later answers of an ended job record nothing more.
    await clock.advance(MINUTE);
    answer('dub', 'd1', 'SUCCESS');
    expect(list.finishedRuns()).toHaveLength(1);
  });

  it('records failures as endings that did not succeed', async () => {
    const { list, watchUntilEnd } = setup();
    await watchUntilEnd('tts', 't1', 20_000, 'ERROR');
    expect(list.finishedRuns()[0]).toMatchObject({ kind: 'tts', succeeded: false, lowerBound: false });
  });

  it('flags a job already finished at its first answer as a lower bound', async () => {
    const { clock, list, answer } = setup();
    list.add('story', 's1');
    await clock.advance(5_000);
    answer('story', 's1', 'SUCCESS');
    expect(list.finishedRuns()).toEqual([
      expect.objectContaining({ kind: 'story', durationMs: 5_000, lowerBound: true }),
    ]);
  });

  it('flags a job whose ending came after a long silence (app closed, asleep) as not measured', async () => {
    const { clock, list, answer } = setup();
    list.add('dub', 'd1');
    answer('dub', 'd1', 'PENDING');
    await clock.advance(2 * MINUTE);
    answer('dub', 'd1', 'PENDING');
    await clock.advance(3 * 3600_000);
    answer('dub', 'd1', 'SUCCESS');
    expect(list.finishedRuns()[0]).toMatchObject({ lowerBound: true });
  });

  it('keeps at most 500 runs per kind, the most recent', async () => {
    const runs: FinishedRun[] = Array.from({ length: 520 }, (_, i) => ({
      kind: 'tts',
      durationMs: 1000 + i,
      finishedAt: i,
      succeeded: true,
      lowerBound: false,
    }));
    const { list } = setup(new CountingStore({ ...emptyDocument(), finishedRuns: runs }));
    expect(list.finishedRuns()).toHaveLength(500);
    expect(list.finishedRuns()[0]?.finishedAt).toBe(20);
  });

  it('saves the runs with the watch list, and reads a file saved before they existed as no history', async () => {
    const store = new CountingStore();
    const first = setup(store);
    await first.watchUntilEnd('dub', 'd1', 3 * MINUTE);
    first.list.flush();
    expect(store.store.finishedRuns).toHaveLength(1);
    expect(setup(store).list.finishedRuns()).toEqual(first.list.finishedRuns());

    const old = new CountingStore({ tasks: [], settings: emptyDocument().settings });
    expect(setup(old).list.finishedRuns()).toEqual([]);
  });

  it('keeps the runs that fit when a damaged file is salvaged', () => {
    const good = { kind: 'tts', durationMs: 9000, finishedAt: 5, succeeded: true, lowerBound: false };
    const salvage = salvageDocument({
      tasks: [{ kind: 'nope' }],
      settings: {},
      finishedRuns: [good, { kind: 'tts', durationMs: -1 }],
    });
    expect(salvage.kind === 'partial' && salvage.document.finishedRuns).toEqual([good]);
  });

  it('exports the runs with the list and imports them once', async () => {
    const source = setup();
    await source.watchUntilEnd('dub', 'd1', 3 * MINUTE);
    const text = source.list.exportJson();
    expect((JSON.parse(text) as { finishedRuns: unknown[] }).finishedRuns).toHaveLength(1);

    const target = setup();
    target.list.importJson(text);
    target.list.importJson(text);
    expect(target.list.finishedRuns()).toEqual(source.list.finishedRuns());
    expect(target.changes).toEqual([['dub']]);
  });

  it('skips imported runs that do not fit, and imports files without runs', () => {
    const { list } = setup();
    const report = list.importJson(
      JSON.stringify({
        format: 'camb-watch/watch-list',
        version: 1,
        tasks: [{ kind: 'story', taskId: 'abc' }],
        finishedRuns: [{ kind: 'story', durationMs: 'long' }, 'x'],
      }),
    );
    expect(report.added).toEqual(['story:abc']);
    expect(list.finishedRuns()).toEqual([]);
  });
});
