/**
 * A real, nearly full disk for storage tests: a tmpfs mounted on a fresh folder (only root may mount),
 * with a filler file that leaves `freeBytes` free. `unmount` takes the folder and everything in it away.
 * When mounting is not allowed, `mountSmallDisk` returns the reason in words, for `it.skipIf`; the
 * injected variant (diskQuota.ts) runs either way.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  readonly folder: string;
  /** Frees the disk: unmounts it and removes the mount point. */
  unmount(): void;
}

/** The tmpfs size: small enough to fill quickly, large enough for the filler's own metadata. */
const DISK_BYTES = 4 * 1024 * 1024;

/** Null when this process may mount a tmpfs; otherwise why not, in words. */
export function whyNoSmallDisk(): string | null {
  if (process.platform !== 'linux') return 'a tmpfs can only be mounted on Linux';
  if (process.getuid?.() !== 0) return 'only root can mount a tmpfs (the injected-ENOSPC variant still runs)';
  return null;
}

/** Free bytes on the file system holding `folder`, as the journal sees them. */
export function freeBytes(folder: string): number {
  const stats = fs.statfsSync(folder);
  return stats.bavail * stats.bsize;
}

export function mountSmallDisk(leaveFree: number): SmallDisk {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_BYTES}`, 'tmpfs', folder]);
  } catch (error) {
    fs.rmdirSync(folder);
    throw error;
  }
  const unmount = (): void => {
    // Lazily: a journal a test left open (as after a kill) keeps the disk busy until the process ends.
    execFileSync('umount', ['-l', folder]);
    fs.rmdirSync(folder);
  };
  try {
    // The filler sits outside the watch list's own files, as any other program's data would.
    const filler = path.join(folder, 'someone-else.bin');
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, freeBytes(folder) - leaveFree)));
  } catch (error) {
    unmount();
    throw error;
  }
  return { folder, unmount };
}
