import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { openSavedWatchList, savedTask } from '../support/savedWatchList';
import { LABEL_LIMIT, TEXT_LIMIT } from '../../src/shared/watchedTask';
import {
  documentBytes,
  MAX_STORE_BYTES,
  MAX_WATCHED_TASKS,
  MAX_WRITTEN_DOCUMENT_BYTES,
} from '../../src/main/core/persistence/persistedDocument';

/** A store file that is valid JSON of the right shape, but far too big to be a watch list, is not loaded. */

let cwd: string;
let file: string;
beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-bounds-'));
  file = documentStoreFile(cwd);
});
afterEach(() => {
  fs.rmSync(cwd, { recursive: true, force: true });
});

/** Writes a store whose one task has a label of `megabytes` MB, a chunk at a time so the test holds little. */
function writeStoreWithHugeLabel(megabytes: number): void {
  const [before, after] = JSON.stringify({
    tasks: [savedTask('huge', { label: '@@LABEL@@' })],
    settings: DEFAULT_SETTINGS,
  }).split('@@LABEL@@');
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, before ?? '');
    for (let i = 0; i < megabytes; i++) fs.writeSync(fd, chunk);
    fs.writeSync(fd, after ?? '');
  } finally {
    fs.closeSync(fd);
  }
}

describe('store: size bounds', () => {
  it('moves a 150 MB store (one label holds it all) aside unread, and says so', () => {
    writeStoreWithHugeLabel(150);
    const size = fs.statSync(file).size;
    const { list, heard } = openSavedWatchList(cwd);

    expect(list.list()).toEqual([]);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.reason).toMatch(
      /^The saved watch list could not be used as it was: it is 150 MB, far larger than a watch list can be \(at most 50 MB\)\. It was moved to .+ and the list starts empty\.$/,
    );
    expect(fs.statSync(heard[0]?.movedTo ?? '').size).toBe(size);
    // The fresh file is small and sound.
    list.add('dub', 'after');
    list.dispose();
    expect(fs.statSync(file).size).toBeLessThan(10_000);
    expect(openSavedWatchList(cwd).heard).toEqual([]);
  });

  it('keeps a task whose texts are over their bound, cut to it, and says the file was repaired', () => {
    fs.writeFileSync(
      file,
      JSON.stringify({
        tasks: [
          savedTask('long', { label: 'L'.repeat(10_000), message: 'M'.repeat(100_000) }),
          savedTask('fine', { label: 'ok' }),
        ],
        settings: DEFAULT_SETTINGS,
      }),
    );
    const { list, heard } = openSavedWatchList(cwd);

    expect(heard).toHaveLength(1);
    expect(heard[0]?.reason).toMatch(/2 tasks were kept\.$/);
    const long = list.list().find((t) => t.taskId === 'long');
    expect(long?.label).toHaveLength(LABEL_LIMIT);
    expect(long?.label?.endsWith('…')).toBe(true);
    expect(long?.message).toHaveLength(TEXT_LIMIT);
    expect(list.list().find((t) => t.taskId === 'fine')?.label).toBe('ok');
  });
});

describe('store: one task that does not fit the saved list', () => {
  it('cannot stop the others from being saved, and the user is told', () => {
    const { list } = openSavedWatchList(cwd);
    const problems: string[] = [];
    list.on('savingChanged', ({ problem }) => problems.push(problem?.message ?? 'saved'));
    list.add('story', 'odd');
    list.add('story', 'fine');
    // A run id past 2^53, as if an answer had slipped past the client's check.
    list.applyCheck('story:odd', {
      outcome: { type: 'status', status: 'SUCCESS', runId: 1e20, exceptionReason: null, message: null },
      checkedAt: 5,
    });
    list.rename('story:fine', 'still saved');
    list.flush();
    list.dispose();

    expect(problems).toEqual([
      '1 task holds data that does not fit the saved watch list: the list was saved without it, and it stays listed until CAMB Watch quits.',
    ]);
    const reopened = openSavedWatchList(cwd);
    expect(reopened.heard).toEqual([]);
    expect(reopened.list.list().map((t) => [t.taskId, t.label])).toEqual([['fine', 'still saved']]);
  });
});

/** A long text CAMB.AI could send: as long as a task keeps one. */
const LONG = (letter: string) => letter.repeat(TEXT_LIMIT);

