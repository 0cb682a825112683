import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { openSavedWatchList, savedTask } from '../support/savedWatchList';

let cwd: string;
let file: string;
beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-corrupt-'));
  file = documentStoreFile(cwd);
});
afterEach(() => {
  fs.rmSync(cwd, { recursive: true, force: true });
});

const expectedAside = () => `${file}.corrupt-2026-03-14T09-26-53.589Z`;

const damaged: Record<string, Buffer> = {
  'garbage bytes': Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x0a, 0x80]),
  'truncated JSON': Buffer.from(
    JSON.stringify({ tasks: [savedTask('a')], settings: DEFAULT_SETTINGS }).slice(0, 57),
  ),
  'valid JSON of the wrong shape': Buffer.from('{"tasks": "all of them", "settings": 3}'),
  'a JSON array': Buffer.from('[{"kind": "story", "taskId": "a"}]'),
  'an empty file': Buffer.alloc(0),
};

describe('store: a damaged file', () => {
  it.each(Object.entries(damaged))(
    'with %s is moved aside intact and the list starts empty',
    (_name, bytes) => {
      fs.writeFileSync(file, bytes);
      const { list, heard } = openSavedWatchList(cwd);

      expect(list.list()).toEqual([]);
      expect(list.getSettings()).toEqual(DEFAULT_SETTINGS);
      expect(heard).toHaveLength(1);
      expect(heard[0]).toMatchObject({ movedTo: expectedAside(), droppedTasks: 0 });
      expect(heard[0]?.reason).toMatch(
        /^The saved watch list could not be used as it was: .+ It was moved to .+ and the list starts empty\.$/,
      );
      expect(fs.readFileSync(expectedAside()).equals(bytes)).toBe(true);

      // The fresh file is sound: the next start has nothing to recover.
      list.add('dub', 'after');
      list.dispose();
      const again = openSavedWatchList(cwd);
      expect(again.heard).toEqual([]);
      expect(again.list.list().map((t) => t.taskId)).toEqual(['after']);
      expect(fs.readFileSync(expectedAside()).equals(bytes)).toBe(true);
    },
  );

  it('keeps the valid tasks of a file where only some are damaged, and still moves the original aside', () => {
    const bytes = Buffer.from(
      JSON.stringify({
        tasks: [
          savedTask('keep-1'),
          { kind: 'story', taskId: 'bad', status: 42 },
          savedTask('keep-2'),
          'junk',
        ],
        settings: { ...DEFAULT_SETTINGS, responsiveness: 'eager' },
        __internal__: { migrations: { version: '1.0.0' } },
      }),
    );
    fs.writeFileSync(file, bytes);
    const { list, heard } = openSavedWatchList(cwd);

    expect(
      list
        .list()
        .map((t) => t.taskId)
        .sort(),
    ).toEqual(['keep-1', 'keep-2']);
    expect(list.list()[0]).toMatchObject({ notified: true, status: 'SUCCESS' });
    expect(list.getSettings().responsiveness).toBe('eager');
    expect(heard).toEqual([
      {
        movedTo: expectedAside(),
        droppedTasks: 2,
        reason: expect.stringMatching(
          /2 tasks were kept, 2 damaged tasks were dropped\.$/,
        ) as unknown as string,
      },
    ]);
    expect(fs.readFileSync(expectedAside()).equals(bytes)).toBe(true);
    // What was kept is what is on disk now.
    expect(openSavedWatchList(cwd).list.list()).toEqual(list.list());
  });

  it('that cannot be read at all (a folder in its place) is moved aside too', () => {
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'inside'), 'kept');
    const { list, heard } = openSavedWatchList(cwd);
    expect(list.list()).toEqual([]);
    expect(heard[0]?.reason).toMatch(/reading it failed \(EISDIR\)/);
    expect(fs.readFileSync(path.join(expectedAside(), 'inside'), 'utf8')).toBe('kept');
  });

  it('never overwrites an earlier damaged copy moved aside at the same instant', () => {
    fs.writeFileSync(file, 'first');
    openSavedWatchList(cwd);
    fs.writeFileSync(file, 'second');
    const { heard } = openSavedWatchList(cwd);
    expect(heard[0]?.movedTo).toBe(`${expectedAside()}-1`);
    expect(fs.readFileSync(expectedAside(), 'utf8')).toBe('first');
    expect(fs.readFileSync(`${expectedAside()}-1`, 'utf8')).toBe('second');
  });
});
