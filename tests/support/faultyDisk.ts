import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real small disk for storage-fault tests: a tmpfs of its own, mounted by root, that can be filled to the
 * last byte (ENOSPC) or remounted read-only (EROFS). Root ignores permission bits, so `chmod` cannot make a
 * folder read-only for it: a read-only mount can. Without root (or where mounting is refused) the folder is
 * a plain temporary one and `readOnly()` takes its write permission away instead, which fails the same
 * writes with EACCES; a full disk cannot be made then (`canFill` is false).
 */
export interface FaultyDisk {
  /** The mounted (or plain) folder; empty at first. */
  readonly dir: string;
  /** 'tmpfs': a real small disk; 'permissions': the non-root fallback. */
  readonly kind: 'tmpfs' | 'permissions';
  /** What a write fails with after readOnly(): EROFS on the small disk, EACCES in the fallback. */
  readonly readOnlyCode: 'EROFS' | 'EACCES';
  readonly canFill: boolean;
  readOnly(): void;
  writable(): void;
  /** Writes a filler file until the disk is full. */
  fill(): void;
  /** Removes the filler. */
  unfill(): void;
  /** Unmounts and removes the folder. */
  dispose(): void;
}

function tryMount(dir: string, size: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let mountWorks: boolean | null = null;

/** Whether this machine lets the tests mount a small disk (root, and mounting allowed): probed once. */
export function canMountSmallDisk(): boolean {
  if (mountWorks === null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-mount-probe-'));
    mountWorks = tryMount(dir, '64k');
    if (mountWorks) execFileSync('umount', [dir], { stdio: 'ignore' });
    fs.rmdirSync(dir);
  }
  return mountWorks;
}

export function createFaultyDisk(size = '2m'): FaultyDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-faulty-disk-'));
  const mounted = tryMount(dir, size);
  const filler = path.join(dir, 'filler.bin');
  const remount = (mode: 'ro' | 'rw') =>
    execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' });
  return {
    dir,
    kind: mounted ? 'tmpfs' : 'permissions',
    readOnlyCode: mounted ? 'EROFS' : 'EACCES',
    canFill: mounted,
    readOnly: () => (mounted ? remount('ro') : fs.chmodSync(dir, 0o500)),
    writable: () => (mounted ? remount('rw') : fs.chmodSync(dir, 0o755)),
    fill() {
      if (!mounted) throw new Error('Only a mounted small disk can be filled');
      const chunk = Buffer.alloc(64 * 1024, 1);
      const fd = fs.openSync(filler, 'a');
      try {
        // Whole chunks, then single bytes, until nothing more fits.
        for (const size of [chunk.length, 4096, 1])
          for (;;) {
            try {
              fs.writeSync(fd, chunk, 0, size);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
      } finally {
        fs.closeSync(fd);
      }
    },
    unfill: () => fs.rmSync(filler, { force: true }),
    dispose() {
      if (mounted) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      else fs.chmodSync(dir, 0o755);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
