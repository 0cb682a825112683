import fs from 'node:fs';
import path from 'node:path';
import type { KeyValueStore } from './keyValueStore';
import {
  DocumentTooLargeError,
  documentBytes,
  MAX_WRITTEN_DOCUMENT_BYTES,
  type PersistedDocument,
} from './persistedDocument';

/**
 * Flushes a folder's entries to disk, so a file renamed into it survives a power loss. conf writes through
 * `atomically`, which fsyncs the temporary file before renaming it over the document but not the folder
 * holding the rename. Windows cannot open a folder for this (NTFS journals the rename itself); a file
 * system that refuses to sync a folder (EINVAL, EISDIR, EPERM) is left as it is.
 */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = fs.openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Wraps a conf-like store so that once assigning `store` returns, the document is on disk: conf's
 * atomic replace (temporary file, fsync, rename), then the folder's fsync that makes the rename last.
 * A document larger than the next start would load is refused (DocumentTooLargeError) and the file on
 * disk stays as it was: whichever change made the list grow, a saved list always loads again.
 */
export function durableStore<T extends PersistedDocument>(inner: KeyValueStore<T>): KeyValueStore<T> {
  const folder = path.dirname(inner.path);
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
      inner.store = value;
      syncFolder(folder);
    },
  };
}
