import fs from 'node:fs';
import type { Logger } from '../logging';
import { journalFileFor, openActionJournal, type ActionJournal } from './actionJournal';
import { applyJournalLines, readJournal, type JournalLine, type ReadJournal } from './journalLine';
import type { DocumentStore } from './keyValueStore';
import { moveAside } from './moveAside';
import { MAX_STORE_BYTES, megabytes, type PersistedDocument } from './persistedDocument';
import type { StoreRecovery } from './storeRecovery';
import { errorCode } from '../diskFaults';

const NOTHING: ReadJournal = { lines: [], refused: [], torn: false };

function codeOf(error: unknown): string {
  return errorCode(error) ?? String(error);
}

/** Says in the log what was left out of the journal; never what a line held. */
function reportSkipped(read: ReadJournal, file: string, logger: Logger): void {
  if (read.torn)
    logger.info(
      'The last line of the action journal was cut short (a crash while it was written, before the action was confirmed) and was left out.',
      { path: file },
    );
  if (read.refused.length > 0)
    logger.warn(
      `${read.refused.length === 1 ? 'A line' : `${read.refused.length} lines`} of the action journal could not be read and ${read.refused.length === 1 ? 'was' : 'were'} left out.`,
      { path: file, lines: read.refused.join(', ') },
    );
}

/** What the user is told when the journal had to be set aside; the banner adds where it was kept. */
const WHAT_TO_DO =
  'If a task or setting you changed just before CAMB Watch last stopped is missing, make that change again.';

function setAside(file: string, now: number, reason: string, logger: Logger): StoreRecovery | null {
  try {
    const movedTo = moveAside(file, null, now);
    logger.warn('The action journal was set aside.', { movedTo });
    return { movedTo, reason: `${reason} ${WHAT_TO_DO}`, droppedTasks: 0 };
  } catch (error) {
    // Not moved: it is left where it is, and not opened, so nothing in it is written over.
    logger.error(`The action journal could not be set aside (${codeOf(error)}).`, { path: file });
    return null;
  }
}

type LoadedJournal =
  | { readonly kind: 'absent' }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'unreadable'; readonly code: string }
  | { readonly kind: 'read'; readonly read: ReadJournal };

/** The journal's lines as the file holds them; nothing is moved, written or logged. */
function loadJournalFile(file: string): LoadedJournal {
  try {
    const { size } = fs.statSync(file);
    if (size > MAX_STORE_BYTES) return { kind: 'too-large', size };
    return { kind: 'read', read: readJournal(fs.readFileSync(file)) };
  } catch (error) {
    return codeOf(error) === 'ENOENT' ? { kind: 'absent' } : { kind: 'unreadable', code: codeOf(error) };
  }
}

/**
 * The lines of the journal beside `documentFile` that the app would replay at its next start, read
 * without touching the file: for a reader beside a running app (readSavedDocument). A journal the app
 * would set aside unread gives none; one with lines it cannot read gives the others, as the app applies them.
 */
export function peekJournalLines(documentFile: string): readonly JournalLine[] {
  const loaded = loadJournalFile(journalFileFor(documentFile));
  return loaded.kind === 'read' ? loaded.read.lines : [];
}

interface JournalRead {
  readonly read: ReadJournal;
  /** The journal was set aside (its lines cannot all be used): what the user is told. */
  readonly recovery: StoreRecovery | null;
  /** The journal could not be read or set aside: it must not be opened (that would empty it). */
  readonly keepAway: boolean;
}

/**
 * The journal's lines. One that cannot be used whole is set aside (`.corrupt-<time>`, as a document is)
 * before anything writes over it, and the user is told: too large to be CAMB Watch's (not read at all), or
 * holding lines that had to be left out (the ones that can be read are still applied: each holds what an
 * action left, whole). A last line cut short is no reason: it is what a crash while writing leaves (an
 * action never acknowledged), so it is only logged.
 */
