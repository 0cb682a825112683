import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { openSavedWatchList, savedTask } from '../support/savedWatchList';
import { LABEL_LIMIT, TEXT_LIMIT } from '../../src/shared/watchedTask';

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
      nextCheckAt: null,
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
