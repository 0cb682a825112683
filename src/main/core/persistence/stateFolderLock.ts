import { MINUTE_MS } from '../../../shared/time';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { Logger } from '../logging';
import type { ActionJournal } from './actionJournal';
import type { DocumentStore } from './keyValueStore';

/**
 * One writer per state folder. The desktop app and the web host (or two web hosts) pointed at the same
 * folder would each rewrite the whole watch list from what they hold, so half of the actions would vanish.
 * The Electron single-instance lock only covers the app itself; this lock covers every program.
 *
 * It is proper-lockfile's lock: a folder (`watch-list.lock`) made with mkdir, which is atomic on local and
 * network file systems, whose time the holder refreshes while it runs. Inside it, `owner.json` says which
 * program holds it, so a refusal can name it. The CLI only reads the folder and never takes it.
 */
export type StateFolderProgram = 'the desktop app' | 'the web host';

export const LOCK_NAME = 'watch-list.lock';
const OWNER_FILE = 'owner.json';

/**
 * How old the lock's time may grow before another program may take it over: the holder refreshes it every
 * REFRESH_MS. A holder that crashed on this computer is noticed at once by its process id (see
 * holderGone); this only matters for a holder on another computer (a shared network folder).
 */
const STALE_MS = MINUTE_MS;
const REFRESH_MS = 10_000;

interface Owner {
  readonly program: string;
  readonly pid: number;
  readonly host: string;
  /** When this computer started (minutes since 1970): after a restart, a process id means another process. */
  readonly boot?: number;
}

function bootMinute(): number {
  return Math.round((Date.now() - os.uptime() * 1000) / 60_000);
}

export interface StateFolderLock {
  /** False where the folder cannot take a lock (read-only, full): nothing can be written there either. */
  readonly held: boolean;
  /** Another program took the folder over: nothing may be written from here any more. */
  readonly lost: boolean;
  release(): void;
}

export type LockOutcome =
  { readonly ok: true; readonly lock: StateFolderLock } | { readonly ok: false; readonly message: string };

