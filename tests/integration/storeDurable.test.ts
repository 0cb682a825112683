import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { emptyDocument } from '../../src/main/core/persistence/persistedDocument';

const folders: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('store: a write is on disk when it returns', () => {
  it.skipIf(process.platform === 'win32')(
    'syncs the new file and then the folder that holds the rename',
    () => {
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-durable-'));
      folders.push(cwd);
      const { store } = openDocumentStore({ cwd, clock: new VirtualClock(), logger: silentLogger });
      const synced: string[] = [];
      const fsync = fs.fsyncSync;
      vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
        // What the folder names as the document when it is synced: the rename must already be done.
        if (fs.fstatSync(fd).isDirectory()) synced.push(fs.readFileSync(store.path, 'utf8'));
        fsync(fd);
      });
      const document = { ...emptyDocument(), tasks: [] };
      document.settings.notifyOnSuccess = false;
      store.store = document;
      // conf (through `atomically`) syncs the temporary file before renaming it; the folder is synced after.
      expect(synced).toHaveLength(1);
      expect(JSON.parse(synced[0] ?? '{}')).toMatchObject({ settings: { notifyOnSuccess: false } });
    },
  );
});
