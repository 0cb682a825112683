import fs from 'node:fs';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { DocumentStore } from './keyValueStore';
import { MAX_STORE_BYTES, megabytes, type PersistedDocument } from './persistedDocument';
import { describeWriteFailure } from './diskFailure';
import { attachActionJournal } from './replayJournal';
import { moveAside } from './moveAside';
import type { StoreRecovery } from './storeRecovery';
import { plural } from '../../../shared/format/sentence';

export type { StoreRecovery };
import { salvageDocument, type SalvageResult } from './salvage';

export interface OpenedStore {
  readonly store: DocumentStore;
  /** Null when the file was fine (or absent). */
  readonly recovery: StoreRecovery | null;
}

export interface OpenWithRecoveryOptions {
  /** The file `createStore` reads; it must be known up front because a failing factory returns nothing. */
  readonly filePath: string;
  /** Creates the conf-like store, e.g. `() => new Conf({...documentStoreOptions, cwd, configName})`. */
  readonly createStore: () => DocumentStore;
  readonly clock: Clock;
  readonly logger: Logger;
}

class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

export type Snapshot =
  { kind: 'absent' } | { kind: 'bytes'; bytes: Buffer } | { kind: 'unreadable'; problem: string };

export { MAX_STORE_BYTES };

/** The document file's bytes, or why there are none; nothing is moved or written. */
export function takeSnapshot(filePath: string): Snapshot {
  try {
    const { size } = fs.statSync(filePath);
    if (size > MAX_STORE_BYTES) {
      return {
        kind: 'unreadable',
        problem: `it is ${megabytes(size)}, far larger than a watch list can be (at most ${megabytes(MAX_STORE_BYTES)})`,
      };
    }
    return { kind: 'bytes', bytes: fs.readFileSync(filePath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    return {
      kind: 'unreadable',
      problem: code === undefined ? 'it could not be read' : `reading it failed (${code})`,
    };
  }
}

export function parseSnapshot(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    // Editors may save a byte order mark; conf skips it too.
    return { ok: true, value: JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false };
  }
}

/** What can be kept of a damaged file, and why it was damaged. */
interface Diagnosis {
  readonly problem: string;
  readonly kept: PersistedDocument | null;
  readonly droppedTasks: number;
  readonly settingsReset: boolean;
  readonly settingsProblems?: readonly string[];
}

function unusable(problem: string): Diagnosis {
  return { problem, kept: null, droppedTasks: 0, settingsReset: false };
}

/** Turns a salvage of contents that were refused into a diagnosis; contents zod accepts were incomplete. */
function fromSalvage(salvage: SalvageResult): Diagnosis {
  switch (salvage.kind) {
    case 'unusable':
      return unusable(salvage.problem);
    case 'valid':
      return {
        problem: 'some of its entries were incomplete',
        kept: salvage.document,
        droppedTasks: 0,
        settingsReset: false,
      };
    case 'partial':
      return {
        problem:
          salvage.droppedTasks === 0 && !salvage.settingsReset && salvage.settingsProblems.length > 0
            ? 'a setting in it is not valid'
            : 'some of its entries are damaged',
        kept: salvage.document,
        droppedTasks: salvage.droppedTasks,
        settingsReset: salvage.settingsReset,
        settingsProblems: salvage.settingsProblems,
      };
  }
}

function describe(diagnosis: Diagnosis, movedTo: string): string {
  const start = `The saved watch list could not be used as it was: ${diagnosis.problem}. It was moved to ${movedTo}`;
  if (diagnosis.kept === null) return `${start} and the list starts empty.`;
  const parts = [`${plural(diagnosis.kept.tasks.length, 'task was', 'tasks were')} kept`];
  if (diagnosis.droppedTasks > 0)
    parts.push(`${plural(diagnosis.droppedTasks, 'damaged task was', 'damaged tasks were')} dropped`);
  if (diagnosis.settingsReset) parts.push('the settings were reset to their defaults');
  const settingProblems = diagnosis.settingsProblems ?? [];
  if (settingProblems.length > 0) parts.push(`the other settings were kept. ${settingProblems.join('. ')}`);
  return `${start}; ${parts.join(', ')}.`;
}

/** File-system failures (EACCES, EROFS, ENOSPC, ...) carry a code; they are about the place, not the contents. */
function isFileSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | null)?.code === 'string';
}

