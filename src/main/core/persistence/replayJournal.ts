import fs from 'node:fs';
import type { Logger } from '../logging/logger';
import { journalFileFor, openActionJournal, type ActionJournal } from './actionJournal';
import { applyJournalLines, readJournal, type ReadJournal } from './journalLine';
import type { DocumentStore } from './keyValueStore';
import { moveAside } from './moveAside';
import { MAX_STORE_BYTES, type PersistedDocument } from './persistedDocument';

const NOTHING: ReadJournal = { lines: [], refused: [], torn: false };

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? String(error);
}

/** The journal's lines; one too large to be CAMB Watch's is moved aside unread, as a document would be. */
function readJournalFile(file: string, now: number, logger: Logger): ReadJournal {
  try {
    if (fs.statSync(file).size > MAX_STORE_BYTES) {
      const movedTo = moveAside(file, null, now);
      logger.warn('The action journal is far larger than it can be and was moved aside unread.', { movedTo });
      return NOTHING;
    }
    return readJournal(fs.readFileSync(file));
  } catch (error) {
    if (codeOf(error) !== 'ENOENT')
      logger.warn(`The action journal could not be read (${codeOf(error)}); it was left out.`, {
        path: file,
      });
    return NOTHING;
  }
}

/** Says what was left out of the journal; never what a line held. */
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

/** A journal that takes no line: every action writes the document, which still records `lastSeq`. */
function unavailableJournal(lastSeq: number): ActionJournal {
  return { lastSeq, append: () => false, compact: () => {}, close: () => {} };
}

/**
 * Gives a store its action journal, after replaying it: the lines the document does not hold yet are
 * applied (a torn last line and unreadable lines left out, said in the log), the document is written, and
 * the journal is emptied. If that write fails, the replayed list is what the store reads until a write
 * succeeds, and the journal keeps its lines until then.
 */
export function attachActionJournal(
  store: DocumentStore,
  documentFile: string,
  now: number,
  logger: Logger,
): DocumentStore {
  const file = journalFileFor(documentFile);
  const read = readJournalFile(file, now, logger);
  reportSkipped(read, file, logger);
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
    journal = openActionJournal(file, lastSeq, logger, unsaved !== null);
  } catch (error) {
    logger.warn(
      `The action journal could not be opened (${codeOf(error)}): every action is saved by writing the whole watch list.`,
      { path: file },
    );
    journal = unavailableJournal(lastSeq);
  }
  return {
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
  };
}
