import { applyJournalLines } from './journalLine';
import { parseSnapshot, takeSnapshot } from './openWithRecovery';
import { emptyDocument, type PersistedDocument } from './persistedDocument';
import { peekJournalLines } from './replayJournal';
import { salvageDocument } from './salvage';

/**
 * The watch list as the app would have it on opening `documentFile`, read without changing anything: for
 * a reader beside a running app (the CLI's `wait`). The same steps as openWithRecovery, read-only: the
 * document's missing fields filled and what validates of it kept (salvageDocument; a damaged or absent
 * file counts as an empty list, as the app starts one), then the action journal's lines replayed
 * (applyJournalLines), so an action the app acknowledged that is still only in the journal is seen. Nothing
 * is migrated on disk, moved aside, locked or written: a running app keeps its folder lock and its files.
 */
export function readSavedDocument(documentFile: string): PersistedDocument {
  // The journal first: if the app writes the document and empties the journal between the two reads, the
  // newer document already holds those lines (it records the last one), so nothing acknowledged is missed.
  const lines = peekJournalLines(documentFile);
  return applyJournalLines(readDocument(documentFile), lines);
}

function readDocument(documentFile: string): PersistedDocument {
  const snapshot = takeSnapshot(documentFile);
  if (snapshot.kind !== 'bytes') return emptyDocument();
  const parsed = parseSnapshot(snapshot.bytes);
  if (!parsed.ok) return emptyDocument();
  const salvage = salvageDocument(parsed.value);
  return salvage.kind === 'unusable' ? emptyDocument() : salvage.document;
}
