import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging';
import { syncFolder } from './syncFolder';
import { encodeJournalLine, type JournalChange } from './journalLine';
import { MAX_JOURNAL_SEQ } from './persistedDocument';
import { errorCode } from '../diskFaults';

/**
 * The append-only file beside the document that makes a user action durable without rewriting the whole
 * watch list: one line per action, flushed before the action is acknowledged. The document (conf) stays
 * the store; it records the last line it includes, and once it is written the journal is emptied.
 *
 * The file is allocated ahead, in zeros, and lines are written over them: flushing a line then writes its
 * data only, not the file's new size (a journal commit of the file system each time), which keeps a durable
 * action near 0.1 ms. The lines end at the first zero byte (JSON text never holds one).
 */
export interface ActionJournal {
  /** The number of the last line written (or replayed at start): the document records it when written. */
  readonly lastSeq: number;
  /**
   * Appends one line and flushes it to disk. False when it could not (a line too large, a full disk, a
   * closed journal): the caller must then save the action by writing the whole document.
   */
  append(change: JournalChange): boolean;
  /** The document now holds every line up to `seq`: the journal drops them (it is emptied). */
  compact(seq: number): void;
  /** Later appends return false. */
  close(): void;
}

/** `watch-list.journal` beside `watch-list.json`. */
export function journalFileFor(documentFile: string): string {
  const parsed = path.parse(documentFile);
  return path.join(parsed.dir, `${parsed.name}.journal`);
}

function codeOf(error: unknown): string {
  return errorCode(error) ?? 'an unknown error';
}

/** Zeros added at a time: about 3,000 actions' lines, so the file grows (and its size is flushed) rarely. */
export const JOURNAL_CHUNK_BYTES = 1024 * 1024;

/**
 * Zeros are only allocated ahead while this much stays free after them: on a nearly full disk the space is
 * left to the document (which needs room for a whole copy of itself to be saved) and to the user's other
 * programs. Lines are then written at the end of the file instead, each flush also writing the new size.
 */
export const JOURNAL_SPARE_BYTES = 16 * 1024 * 1024;

/**
 * Once the document records a line numbered this high, the numbering starts again from 1, far before
 * MAX_JOURNAL_SEQ: a document edited to hold a huge number cannot make every later line unreadable.
 */
const RENUMBER_FROM = MAX_JOURNAL_SEQ / 2;

/** Writes all of `bytes` at `position`. */
function writeAt(fd: number, bytes: Buffer, position: number): void {
  let written = 0;
  while (written < bytes.length)
    written += fs.writeSync(fd, bytes, written, bytes.length - written, position + written);
}

