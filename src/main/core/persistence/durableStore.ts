import fs from 'node:fs';
import path from 'node:path';
import type { KeyValueStore } from './keyValueStore';
import { syncFolder } from './syncFolder';
import {
  DocumentTooLargeError,
  documentBytes,
  MAX_WRITTEN_DOCUMENT_BYTES,
  type PersistedDocument,
} from './persistedDocument';

/** Throws when the file is not whole JSON: a write that was cut short. */
function checkWhole(file: string): void {
  try {
    JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw Object.assign(
      new Error(`The watch list at ${file} was cut short while it was written (the disk is full).`),
      {
        code: 'ENOSPC',
      },
    );
  }
}

/**
 * A second name for the document as it is (a hard link, which takes no room), to put back should the next
 * write go wrong; null when the file system has no hard links (or there is no document yet).
 */
function keepPrevious(file: string): string | null {
  const previous = `${file}.previous`;
  try {
    // One left by a crash during an earlier write: the document itself is whole (rename is atomic).
    fs.rmSync(previous, { force: true });
    fs.linkSync(file, previous);
    return previous;
  } catch {
    return null;
  }
}

/** Puts the kept document back in place, unless the write never replaced it. */
function putBack(previous: string, file: string): void {
  // Renaming one name of a file over another name of the same file does nothing (POSIX rename).
  if (fs.statSync(previous).ino === fs.statSync(file, { throwIfNoEntry: false })?.ino) fs.rmSync(previous);
  else {
    fs.renameSync(previous, file);
    syncFolder(path.dirname(file));
  }
}

/**
 * Wraps a conf-like store so that once assigning `store` returns, the document is on disk: conf's
 * atomic replace (temporary file, fsync, rename), then the folder's fsync that makes the rename last.
 *
 * On a nearly full disk conf's writer (`atomically`) takes a short write for a whole one and renames a
 * document cut short over the good one, without an error. So the written file is read back, and when it
 * is not whole JSON the document as it was before the write is put back (through a hard link kept during
 * the write, which needs no free space) and the write throws as a full disk: the caller keeps the change
 * (and the action journal its lines) until a write works.
 *
 * A document larger than the next start would load is refused (DocumentTooLargeError) and the file on
 * disk stays as it was: whichever change made the list grow, a saved list always loads again.
 */
export function durableStore<T extends PersistedDocument>(inner: KeyValueStore<T>): KeyValueStore<T> {
  const file = inner.path;
  const folder = path.dirname(file);
  return {
    get path() {
      return inner.path;
    },
    get store() {
      return inner.store;
    },
    set store(value: T) {
      const bytes = documentBytes(value);
      if (bytes > MAX_WRITTEN_DOCUMENT_BYTES) throw new DocumentTooLargeError(bytes);
      const previous = keepPrevious(file);
      try {
        inner.store = value;
        checkWhole(file);
      } catch (error) {
        if (previous !== null) putBack(previous, file);
        throw error;
      }
      if (previous !== null) fs.rmSync(previous, { force: true });
      syncFolder(folder);
    },
  };
}
