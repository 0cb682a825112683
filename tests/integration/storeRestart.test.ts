import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { DOCUMENT_PROJECT_VERSION } from '../../src/main/core/persistence/migrations';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { createWatchList } from '../../src/main/core/watchList/watchList';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { taskKey } from '../../src/shared/watchedTask';
import { savedTask } from '../support/savedWatchList';

let cwd: string;
beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-store-'));
});
afterEach(() => {
  fs.rmSync(cwd, { recursive: true, force: true });
});

function open(clock = new VirtualClock()) {
  const { store, recovery } = openDocumentStore({ cwd, clock, logger: silentLogger });
  return { list: createWatchList({ store, clock, logger: silentLogger, recovery }), recovery, store };
}

describe('store: restart', () => {
  it('keeps the list, each task state and the notified flag across a restart', async () => {
    const clock = new VirtualClock();
    const first = open(clock);
    expect(first.recovery).toBeNull();
    first.list.add('story', 'done', 'Finished story');
    await clock.advance(60_000);
    first.list.add('dub', 'running');
    const done = taskKey('story', 'done');
    first.list.applyCheck(done, {
      outcome: { type: 'status', status: 'SUCCESS', runId: 4242, exceptionReason: null, message: null },
      checkedAt: clock.now(),
    });
    first.list.markNotified(done);
    first.list.setMuted(taskKey('dub', 'running'), true);
    first.list.updateSettings({ responsiveness: 'frugal' });
    first.list.dispose();

    const second = open(clock);
    expect(second.recovery).toBeNull();
    expect(second.list.list()).toEqual(first.list.list());
    expect(second.list.get(done)).toMatchObject({
      status: 'SUCCESS',
      runId: 4242,
      notified: true,
      label: 'Finished story',
    });
    expect(second.list.get(taskKey('dub', 'running'))).toMatchObject({
      status: null,
      muted: true,
      notified: false,
    });
    expect(second.list.getSettings()).toEqual({ ...DEFAULT_SETTINGS, responsiveness: 'frugal' });
    // conf recorded the document version next to the data.
    const onDisk = JSON.parse(fs.readFileSync(documentStoreFile(cwd), 'utf8')) as { __internal__: unknown };
    expect(onDisk.__internal__).toEqual({ migrations: { version: DOCUMENT_PROJECT_VERSION } });
  });

  it("loads a file from a version that saved each task's next check, and no longer writes it", () => {
    const running = { ...savedTask('running', { status: 'RUNNING', finishedAt: null }), nextCheckAt: 12_345 };
    const done = { ...savedTask('done'), nextCheckAt: null };
    fs.writeFileSync(
      documentStoreFile(cwd),
      JSON.stringify({ tasks: [running, done], settings: DEFAULT_SETTINGS }),
    );
    const first = open();
    expect(first.recovery).toBeNull();
    expect(first.list.list().map((task) => [task.taskId, task.status])).toEqual([
      ['done', 'SUCCESS'],
      ['running', 'RUNNING'],
    ]);
    expect(first.list.get(taskKey('story', 'running'))).not.toHaveProperty('nextCheckAt');
    first.list.rename(taskKey('story', 'running'), 'Chapter 2');
    first.list.dispose();
    const onDisk = fs.readFileSync(documentStoreFile(cwd), 'utf8');
    expect(onDisk).toContain('Chapter 2');
    expect(onDisk).not.toContain('nextCheckAt');
  });

  it('saves the last changes of a burst once the write interval has passed', async () => {
    const clock = new VirtualClock();
    const first = open(clock);
    for (const id of ['a', 'b', 'c']) first.list.add('tts', id);
    await clock.advance(1000);
    // No flush or dispose: the coalesced trailing write alone must have saved it.
    expect(
      open(clock)
        .list.list()
        .map((t) => t.taskId),
    ).toEqual(['a', 'b', 'c']);
  });

  it('migrates an unversioned, hand-written file instead of discarding it', () => {
    fs.writeFileSync(
      documentStoreFile(cwd),
      JSON.stringify({
        tasks: [{ kind: 'story', taskId: 'legacy', label: 'From before 1.0' }],
        settings: { notifyOnSuccess: false },
      }),
    );
    const { list, recovery } = open();
    expect(recovery).toBeNull();
    expect(list.get(taskKey('story', 'legacy'))).toMatchObject({
      label: 'From before 1.0',
      history: [],
      notified: false,
    });
    expect(list.getSettings()).toEqual({ ...DEFAULT_SETTINGS, notifyOnSuccess: false });
    const onDisk = JSON.parse(fs.readFileSync(documentStoreFile(cwd), 'utf8')) as {
      tasks: { muted: boolean }[];
    };
    expect(onDisk.tasks[0]?.muted).toBe(false);
    expect(fs.readdirSync(cwd).sort()).toEqual(['watch-list.journal', 'watch-list.json']);
  });
  it('opens a file saved before a setting existed as it is, with that setting at its default', () => {
    const { checkForUpdates: _added, ...olderSettings } = { ...DEFAULT_SETTINGS, responsiveness: 'eager' };
    fs.writeFileSync(
      documentStoreFile(cwd),
      JSON.stringify({
        tasks: [],
        settings: olderSettings,
        __internal__: { migrations: { version: DOCUMENT_PROJECT_VERSION } },
      }),
    );
    const { list, recovery } = open();
    expect(recovery).toBeNull();
    expect(list.getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      responsiveness: 'eager',
      checkForUpdates: true,
    });
    expect(fs.readdirSync(cwd).sort()).toEqual(['watch-list.journal', 'watch-list.json']);
  });

  it('loads a 1.0 file saved before a setting existed, with that setting at its default', () => {
    const first = open();
    first.list.add('story', 'kept', 'Saved by 1.0');
    first.list.updateSettings({ launchAtLogin: true });
    first.list.dispose();
    const file = documentStoreFile(cwd);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { settings: Record<string, unknown> };
    delete saved.settings['windowShortcut'];
    fs.writeFileSync(file, JSON.stringify(saved));

    const { list, recovery } = open();
    expect(recovery).toBeNull();
    expect(list.get(taskKey('story', 'kept'))).toMatchObject({ label: 'Saved by 1.0' });
    expect(list.getSettings()).toEqual({ ...DEFAULT_SETTINGS, launchAtLogin: true, windowShortcut: null });
    expect(fs.readdirSync(cwd).sort()).toEqual(['watch-list.journal', 'watch-list.json']);
  });
});
