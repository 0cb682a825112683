import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { createWatchList } from '../../../src/main/core/watchList/watchList';
import { taskKey } from '../../../src/shared/watchedTask';
import { CountingStore } from './countingStore';

function newList() {
  const clock = new VirtualClock();
  return {
    clock,
    list: createWatchList({ store: new CountingStore(), clock, logger: silentLogger }),
  };
}

describe('watch list: export and import', () => {
  it('round-trips every field, including history and the notified flag', async () => {
    const { clock, list } = newList();
    list.add('story', 's1', 'First');
    await clock.advance(1000);
    list.add('dub', 'd1');
    list.applyCheck(taskKey('story', 's1'), {
      outcome: { type: 'status', status: 'SUCCESS', runId: 42, exceptionReason: null, message: 'done' },
      checkedAt: clock.now(),
    });
    list.markNotified(taskKey('story', 's1'));
    list.setMuted(taskKey('dub', 'd1'), true);

    const text = list.exportJson();
    const file = JSON.parse(text) as {
      format: string;
      version: number;
      exportedAt: string;
      tasks: unknown[];
    };
    expect(file).toMatchObject({
      format: 'camb-watch/watch-list',
      version: 1,
      exportedAt: new Date(clock.now()).toISOString(),
    });

    const other = newList().list;
    const report = other.importJson(text);
    expect(report).toEqual({ added: ['dub:d1', 'story:s1'], alreadyWatched: [], rejected: [] });
    expect(other.list()).toEqual(list.list());
  });

  it('accepts the minimal form and merges without overwriting what is already watched', () => {
    const { clock, list } = newList();
    list.add('story', 'kept', 'Mine');
    const report = list.importJson(
      JSON.stringify([
        { kind: 'story', taskId: 'kept', label: 'Theirs' },
        { kind: 'tts', taskId: 'new-one', label: ' Speech ' },
        { kind: 'tts', taskId: 'new-one' },
        { kind: 'translate', taskId: 'no-label' },
      ]),
    );
    expect(report).toEqual({
      added: ['tts:new-one', 'translate:no-label'],
      alreadyWatched: ['story:kept', 'tts:new-one'],
      rejected: [],
    });
    expect(list.get(taskKey('story', 'kept'))?.label).toBe('Mine');
    expect(list.get(taskKey('tts', 'new-one'))).toMatchObject({
      label: 'Speech',
      addedAt: clock.now(),
      status: null,
    });
    expect(list.list()).toHaveLength(3);
  });

  it('reports each bad entry by position and reason, keeps the good ones and loses nothing', () => {
    const { list } = newList();
    list.add('story', 'existing');
    const before = list.list();
    const report = list.importJson(
      JSON.stringify({
        format: 'camb-watch/watch-list',
        version: 1,
        tasks: [
          { kind: 'podcast', taskId: 'x' },
          { kind: 'story', taskId: '' },
          'just a string',
          { kind: 'story', taskId: 'a/b' },
          { kind: 'dub', taskId: 'fine' },
        ],
      }),
    );
    expect(report.added).toEqual(['dub:fine']);
    expect(report.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(report.rejected.map((r) => r.reason)).toEqual([
      'its kind "podcast" is not one CAMB Watch knows',
      'its "taskId" is empty',
      'it is text, not a task',
      'its task id is not valid: a task id cannot contain a slash (/)',
    ]);
    expect(list.list().slice(1)).toEqual(before);
  });

  it('refuses a file that is not JSON or not a list, and changes nothing', () => {
    const { list } = newList();
    list.add('story', 'existing');
    const before = list.list();
    for (const text of [
      '{"tasks": [',
      '42',
      '{"format": "something-else", "tasks": []}',
      '{"format":"camb-watch/watch-list","version":9,"tasks":[]}',
    ]) {
      const report = list.importJson(text);
      expect(report.added).toEqual([]);
      expect(report.rejected).toHaveLength(1);
      expect(report.rejected[0]?.index).toBeNull();
      expect(report.rejected[0]?.reason.length).toBeGreaterThan(10);
    }
    expect(list.importJson('not json').rejected[0]?.reason).toBe(
      'This file is not JSON (it looks like a text file), so it is not a CAMB Watch watch list.',
    );
    expect(list.list()).toEqual(before);
  });
});
