import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWatchHistory } from '../../../src/cli/watchHistory';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { journalFileFor } from '../../../src/main/core/persistence/actionJournal';
import { openDocumentStore } from '../../../src/main/core/persistence/openDocumentStore';
import { documentStoreFile } from '../../../src/main/core/persistence/storeOptions';
import { createWatchList } from '../../../src/main/core/watchList/watchList';
import { newWatchedTask } from '../../../src/shared/watchedTask';

/**
 * `camb-watch wait` reads the app's watch list as the app opens it (document, then the action journal) on
 * real files, and changes nothing: a running app keeps its folder, its journal and its document.
 */

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-history-'));
  folders.push(folder);
  return folder;
}

/** Every file of the folder with its bytes: what a reader must leave as it found it. */
function folderState(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(folder, name)).toString('base64')]),
  );
}

const RUN = {
  kind: 'story',
  durationMs: 90_000,
  finishedAt: 1_000_500,
  succeeded: true,
  lowerBound: false,
} as const;

describe('camb-watch wait: the app’s history, journal included', () => {
  it('sees a task the app acknowledged that is still only in the journal, and writes nothing', async () => {
    const cwd = tempFolder();
    const file = documentStoreFile(cwd);
    const clock = new VirtualClock(1_000_000);
    const { store } = openDocumentStore({ cwd, clock, logger: silentLogger });
    const app = createWatchList({ store, clock, logger: silentLogger });
    app.add('story', 'in-document');
    app.flush();
    await clock.advance(5_000);
    app.add('story', 'in-journal');
    // The running app acknowledged it: it is a line of the journal, not yet in the document.
    expect(fs.readFileSync(file, 'utf8')).not.toContain('in-journal');
    expect(fs.readFileSync(journalFileFor(file), 'utf8')).toContain('in-journal');
    const before = folderState(cwd);

    expect(readWatchHistory(file, 'story', 'in-journal').addedAt).toBe(1_005_000);
    expect(readWatchHistory(file, 'story', 'in-document').addedAt).toBe(1_000_000);
    expect(readWatchHistory(file, 'dub', 'in-journal').addedAt).toBeNull();

    // Nothing moved, migrated or written; the app goes on journaling and reopens with everything.
    expect(folderState(cwd)).toEqual(before);
    app.add('story', 'after-reading');
    expect(fs.readFileSync(journalFileFor(file), 'utf8')).toContain('after-reading');
    const reopened = createWatchList({
      store: openDocumentStore({ cwd, clock, logger: silentLogger }).store,
      clock,
      logger: silentLogger,
    });
    expect(reopened.list().map((task) => task.taskId)).toEqual([
      'after-reading',
      'in-journal',
      'in-document',
    ]);
    app.dispose();
    reopened.dispose();
  });

  it('reads past a torn last line, a damaged line and lines the document already holds, moving nothing', () => {
    const cwd = tempFolder();
    const file = documentStoreFile(cwd);
    const document = {
      tasks: [{ ...newWatchedTask('story', 'old', null, 10), label: 'from the document' }],
      settings: {},
      finishedRuns: [RUN, { ...RUN, kind: 'dub' }, { kind: 'story', durationMs: 'long' }],
      journalSeq: 2,
    };
    fs.writeFileSync(file, JSON.stringify(document));
    const line = (value: object) => `${JSON.stringify(value)}\n`;
    fs.writeFileSync(
      journalFileFor(file),
      line({ seq: 2, put: [newWatchedTask('story', 'stale', null, 20)] }) +
        line({ seq: 3, put: [newWatchedTask('story', 'new', null, 30)] }) +
        '{"seq": 4, "put": [ damaged\n' +
        line({ seq: 5, delete: ['story:old'] }) +
        '{"seq": 6, "put": [{"kind": "story", "taskId": "torn"',
    );
    const before = folderState(cwd);

    const fresh = readWatchHistory(file, 'story', 'new');
    expect(fresh.addedAt).toBe(30);
    // Runs live in the document: the ones that fit, of the kind asked for.
    expect(fresh.runs).toEqual([RUN]);
    // Line 2 is already in the document (journalSeq 2), line 5 removed "old", the torn line never counted.
    expect(readWatchHistory(file, 'story', 'stale').addedAt).toBeNull();
    expect(readWatchHistory(file, 'story', 'old').addedAt).toBeNull();
    expect(readWatchHistory(file, 'story', 'torn').addedAt).toBeNull();
    // The app would set this journal aside at its start; a reader leaves that to it.
    expect(folderState(cwd)).toEqual(before);
  });

  it('takes a damaged or missing document for an empty list, still replays the journal, and moves nothing', () => {
    const cwd = tempFolder();
    const file = documentStoreFile(cwd);
    fs.writeFileSync(file, '{"tasks": [ cut short');
    fs.writeFileSync(
      journalFileFor(file),
      `${JSON.stringify({ seq: 1, put: [newWatchedTask('story', 'kept', null, 40)] })}\n`,
    );
    const before = folderState(cwd);
    expect(readWatchHistory(file, 'story', 'kept')).toEqual({ runs: [], addedAt: 40 });
    expect(folderState(cwd)).toEqual(before);

    fs.rmSync(file);
    expect(readWatchHistory(file, 'story', 'kept').addedAt).toBe(40);
    expect(readWatchHistory(path.join(cwd, 'nowhere', 'watch-list.json'), 'story', 'kept')).toEqual({
      runs: [],
      addedAt: null,
    });
  });

  it('ignores a journal far larger than the app writes, without reading or moving it', () => {
    const cwd = tempFolder();
    const file = documentStoreFile(cwd);
    fs.writeFileSync(
      file,
      JSON.stringify({ tasks: [newWatchedTask('story', 'doc', null, 50)], settings: {} }),
    );
    // Sparse: the size is what counts, not the bytes.
    const handle = fs.openSync(journalFileFor(file), 'w');
    fs.ftruncateSync(handle, 200 * 1024 * 1024);
    fs.closeSync(handle);
    expect(readWatchHistory(file, 'story', 'doc').addedAt).toBe(50);
    expect(fs.statSync(journalFileFor(file)).size).toBe(200 * 1024 * 1024);
    expect(fs.readdirSync(cwd).sort()).toEqual(['watch-list.journal', 'watch-list.json']);
  });
});
