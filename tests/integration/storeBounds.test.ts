import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import type { StoreRecovery } from '../../src/main/core/persistence/openWithRecovery';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { createWatchList } from '../../src/main/core/watchList/watchList';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
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

function openWithEvents() {
  const clock = new VirtualClock(Date.UTC(2026, 2, 14, 9, 26, 53, 589));
  const { store, recovery } = openDocumentStore({ cwd, clock, logger: silentLogger });
  const list = createWatchList({ store, clock, logger: silentLogger, recovery });
  const heard: StoreRecovery[] = [];
  list.on('storeRecovered', (event) => heard.push(event));
  return { list, heard };
}

const task = (taskId: string, fields: Record<string, unknown> = {}) => ({
  kind: 'story',
  taskId,
  label: null,
  addedAt: 1,
  lastCheckAt: null,
  nextCheckAt: null,
  status: 'SUCCESS',
  runId: 9,
  exceptionReason: null,
  message: null,
  lastProblem: null,
  stoppedReason: null,
  history: [{ status: 'SUCCESS', at: 2 }],
  finishedAt: 2,
  notified: true,
  muted: false,
  ...fields,
});

/** Writes a store whose one task has a label of `megabytes` MB, a chunk at a time so the test holds little. */
function writeStoreWithHugeLabel(megabytes: number): void {
  const [before, after] = JSON.stringify({
    tasks: [task('huge', { label: '@@LABEL@@' })],
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
    const { list, heard } = openWithEvents();

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
    expect(openWithEvents().heard).toEqual([]);
  });

  it('keeps a task whose texts are over their bound, cut to it, and says the file was repaired', () => {
    fs.writeFileSync(
      file,
      JSON.stringify({
        tasks: [
          task('long', { label: 'L'.repeat(10_000), message: 'M'.repeat(100_000) }),
          task('fine', { label: 'ok' }),
        ],
        settings: DEFAULT_SETTINGS,
      }),
    );
    const { list, heard } = openWithEvents();

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
    const { list } = openWithEvents();
    const problems: string[] = [];
    list.on('saveProblem', ({ message }) => problems.push(message));
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
    const reopened = openWithEvents();
    expect(reopened.heard).toEqual([]);
    expect(reopened.list.list().map((t) => [t.taskId, t.label])).toEqual([['fine', 'still saved']]);
  });
});