function readOwner(lockDir: string): Owner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(lockDir, OWNER_FILE), 'utf8')) as Partial<Owner>;
    if (typeof owner.program !== 'string' || typeof owner.pid !== 'number' || typeof owner.host !== 'string')
      return null;
    return {
      program: owner.program.slice(0, 40),
      pid: owner.pid,
      host: owner.host.slice(0, 100),
      ...(typeof owner.boot === 'number' ? { boot: owner.boot } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * Whether the process holding the lock has ended (it crashed, was killed, or the computer restarted since):
 * only knowable on this computer.
 */
function holderGone(owner: Owner | null): boolean {
  if (owner === null || owner.host !== os.hostname() || owner.pid === process.pid) return false;
  // Recorded before the computer last started: that process is gone, whatever now has its number.
  if (owner.boot !== undefined && Math.abs(owner.boot - bootMinute()) > 1) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Another process on this computer (the only place its process id means anything). */
function runsHere(owner: Owner): boolean {
  return owner.host === os.hostname() && owner.pid !== process.pid;
}

/** A lock whose holder has ended here, or whose heartbeat stopped more than STALE_MS ago elsewhere. */
function abandoned(lockDir: string, owner: Owner | null): boolean {
  if (owner !== null && runsHere(owner)) return holderGone(owner);
  try {
    return fs.statSync(lockDir).mtimeMs < Date.now() - STALE_MS;
  } catch {
    return false;
  }
}

/** The refusal, naming who holds the folder and what to do. */
export function describeHolder(folder: string, owner: Owner | null): string {
  const who =
    owner === null
      ? 'another CAMB Watch program'
      : `${owner.program} (process ${owner.pid}${owner.host === os.hostname() ? '' : ` on ${owner.host}`})`;
  return `The watch list in ${folder} is already in use by ${who}. Only one program may use it at a time, or changes get lost: quit that one first, or give this one a folder of its own.`;
}

/**
 * Takes the state folder for `program`, or says who has it. A folder where the lock cannot even be made
 * (read-only, full) is used without one: nothing can be written there, and the saving state says so.
 * Should another program take the folder over (this one stalled past the stale time: the computer slept
 * with the folder on a shared disk another computer uses), `lost` turns true and lockedStore refuses every
 * later write, which the user sees as the saving state.
 */
export async function lockStateFolder(
  folder: string,
  program: StateFolderProgram,
  logger: Logger,
): Promise<LockOutcome> {
  const lockDir = path.join(folder, LOCK_NAME);
  let lost = false;
  const options = {
    lockfilePath: lockDir,
    realpath: false,
    stale: STALE_MS,
    update: REFRESH_MS,
    // proper-lockfile throws from a timer by default, which would end the app with no word.
    onCompromised: (error: Error) => {
      if (lost) return;
      lost = true;
      logger.error('The state folder lock was lost: this program no longer writes there', {
        folder,
        holder: describeHolder(folder, readOwner(lockDir)),
        error: error.message,
      });
    },
  };
  // A holder alive on this computer keeps the folder even when its heartbeat is late (a long freeze, a
  // busy disk): proper-lockfile alone would call its lock stale after a minute and take it over.
  const current = readOwner(lockDir);
  if (current !== null && runsHere(current) && !holderGone(current))
    return { ok: false, message: describeHolder(folder, current) };
  // A lock its holder left behind is cleared here: proper-lockfile's own stale removal is an rmdir, which
  // fails on a lock folder holding owner.json.
  if (abandoned(lockDir, current)) {
    logger.warn('Taking over the lock of a program that ended without releasing it', { folder });
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
  try {
    await lockfile.lock(folder, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') return { ok: false, message: describeHolder(folder, readOwner(lockDir)) };
    logger.warn('The state folder cannot be locked; using it without a lock', { folder, code: code ?? '' });
    return { ok: true, lock: { held: false, lost: false, release: () => {} } };
  }
  const owner: Owner = { program, pid: process.pid, host: os.hostname(), boot: bootMinute() };
  try {
    // A new entry changes the folder's time, which is the lock's heartbeat: proper-lockfile would read the
    // change as another program taking the lock over. The time it set is put back.
    const { atime, mtime } = fs.statSync(lockDir);
    fs.writeFileSync(path.join(lockDir, OWNER_FILE), JSON.stringify(owner));
    fs.utimesSync(lockDir, atime, mtime);
  } catch (error) {
    // The lock holds without it; a refusal then names "another CAMB Watch program".
    logger.warn('Could not record who holds the state folder', { error: String(error) });
  }
  let released = false;
  // proper-lockfile's own exit handler removes only an empty lock folder, and this one holds owner.json.
  const removeAtExit = () => {
    if (!released && !lost) fs.rmSync(lockDir, { recursive: true, force: true });
  };
  process.once('exit', removeAtExit);
  return {
    ok: true,
    lock: {
      held: true,
      get lost() {
        return lost;
      },
      release() {
        if (released || lost) return;
        released = true;
        process.off('exit', removeAtExit);
        // At once (a program started right after this one closed finds the folder free); proper-lockfile
        // removes only an empty lock folder.
        try {
          fs.rmSync(path.join(lockDir, OWNER_FILE), { force: true });
          lockfile.unlockSync(folder, { lockfilePath: lockDir, realpath: false });
        } catch (error) {
          logger.warn('Could not release the state folder lock', { error: String(error) });
        }
      },
    },
  };
}

/**
 * The store, refusing to write once the lock is lost: another program writes the folder now, and a write
 * from here would undo its changes. The refusal reaches the user as the saving state (code ELOCKLOST).
 */
export function lockedStore(store: DocumentStore, lock: StateFolderLock): DocumentStore {
  const refuse = () => {
    throw Object.assign(new Error('Another program took over the state folder'), { code: 'ELOCKLOST' });
  };
  const journal = store.journal;
  return {
    get path() {
      return store.path;
    },
    get store() {
      return store.store;
    },
    set store(value) {
      if (lock.lost) refuse();
      store.store = value;
    },
    // A proxy, so whatever else the journal offers passes through unchanged; only writing is refused.
    ...(journal === undefined
      ? {}
      : {
          journal: new Proxy(journal, {
            get(target, name) {
              if (name === 'append')
                return (change: Parameters<ActionJournal['append']>[0]) =>
                  !lock.lost && target.append(change);
              if (name === 'compact')
                return (seq: number) => {
                  if (!lock.lost) target.compact(seq);
                };
              const value: unknown = Reflect.get(target, name, target);
              return typeof value === 'function'
                ? (value as (...args: unknown[]) => unknown).bind(target)
                : value;
            },
          }),
        }),
  };
}

/**
 * Takes `folder` for `program`, then opens its store with `open` and hands it back wrapped by lockedStore,
 * with the lock (to release when the program ends). A refusal is thrown as an Error whose message is the
 * sentence for the user; a store that fails to open lets the lock go first.
 */
export async function openWithFolderLock<T extends { readonly store: DocumentStore }>(
  folder: string,
  program: StateFolderProgram,
  logger: Logger,
  open: () => T,
): Promise<T & { readonly lock: StateFolderLock }> {
  const locked = await lockStateFolder(folder, program, logger);
  if (!locked.ok) throw new Error(locked.message);
  try {
    const opened = open();
    return { ...opened, store: lockedStore(opened.store, locked.lock), lock: locked.lock };
  } catch (error) {
    locked.lock.release();
    throw error;
  }
}
