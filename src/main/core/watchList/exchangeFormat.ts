import { clipText } from '../../../shared/format/clipText';
import { z } from 'zod';
import { finishedRunSchema, type FinishedRun } from '../../../shared/durations/finishedRun';
import { taskKindSchema } from '../../../shared/taskKinds';
import { watchedTaskSchema, type WatchedTask } from '../../../shared/watchedTask';

/**
 * The watch list's export file (version 1):
 *
 *   { "format": "camb-watch/watch-list", "version": 1, "exportedAt": "<ISO 8601>",
 *     "tasks": [ <WatchedTask>, ... ],             // most recently added first
 *     "finishedRuns": [ <FinishedRun>, ... ] }     // how long watched jobs took, oldest first
 *
 * Each task has every field of shared/watchedTask.ts, so an import restores its state, history and
 * whether it was notified. Import also accepts a bare JSON array of entries, and entries may be in the
 * minimal form `{ "kind": "story", "taskId": "…", "label": "…" }` (label optional), for lists written
 * by hand or by other tools. A future version must stay importable by bumping `version`.
 * `finishedRuns` (shared/durations/finishedRun.ts) came later within version 1: a file without it has no
 * duration history, and runs that do not fit are skipped, as they are only history.
 */
export const EXPORT_FORMAT = 'camb-watch/watch-list';
export const EXPORT_VERSION = 1;

export const labelSchema = z
  .string()
  .trim()
  .max(200, { error: 'A label can be at most 200 characters long.' })
  .transform((label) => (label === '' ? null : label));

const minimalEntrySchema = z.object({
  kind: taskKindSchema,
  taskId: z.string().trim().min(1, { error: 'The task id is empty.' }),
  label: labelSchema.nullish(),
});

export type ImportEntry =
  | { readonly form: 'full'; readonly task: WatchedTask }
  | {
      readonly form: 'minimal';
      readonly kind: WatchedTask['kind'];
      readonly taskId: string;
      readonly label: string | null;
    };

export function buildExport(
  tasks: readonly WatchedTask[],
  exportedAt: number,
  finishedRuns: readonly FinishedRun[] = [],
): string {
  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    tasks,
    finishedRuns,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What a value is, as a person would say it: "a number", "text", "a list". */
function kindOfValue(value: unknown): string {
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a true/false value';
    default:
      return 'an object';
  }
}

/** Not JSON at all: commas or tabs on the first line usually mean a spreadsheet export. */
function notJsonSentence(text: string): string {
  const firstLine = text.trimStart().split(/\r?\n/u, 1)[0] ?? '';
  const looksTabular = /[,;\t]/u.test(firstLine);
  return looksTabular
    ? 'This file is not JSON (it looks like a CSV or spreadsheet file), so it is not a CAMB Watch watch list.'
    : 'This file is not JSON (it looks like a text file), so it is not a CAMB Watch watch list.';
}

const NOT_A_WATCH_LIST = 'This is a JSON file, but not a CAMB Watch watch list:';

function quoteShort(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(clipText(text, 40));
}

type ImportEntries = { ok: true; entries: unknown[]; runs: FinishedRun[] } | { ok: false; reason: string };

/** The runs of an export file that fit; a file without them (or older) has none. */
function readRuns(runs: unknown): FinishedRun[] {
  if (!Array.isArray(runs)) return [];
  return runs.flatMap((run: unknown) => {
    const parsed = finishedRunSchema.safeParse(run);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The tasks of an object that claims to be (or may be) a watch-list file, or why it is not one. */
function readExportObject(file: Record<string, unknown>): ImportEntries {
  const { format, version, tasks } = file;
  if (format !== undefined && format !== EXPORT_FORMAT)
    return { ok: false, reason: `${NOT_A_WATCH_LIST} its "format" is ${quoteShort(format)}.` };
  if (format === EXPORT_FORMAT && version !== EXPORT_VERSION) {
    return {
      ok: false,
      reason:
        typeof version === 'number' && version > EXPORT_VERSION
          ? `This watch list was saved by a newer CAMB Watch (file version ${version}); update CAMB Watch to import it.`
          : `This watch list has a file version CAMB Watch does not know (${quoteShort(version ?? 'none')}), so it cannot be imported.`,
    };
  }
  if (tasks === undefined) return { ok: false, reason: `${NOT_A_WATCH_LIST} it has no "tasks" list.` };
  if (!Array.isArray(tasks))
    return { ok: false, reason: `${NOT_A_WATCH_LIST} its "tasks" is ${kindOfValue(tasks)}, not a list.` };
  return { ok: true, entries: tasks, runs: readRuns(file['finishedRuns']) };
}

/**
 * The entries of an import file, or one sentence saying what the file is and why it cannot be imported.
 * Accepts the export file, a bare list of entries, and an object with a "tasks" list.
 */
export function readImportEntries(text: string): ImportEntries {
  const content = text.replace(/^\uFEFF/u, '');
  if (content.trim() === '')
    return { ok: false, reason: 'This file is empty, so there is nothing to import.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { ok: false, reason: notJsonSentence(content) };
  }
  if (Array.isArray(parsed)) return { ok: true, entries: parsed, runs: [] };
  if (parsed === null || typeof parsed !== 'object')
    return { ok: false, reason: `${NOT_A_WATCH_LIST} it holds ${kindOfValue(parsed)}, not a list of tasks.` };
  return readExportObject(parsed as Record<string, unknown>);
}

/** Why an entry is not a task, in words: which field is missing or wrong, never the validator's output. */
export function entryProblem(entry: unknown): string {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
    return `it is ${kindOfValue(entry)}, not a task`;
  const { kind, taskId, label } = entry as Record<string, unknown>;
  if (kind === undefined && taskId === undefined)
    return 'it has no "kind" and no "taskId", so it is not a task';
  if (kind === undefined) return 'it has no "kind"';
  if (!taskKindSchema.safeParse(kind).success)
    return `its kind ${quoteShort(kind)} is not one CAMB Watch knows`;
  if (taskId === undefined) return 'it has no "taskId"';
  if (typeof taskId !== 'string') return `its "taskId" is ${kindOfValue(taskId)}, not text`;
  if (taskId.trim() === '') return 'its "taskId" is empty';
  if (label !== undefined && label !== null && typeof label !== 'string')
    return `its "label" is ${kindOfValue(label)}, not text`;
  if (typeof label === 'string' && label.trim().length > 200)
    return 'its label is longer than 200 characters';
  return 'it is not a task CAMB Watch can read';
}

/** A full exported task keeps its state; anything else must at least be a valid minimal entry. */
export function readImportEntry(
  entry: unknown,
): { ok: true; entry: ImportEntry } | { ok: false; reason: string } {
  // An entry without `addedAt` cannot be a full task: not asking spares building a refusal per entry, which
  // is most of the time a file of a hundred thousand minimal entries takes.
  const mayBeFull = typeof entry === 'object' && entry !== null && 'addedAt' in entry;
  const full = mayBeFull ? watchedTaskSchema.safeParse(entry) : null;
  if (full?.success === true) return { ok: true, entry: { form: 'full', task: full.data } };
  const minimal = minimalEntrySchema.safeParse(entry);
  if (minimal.success)
    return {
      ok: true,
      entry: {
        form: 'minimal',
        kind: minimal.data.kind,
        taskId: minimal.data.taskId,
        label: minimal.data.label ?? null,
      },
    };
  return { ok: false, reason: entryProblem(entry) };
}
