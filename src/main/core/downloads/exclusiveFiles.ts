import { constants } from 'node:fs';
import { link, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { candidateNames } from './fileNames';

/**
 * Creating files in a folder someone else also writes to (the user, an unpacked archive, another
 * download): a file is only ever created new ('wx', O_EXCL), never through a symlink (O_NOFOLLOW, where
 * the system has it; O_EXCL alone already refuses an existing link), and a finished file is put in place
 * without replacing anything that appeared meanwhile.
 */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

function isErrno(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}

export class NoFreeName extends Error {
  constructor(name: string) {
    super(`there are too many files called ${name}`);
    this.name = 'NoFreeName';
  }
}

export interface ClaimedFile {
  /** The name the file is meant to end up with ("a (2).mp4"). */
  readonly name: string;
  /** The file created for it: the name itself, or the name + `suffix` (a partial download). */
  readonly path: string;
  readonly handle: FileHandle;
}

/**
 * Creates `<candidate><suffix>` for the first candidate name ("a.mp4", "a (2).mp4"…) that is free both
 * as itself and with the suffix: a user's own `a.mp4.download`, or a symlink planted under that name, is
 * skipped, never opened.
 */
export async function createExclusive(folder: string, name: string, suffix = ''): Promise<ClaimedFile> {
  for (const candidate of candidateNames(name)) {
    const path = join(folder, `${candidate}${suffix}`);
    if (suffix !== '' && (await exists(join(folder, candidate)))) continue;
    try {
      return { name: candidate, path, handle: await open(path, CREATE_NEW, 0o644) };
    } catch (error) {
      // ELOOP: O_NOFOLLOW met a symlink (systems where O_EXCL alone does not refuse one).
      if (!isErrno(error, 'EEXIST', 'ELOOP')) throw error;
    }
  }
  throw new NoFreeName(name);
}

/**
 * Gives the finished `partial` its name, or "name (2)"… when that was taken meanwhile; returns the path.
 * A hard link is created exclusively (EEXIST, never a replacement), so no race with another writer can
 * lose their file. Where the folder has no hard links (FAT, exFAT, some network shares) an empty file
 * claims the name exclusively and the rename replaces only that claim.
 */
export async function publishExclusive(partial: string, folder: string, name: string): Promise<string> {
  for (const candidate of candidateNames(name)) {
    const target = join(folder, candidate);
    try {
      await link(partial, target);
      await unlink(partial);
      return target;
    } catch (error) {
      if (isErrno(error, 'EEXIST')) continue;
      if (!isErrno(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK')) throw error;
    }
    try {
      await (await open(target, CREATE_NEW, 0o644)).close();
    } catch (error) {
      if (isErrno(error, 'EEXIST', 'ELOOP')) continue;
      throw error;
    }
    await rename(partial, target);
    return target;
  }
  throw new NoFreeName(name);
}