/** Bytes free for this process on the disk holding `folder`; Infinity when the system cannot tell. */
function freeBytes(folder: string): number {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Grows the file from `size` by a chunk of zeros, flushed with the new size, when the disk can spare it.
 * Returns the new size; on a short disk, or when the zeros could not all be written (the disk filled
 * meanwhile), the file is cut back to `size` and `size` is returned: nothing is held that is not a line.
 */
function allocateAhead(fd: number, folder: string, size: number): number {
  if (freeBytes(folder) < JOURNAL_CHUNK_BYTES + JOURNAL_SPARE_BYTES) return size;
  try {
    writeAt(fd, Buffer.alloc(JOURNAL_CHUNK_BYTES), size);
    // The new size must be on disk before a line relies on it.
    fs.fsyncSync(fd);
    return size + JOURNAL_CHUNK_BYTES;
  } catch {
    fs.ftruncateSync(fd, size);
    return size;
  }
}

/**
 * Takes back what a failed write put of a line of `length` at `at`: zeros over the part inside the file's
 * size before it (`allocated`), the part past it cut off. False when that failed too.
 */
function takeBack(fd: number, at: number, length: number, allocated: number): boolean {
  try {
    fs.ftruncateSync(fd, allocated);
    const inside = Math.min(length, allocated - at);
    if (inside > 0) writeAt(fd, Buffer.alloc(inside), at);
    return true;
  } catch {
    return false;
  }
}

/** Empties the file and allocates a first chunk of zeros, if the disk can spare it. */
function restart(fd: number, folder: string): number {
  fs.ftruncateSync(fd, 0);
  return allocateAhead(fd, folder, 0);
}

/**
 * Opens the journal at `file`, creating it (and flushing its folder, so the new entry lasts). `holdsUnsaved`:
 * its lines are not in the document yet (writing the replayed document failed), so it is kept as it is and
 * takes no line until the document is written; otherwise it is emptied. Numbers new lines from
 * `lastSeq + 1`. Throws when the file cannot be opened or emptied.
 */
export function openActionJournal(
  file: string,
  lastSeq: number,
  logger: Logger,
  holdsUnsaved = false,
): ActionJournal {
  const folder = path.dirname(file);
  const existed = fs.existsSync(file);
  // Not 'a': on Linux a file opened for appending ignores the position of each write.
  let fd: number | null = fs.openSync(file, existed ? 'r+' : 'w+');
  /** The file's size: the lines, then the zeros allocated ahead of them. */
  let allocated = 0;
  try {
    if (!holdsUnsaved) allocated = restart(fd, folder);
    if (!existed) syncFolder(folder);
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  let seq = lastSeq;
  /** Where the next line goes: the end of the last whole line. */
  let size = 0;
  // Bytes the document does not hold, or a line that may be cut short: a line written after them would be
  // lost or unreadable, so actions write the document until the journal is emptied.
  let blocked = holdsUnsaved;
  // Said once until the journal works again, so a full disk does not fill the log.
  let failing = false;
  // Numbering starts again: no line is written until the document records 0 (a line numbered below what
  // it records would be skipped at replay).
  let renumbering = false;

  /** `block`: the file may now hold a line cut short, so no line may follow until it is emptied. */
  const fail = (what: string, error: unknown, block = true): false => {
    if (!failing)
      logger.warn(
        `The action journal could not be ${what} (${codeOf(error)}): actions are saved by writing the whole watch list until it can.`,
        { path: file },
      );
    failing = true;
    if (block) blocked = true;
    return false;
  };

  return {
    get lastSeq() {
      return seq;
    },

    append(change) {
      if (fd === null || blocked || renumbering || seq >= MAX_JOURNAL_SEQ) return false;
      seq += 1;
      const bytes = encodeJournalLine({ seq, ...change });
      if (bytes === null) return false;
      try {
        if (size + bytes.length > allocated) allocated = allocateAhead(fd, folder, allocated);
        writeAt(fd, bytes, size);
        // The line's data, and the file's new size when the line lies past the zeros allocated ahead.
        fs.fdatasyncSync(fd);
      } catch (error) {
        // A full disk: the line is taken back, so the next one can be tried where it would have gone.
        return fail('written', error, !takeBack(fd, size, bytes.length, allocated));
      }
      size += bytes.length;
      // A line past the zeros made the file longer.
      allocated = Math.max(allocated, size);
      failing = false;
      return true;
    },

    compact(upTo) {
      // A line written after the document was taken must stay: it is not in the document yet.
      if (fd === null || upTo < seq) return;
      // The document now records 0: lines may be numbered from 1 again.
      renumbering = false;
      if (seq >= RENUMBER_FROM) {
        seq = 0;
        renumbering = true;
      }
      if (size === 0 && !blocked) return;
      try {
        // The lines are zeroed, not flushed: the next line's flush takes the zeros with it, and should a
        // crash come first, the lines still there are in the document, which skips them on replay.
        if (blocked) allocated = restart(fd, folder);
        else writeAt(fd, Buffer.alloc(size), 0);
        size = 0;
        blocked = false;
      } catch (error) {
        fail('emptied', error);
      }
    },

    close() {
      if (fd === null) return;
      fs.closeSync(fd);
      fd = null;
    },
  };
}
