import { z } from 'zod';
import { settingsSchema, type Settings } from '../../../shared/settings';
import { taskKey, watchedTaskSchema, type TaskKey, type WatchedTask } from '../../../shared/watchedTask';
import { fillDocumentDefaults, isPlainObject } from './migrations';
import { MAX_JOURNAL_SEQ, type PersistedDocument } from './persistedDocument';

/**
 * What one user action left behind: the tasks as they now are, the tasks now gone, the settings as they
 * now are. The state, never the intent ("rename to X", not "rename"): replaying a line twice, or over a
 * document that already holds it, gives the same list.
 */
export interface JournalChange {
  readonly put?: readonly WatchedTask[];
  readonly delete?: readonly TaskKey[];
  readonly settings?: Settings;
}

export interface JournalLine extends JournalChange {
  /** Numbers lines in the order they were written; the document records the last one it includes. */
  readonly seq: number;
}

/**
 * A line is one user action: a task is at most a few hundred kB (every text in it is bounded), so a line
 * beyond this holds many tasks (a large import) and the action is saved by writing the whole document.
 */
export const MAX_JOURNAL_LINE_BYTES = 1024 * 1024;

/** Far longer than any task key (the id schema bounds ids); a bound, so a line cannot hold a huge one. */
const KEY_LIMIT = 1_000;

const journalLineSchema = z.object({
  seq: z.number().int().positive().max(MAX_JOURNAL_SEQ),
  put: z.array(watchedTaskSchema).optional(),
  delete: z.array(z.string().max(KEY_LIMIT)).optional(),
  settings: settingsSchema.optional(),
});

/** The line as written (with its newline), or null when it is larger than a line may be. */
export function encodeJournalLine(line: JournalLine): Buffer | null {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
  return bytes.length > MAX_JOURNAL_LINE_BYTES ? null : bytes;
}

/** A line written by an older version lacks fields added since: they get their defaults, as a document's do. */
function parseLine(text: string): JournalLine | null {
  if (Buffer.byteLength(text, 'utf8') > MAX_JOURNAL_LINE_BYTES) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isPlainObject(raw)) return null;
  const filled = fillDocumentDefaults({ tasks: raw['put'] ?? [], settings: raw['settings'] ?? {} });
  const parsed = journalLineSchema.safeParse({
    ...raw,
    ...(raw['put'] === undefined ? {} : { put: filled['tasks'] }),
    ...(raw['settings'] === undefined ? {} : { settings: filled['settings'] }),
  });
  return parsed.success ? (parsed.data as JournalLine) : null;
}

export interface ReadJournal {
  /** The lines that could be read, in the order they were written. */
  readonly lines: JournalLine[];
  /**
   * 1-based numbers of whole lines left out: not a journal line (damaged, edited, too large, written by a
   * newer version with fields this one refuses, a number out of bounds), or numbered at or below a line
   * before it (lines are only ever written in rising order: another writer, or an edit).
   */
  readonly refused: number[];
  /** Whether the last line was cut short: a crash while it was written, before its action was acknowledged. */
  readonly torn: boolean;
}

/**
 * Splits a journal into its lines, which end at the first zero byte (the file is allocated ahead in zeros);
 * only a line ended by a newline was written whole.
 */
export function readJournal(bytes: Buffer): ReadJournal {
  const end = bytes.indexOf(0);
  const parts = bytes.toString('utf8', 0, end === -1 ? bytes.length : end).split('\n');
  const tail = parts.pop() ?? '';
  const lines: JournalLine[] = [];
  const refused: number[] = [];
  parts.forEach((part, index) => {
    if (part.trim() === '') return;
    const line = parseLine(part);
    const previous = lines.at(-1)?.seq ?? 0;
    if (line === null || line.seq <= previous) refused.push(index + 1);
    else lines.push(line);
  });
  return { lines, refused, torn: tail.trim() !== '' };
}

/**
 * The document with every line above the seq it records applied in order (deletions, then the tasks put);
 * a task put that is already listed keeps its place. Records the last seq applied.
 */
export function applyJournalLines(
  document: PersistedDocument,
  lines: readonly JournalLine[],
): PersistedDocument {
  const after = document.journalSeq ?? 0;
  const tasks = new Map<string, WatchedTask>();
  for (const task of document.tasks) tasks.set(taskKey(task.kind, task.taskId), task);
  let settings = document.settings;
  let journalSeq = after;
  for (const line of lines) {
    if (line.seq <= after) continue;
    for (const key of line.delete ?? []) tasks.delete(key);
    for (const task of line.put ?? []) tasks.set(taskKey(task.kind, task.taskId), task);
    if (line.settings !== undefined) settings = line.settings;
    journalSeq = Math.max(journalSeq, line.seq);
  }
  return { ...document, tasks: [...tasks.values()], settings, journalSeq };
}
