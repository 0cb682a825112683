import fs from 'node:fs';

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
