import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { journalFileFor } from '../../src/main/core/persistence/actionJournal';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { createWatchList, WatchListError } from '../../src/main/core/watchList/watchList';
import { freeBytes, mountSmallDisk, whyNoSmallDisk, type SmallDisk } from '../support/smallDisk';

const disks: SmallDisk[] = [];
afterEach(() => {
  for (const disk of disks.splice(0)) disk.unmount();
});

const noMount = whyNoSmallDisk();

function smallDisk(leaveFree: number): SmallDisk {
  const disk = mountSmallDisk(leaveFree);
  disks.push(disk);
  return disk;
}

/** Opens the watch list kept in `cwd` as the app does; never disposed, as after a kill. */
function open(cwd: string) {
  const clock = new VirtualClock(1_000);
  const { store, recovery } = openDocumentStore({ cwd, clock, logger: silentLogger });
  return { clock, recovery, list: createWatchList({ store, clock, logger: silentLogger }) };
}

/** Adds `ids` one by one as the user would: the ones acknowledged, and the sentences the others got. */
function addAll(list: ReturnType<typeof open>['list'], ids: string[]) {
  const acknowledged: string[] = [];
  const refusals: string[] = [];
  for (const id of ids) {
    try {
      list.add('story', id, `${'label '.repeat(30)}${id}`);
      acknowledged.push(id);
    } catch (error) {
      expect(error).toBeInstanceOf(WatchListError);
      refusals.push((error as Error).message);
    }
  }
  return { acknowledged, refusals };
}

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, n) => `${prefix}${n}`);
const listed = (cwd: string) =>
  open(cwd)
    .list.list()
    .map((task) => task.taskId)
    .sort();

describe.skipIf(noMount !== null)(
  `store on a real disk with < 1 MiB free (tmpfs${noMount ? `: ${noMount}` : ''})`,
  () => {
    it('never lets the journal take the last free space, and keeps every add it acknowledged', () => {
      const disk = smallDisk(600 * 1024);
      const cwd = path.join(disk.folder, 'state');
      fs.mkdirSync(cwd);
      const { list } = open(cwd);
      // The journal allocated ahead only what the disk can spare: a document write still fits.
      expect(freeBytes(disk.folder)).toBeGreaterThan(400 * 1024);
      const { acknowledged, refusals } = addAll(list, ids('t', 40));
      expect(refusals).toEqual([]);
      expect(acknowledged).toHaveLength(40);
      expect(listed(cwd)).toEqual([...acknowledged].sort());
    });

    it('refuses an add in words when nothing can be saved, and loses none it acknowledged', () => {
      const disk = smallDisk(900 * 1024);
      const cwd = path.join(disk.folder, 'state');
      fs.mkdirSync(cwd);
      const { list } = open(cwd);
      const first = addAll(list, ids('a', 5));
      expect(first.refusals).toEqual([]);
      // Another program takes what is left.
      fs.writeFileSync(path.join(disk.folder, 'another.bin'), Buffer.alloc(freeBytes(disk.folder)));
      const second = addAll(list, ids('b', 50));
      expect(second.refusals.length).toBeGreaterThan(0);
      expect(second.refusals[0]).toMatch(
        /^Your change was not saved, so it was not made: .* the disk is full\. Free some space/,
      );
      expect(second.refusals[0]).not.toMatch(/ENOSPC|Error:|at /);
      // Refused adds are not shown as watched either.
      expect(
        list
          .list()
          .map((t) => t.taskId)
          .sort(),
      ).toEqual([...first.acknowledged, ...second.acknowledged].sort());
      expect(listed(cwd)).toEqual([...first.acknowledged, ...second.acknowledged].sort());
    });

    it('starts on a completely full disk with the saved list, refuses in words, and works again once room is made', () => {
      const disk = smallDisk(900 * 1024);
      const cwd = path.join(disk.folder, 'state');
      fs.mkdirSync(cwd);
      const before = addAll(open(cwd).list, ids('a', 6)).acknowledged;
      const another = path.join(disk.folder, 'another.bin');
      fs.writeFileSync(another, Buffer.alloc(freeBytes(disk.folder)));

      const { list, recovery } = open(cwd);
      expect(recovery).toBeNull();
      expect(
        list
          .list()
          .map((t) => t.taskId)
          .sort(),
      ).toEqual([...before].sort());
      expect(() => list.add('story', 'late')).toThrow(/not saved, so it was not made/);
      // The start did not leave the disk fuller than it found it (the journal gave back its zeros).
      fs.rmSync(another);
      const after = addAll(list, ['late']);
      expect(after.refusals).toEqual([]);
      expect(listed(cwd)).toEqual([...before, 'late'].sort());
      expect(fs.existsSync(journalFileFor(documentStoreFile(cwd)))).toBe(true);
    });

    it('refuses a first start on a completely full disk in words, naming the folder and what to do', () => {
      const disk = smallDisk(0);
      const cwd = path.join(disk.folder, 'state');
      fs.mkdirSync(cwd);
      fs.writeFileSync(path.join(disk.folder, 'another.bin'), Buffer.alloc(freeBytes(disk.folder)));
      expect(() => open(cwd)).toThrow(
        `The watch list at ${documentStoreFile(cwd)} could not be opened: the disk is full. Free some space on it and try again.`,
      );
    });
  },
);

describe.skipIf(noMount !== null)('the watch list document on a disk that fills while it is written', () => {
  it('is never replaced by a copy cut short: the write fails and the saved list stays whole', () => {
    const disk = smallDisk(2 * 1024 * 1024);
    const cwd = path.join(disk.folder, 'state');
    fs.mkdirSync(cwd);
    const clock = new VirtualClock(1_000);
    const { store } = openDocumentStore({ cwd, clock, logger: silentLogger });
    const list = createWatchList({ store, clock, logger: silentLogger });
    addAll(list, ids('a', 20));
    list.flush();
    const saved = fs.readFileSync(documentStoreFile(cwd), 'utf8');
    // Room for a part of the next copy only: the write that follows is short.
    fs.writeFileSync(path.join(disk.folder, 'another.bin'), Buffer.alloc(freeBytes(disk.folder) - 8192));
    const bigger = {
      ...store.store,
      tasks: [...store.store.tasks, ...store.store.tasks.map((t) => ({ ...t, taskId: `${t.taskId}x` }))],
    };
    expect(() => (store.store = bigger)).toThrow(/disk is full/);
    expect(fs.readFileSync(documentStoreFile(cwd), 'utf8')).toBe(saved);
    expect(fs.readdirSync(cwd).filter((name) => name.endsWith('.previous'))).toEqual([]);
  });
});