/**
 * Opens a conf-compatible document store (conf for the CLI and tests, electron-store in the shell)
 * and never lets a damaged file stop the app or vanish: a file that cannot be read, is not JSON or does
 * not match the schema is moved aside, whatever of it validates is kept, and the recovery is reported.
 * Files that are not a JSON object are moved before the store sees them, because conf reads them as
 * an empty store and would write over them. A failure that is not about the file's contents (a folder
 * that cannot be written, a bad option) is thrown, with the file left in place. The store comes with its
 * action journal (`watch-list.journal` beside the document), replayed into the document first.
 */
export function openWithRecovery(options: OpenWithRecoveryOptions): OpenedStore {
  const opened = openDocument(options);
  const { filePath, clock, logger } = options;
  const attached = attachActionJournal(opened.store, filePath, clock.now(), logger);
  return { store: attached.store, recovery: bothRecoveries(opened.recovery, attached.recovery) };
}

/**
 * One notice for the user when both the document and the journal were set aside: the document's place
 * is the one the notice names, the journal's is said in the sentence.
 */
function bothRecoveries(document: StoreRecovery | null, journal: StoreRecovery | null): StoreRecovery | null {
  if (document === null || journal === null) return document ?? journal;
  return {
    ...document,
    reason: `${document.reason} ${journal.reason} (It was kept at ${journal.movedTo ?? 'its place'}.)`,
  };
}

function openDocument(options: OpenWithRecoveryOptions): OpenedStore {
  const { filePath, createStore, clock, logger } = options;
  const snapshot = takeSnapshot(filePath);

  const recover = (diagnosis: Diagnosis): OpenedStore => {
    const original = snapshot.kind === 'bytes' ? snapshot.bytes : null;
    const movedTo = moveAside(filePath, original, clock.now());
    let store: DocumentStore;
    try {
      store = createStore();
      if (diagnosis.kept !== null) store.store = diagnosis.kept;
    } catch (error) {
      throw new StoreOpenError(
        `The damaged watch list was moved to ${movedTo}, but a new one could not be created at ${filePath}: ${errorText(error)}`,
      );
    }
    const recovery: StoreRecovery = {
      movedTo,
      reason: describe(diagnosis, movedTo),
      droppedTasks: diagnosis.droppedTasks,
    };
    logger.warn(recovery.reason, { movedTo });
    return { store, recovery };
  };

  let parsed: unknown = undefined;
  if (snapshot.kind === 'unreadable') return recover(unusable(snapshot.problem));
  if (snapshot.kind === 'bytes') {
    const result = parseSnapshot(snapshot.bytes);
    if (!result.ok) return recover(unusable('it is not valid JSON (the file is damaged or was cut short)'));
    if (typeof result.value !== 'object' || result.value === null || Array.isArray(result.value))
      return recover(unusable('it is not a JSON object'));
    parsed = result.value;
  }

  let store: DocumentStore;
  try {
    store = createStore();
  } catch (error) {
    if (snapshot.kind === 'absent' || isFileSystemError(error))
      throw new StoreOpenError(
        `The watch list at ${filePath} could not be opened: ${isFileSystemError(error) ? `${describeWriteFailure(error)}.` : errorText(error)}`,
      );
    // conf refused the contents (schema, migration): keep what the file holds that validates.
    return recover(fromSalvage(salvageDocument(parsed)));
  }
  // A store without a schema of its own (or a looser one) is checked here too.
  const salvage = salvageDocument(store.store);
  if (salvage.kind === 'valid') return { store, recovery: null };
  return recover(fromSalvage(salvage));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
