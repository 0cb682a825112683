/**
 * What a system error code of a disk operation means, in words: the one table for the watch list's saving
 * state (describeSaveFailure), a failed write (describeWriteFailure) and a failed download
 * (describeDownloadError). Each of them phrases its own sentence around these words; none keeps a table of
 * codes of its own.
 */

export type DiskFaultKind =
  | 'full'
  | 'read-only'
  | 'not-allowed'
  | 'folder-missing'
  | 'name-too-long'
  | 'too-many-open-files'
  | 'taken-over';

export interface DiskFault {
  readonly kind: DiskFaultKind;
  /** The code as the system gave it ('EDQUOT'), for the log and for a detail a caller may add. */
  readonly code: string;
  /** What is wrong, in a few words that fit a menu line: "the disk is full". */
  readonly what: string;
  /** What the user can do about it, as the start of a sentence: "Free some space on it". */
  readonly remedy: string;
  /** More about this code, when there is more to say: "your disk quota is used up". */
  readonly detail: string | null;
}

type Meaning = Omit<DiskFault, 'code' | 'detail'> & { readonly detail?: string };

const FULL: Meaning = { kind: 'full', what: 'the disk is full', remedy: 'Free some space on it' };
const READ_ONLY: Meaning = { kind: 'read-only', what: 'the disk is read-only', remedy: 'Make it writable' };
const NOT_ALLOWED: Meaning = {
  kind: 'not-allowed',
  what: 'no permission to write its folder',
  remedy: 'Make the folder writable for your user account',
};
const FOLDER_MISSING: Meaning = {
  kind: 'folder-missing',
  what: 'its folder is missing',
  remedy: 'Create the folder',
};

/** Node's codes (libuv), Electron's net::ERR_… names for the same faults, and the lock's ELOCKLOST. */
const MEANINGS: Readonly<Record<string, Meaning>> = {
  ENOSPC: FULL,
  EDQUOT: { ...FULL, detail: 'your disk quota is used up' },
  ERR_FILE_NO_SPACE: FULL,
  EROFS: READ_ONLY,
  EACCES: NOT_ALLOWED,
  EPERM: NOT_ALLOWED,
  ERR_ACCESS_DENIED: NOT_ALLOWED,
  ENOENT: FOLDER_MISSING,
  ENOTDIR: FOLDER_MISSING,
  ENAMETOOLONG: {
    kind: 'name-too-long',
    what: 'the file name is too long for its folder',
    remedy: 'Choose a folder nearer the top of the disk',
  },
  EMFILE: {
    kind: 'too-many-open-files',
    what: 'too many files are open',
    remedy: 'Close some programs or windows',
  },
  ENFILE: {
    kind: 'too-many-open-files',
    what: 'too many files are open',
    remedy: 'Close some programs or windows',
  },
  // stateFolderLock's: another CAMB Watch took over the state folder while this one was not responding.
  ELOCKLOST: {
    kind: 'taken-over',
    what: 'another CAMB Watch program took over its folder',
    remedy: 'Quit one of the CAMB Watch programs',
    detail: 'while this one was not responding; the computer may have slept',
  },
};

/** The error's codes, outermost first: its own, then its causes' (undici and conf wrap the system's). */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') codes.push(code);
    // Electron's net.fetch names the fault only in its message: "net::ERR_FILE_NO_SPACE".
    if (typeof message === 'string') {
      const electron = /net::(ERR_[A-Z_]+)/u.exec(message);
      if (electron?.[1] !== undefined) codes.push(electron[1]);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** The system's code of a failed operation ('ENOSPC', 'EROFS'…), on the error or one of its causes. */
export function errorCode(error: unknown): string | null {
  return errorCodes(error)[0] ?? null;
}

/** What the code means, or null for a code that is not about the disk (or none). */
export function diskFaultOfCode(code: string | null): DiskFault | null {
  if (code === null || !Object.hasOwn(MEANINGS, code)) return null;
  const meaning = MEANINGS[code] as Meaning;
  return { ...meaning, code, detail: meaning.detail ?? null };
}

/** The disk fault behind an error: the first of its codes (its own, then its causes') the table knows. */
export function diskFaultOf(error: unknown): DiskFault | null {
  for (const code of errorCodes(error)) {
    const fault = diskFaultOfCode(code);
    if (fault !== null) return fault;
  }
  return null;
}