/** Imports `count` tasks, then has each answer with long texts: a list of about 8 KB a task, held in memory. */
function growList(list: ReturnType<typeof openSavedWatchList>['list'], count: number): void {
  const entries = Array.from({ length: count }, (_, n) => ({ kind: 'story', taskId: `grown${n}` }));
  expect(list.importJson(JSON.stringify(entries)).added).toHaveLength(count);
  for (let n = 0; n < count; n++)
    list.applyCheck(`story:grown${n}`, {
      outcome: {
        type: 'status',
        status: `RUNNING_${LONG('R')}`.slice(0, TEXT_LIMIT),
        runId: 1,
        exceptionReason: LONG('X'),
        message: LONG('Y'),
      },
      checkedAt: 10,
    });
}

describe('store: an import or a change can never make the list too large to load again', () => {
  it('refuses an import of more tasks than the list keeps before writing anything, and earlier tasks survive a restart', () => {
    const { list } = openSavedWatchList(cwd);
    list.add('story', 'earlier', 'kept');
    // 130,000 minimal entries: a 4.8 MB file, well under the 20 MB an import may be.
    const entries = Array.from({ length: 130_000 }, (_, n) => ({ kind: 'story', taskId: `job${n}` }));
    const text = JSON.stringify(entries);
    expect(text.length).toBeLessThan(20_000_000);

    const report = list.importJson(text);
    list.dispose();

    expect(report).toEqual({
      added: [],
      alreadyWatched: [],
      rejected: [
        {
          index: null,
          reason: `Nothing was imported. There is room for 9,999 more tasks, not 130,000: the watch list keeps at most 10,000 tasks and holds 1.`,
        },
      ],
    });
    expect(MAX_WATCHED_TASKS).toBe(10_000);
    const reopened = openSavedWatchList(cwd);
    expect(reopened.heard).toEqual([]);
    expect(reopened.list.list().map((t) => [t.taskId, t.label])).toEqual([['earlier', 'kept']]);
  });

  it('refuses an import that would make the saved file larger than a start loads, saying how many fit', () => {
    const { list } = openSavedWatchList(cwd);
    growList(list, 5_000);
    const savedSize = fs.statSync(file).size;
    const incoming = list
      .list()
      .slice(0, 2_000)
      .map((task, n) => ({ ...task, taskId: `new${n}` }));

    const refused = list.importJson(JSON.stringify(incoming));
    expect(refused.added).toEqual([]);
    const reason = refused.rejected[0]?.reason ?? '';
    const match =
      /^Nothing was imported\. These 2,000 tasks would make the saved watch list ([\d.]+) MB, more than the 50 MB CAMB Watch can load again; about ([\d,]+) of them fit\.$/.exec(
        reason,
      );
    expect(match, reason).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThan(50);
    expect(list.list()).toHaveLength(5_000);
    expect(fs.statSync(file).size).toBe(savedSize);
    // As many as it says fit would make a file a start loads; a tenth more would not.
    const fitting = Number(match?.[2]?.replaceAll(',', ''));
    const bytesWith = (extra: number) =>
      documentBytes({
        tasks: [...list.list(), ...incoming.slice(0, extra)],
        settings: list.getSettings(),
        finishedRuns: [],
      });
    expect(bytesWith(fitting)).toBeLessThanOrEqual(MAX_WRITTEN_DOCUMENT_BYTES);
    expect(bytesWith(Math.ceil(fitting * 1.1))).toBeGreaterThan(MAX_WRITTEN_DOCUMENT_BYTES);
  });

  it('does not write a list grown past the load limit by what checks learn: the file keeps its last loadable state, and the user is told', () => {
    const { list } = openSavedWatchList(cwd);
    const problems: string[] = [];
    list.on('savingChanged', ({ problem }) => {
      if (problem !== null) problems.push(problem.message);
    });
    // 7,000 tasks answering with long texts: about 60 MB as the store writes it.
    growList(list, 7_000);
    list.add('story', 'acknowledged');
    list.flush();
    list.dispose();

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^The watch list has grown to [\d.]+ MB, more than the 50 MB CAMB Watch can load again, so the latest changes were not saved: remove finished tasks \(Clear finished\) to make room\. Your changes are kept while CAMB Watch runs\.$/,
    );
    expect(fs.statSync(file).size).toBeLessThanOrEqual(MAX_STORE_BYTES);
    const reopened = openSavedWatchList(cwd);
    expect(reopened.heard).toEqual([]);
    // The import and the add were acknowledged and are kept; what the checks learned waits for room.
    expect(reopened.list.list()).toHaveLength(7_001);
    expect(reopened.list.get('story:grown0')?.status).toBeNull();
  });
});