function readJournalFile(file: string, now: number, logger: Logger): JournalRead {
  const loaded = loadJournalFile(file);
  if (loaded.kind === 'absent') return { read: NOTHING, recovery: null, keepAway: false };
  if (loaded.kind === 'too-large') {
    const recovery = setAside(
      file,
      now,
      `The list of recent changes kept beside the watch list was ${megabytes(loaded.size)}, far larger than CAMB Watch writes it, so it was set aside unread.`,
      logger,
    );
    return { read: NOTHING, recovery, keepAway: recovery === null };
  }
  if (loaded.kind === 'unreadable') {
    logger.warn(`The action journal could not be read (${loaded.code}).`, { path: file });
    const recovery = setAside(
      file,
      now,
      'The list of recent changes kept beside the watch list could not be read, so it was set aside.',
      logger,
    );
    return { read: NOTHING, recovery, keepAway: recovery === null };
  }
  const { read } = loaded;
  reportSkipped(read, file, logger);
  if (read.refused.length === 0) return { read, recovery: null, keepAway: false };
  const count = read.refused.length;
  const recovery = setAside(
    file,
    now,
    `${count === 1 ? 'One recent change' : `${count} recent changes`} could not be read back (damaged, edited, or written by a newer version of CAMB Watch) and ${count === 1 ? 'was' : 'were'} left out${read.lines.length > 0 ? '; the others were kept' : ''}. The list of recent changes was set aside unchanged.`,
    logger,
  );
  return { read, recovery, keepAway: recovery === null };
}

/** A journal that takes no line: every action writes the document, which still records `lastSeq`. */
function unavailableJournal(lastSeq: number): ActionJournal {
  return { lastSeq, append: () => false, compact: () => {}, close: () => {} };
}

export interface AttachedJournal {
  readonly store: DocumentStore;
  /** The journal was set aside: what the user is told, with where it was kept. */
  readonly recovery: StoreRecovery | null;
}

/**
 * Gives a store its action journal, after replaying it: the lines the document does not hold yet are
 * applied, the document is written, and the journal is emptied. Lines numbered at or below what the
 * document records are passed over without a word: they are what a crash between writing the document and
 * emptying the journal leaves, and the document already holds them (each line is a state, not a step). A
 * journal holding lines that cannot be used is set aside first and reported (readJournalFile). If the
 * write fails, the replayed list is what the store reads until a write succeeds, and the journal keeps its
 * lines until then.
 */
export function attachActionJournal(
  store: DocumentStore,
  documentFile: string,
  now: number,
  logger: Logger,
): AttachedJournal {
  const file = journalFileFor(documentFile);
  const { read, recovery, keepAway } = readJournalFile(file, now, logger);
  const document = store.store;
  const replayed = applyJournalLines(document, read.lines);
  // Numbers are never reused, even those of lines the document already holds.
  const lastSeq = Math.max(replayed.journalSeq ?? 0, ...read.lines.map((line) => line.seq));
  let unsaved: PersistedDocument | null = null;
  if (replayed.journalSeq !== (document.journalSeq ?? 0)) {
    try {
      store.store = replayed;
      logger.info('Actions from the action journal were added to the saved watch list.', {
        lines: read.lines.length,
      });
    } catch (error) {
      unsaved = replayed;
      logger.error(
        `The watch list could not be saved after replaying the action journal (${codeOf(error)}); it is kept until it can be.`,
        { path: store.path },
      );
    }
  }

  let journal: ActionJournal;
  try {
    if (keepAway) throw Object.assign(new Error('the journal could not be set aside'), { code: 'EIO' });
    journal = openActionJournal(file, lastSeq, logger, unsaved !== null);
  } catch (error) {
    logger.warn(
      `The action journal could not be opened (${codeOf(error)}): every action is saved by writing the whole watch list.`,
      { path: file },
    );
    journal = unavailableJournal(lastSeq);
  }
  return {
    recovery,
    store: {
      get path() {
        return store.path;
      },
      get store() {
        return unsaved ?? store.store;
      },
      set store(value: PersistedDocument) {
        store.store = value;
        unsaved = null;
      },
      journal,
    },
  };
}
