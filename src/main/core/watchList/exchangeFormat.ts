import { z } from 'zod';
import { taskKindSchema } from '../../../shared/taskKinds';
import { watchedTaskSchema, type WatchedTask } from '../../../shared/watchedTask';

/**
 * The watch list's export file (version 1):
 *
 *   { "format": "camb-watch/watch-list", "version": 1, "exportedAt": "<ISO 8601>",
 *     "tasks": [ <WatchedTask>, ... ] }            // most recently added first
 *
 * Each task has every field of shared/watchedTask.ts, so an import restores its state, history and
 * whether it was notified. Import also accepts a bare JSON array of entries, and entries may be in the
 * minimal form `{ "kind": "story", "taskId": "…", "label": "…" }` (label optional), for lists written
 * by hand or by other tools. A future version must stay importable by bumping `version`.
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

const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION, {
    error: `Only version ${EXPORT_VERSION} watch-list files can be imported.`,
  }),
  tasks: z.array(z.unknown()),
});

export function buildExport(tasks: readonly WatchedTask[], exportedAt: number): string {
  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    tasks,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The entries of an import file, or a sentence saying why the file as a whole cannot be read. */
export function readImportEntries(
  text: string,
): { ok: true; entries: unknown[] } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'The file is not valid JSON.' };
  }
  if (Array.isArray(parsed)) return { ok: true, entries: parsed };
  const file = exportFileSchema.safeParse(parsed);
  if (file.success) return { ok: true, entries: file.data.tasks };
  return {
    ok: false,
    reason:
      'The file is neither a CAMB Watch export nor a list of tasks: ' +
      z.prettifyError(file.error).replaceAll('\n', ' '),
  };
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'The entry is not valid.';
  const field = issue.path.map(String).join('.');
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}

/** A full exported task keeps its state; anything else must at least be a valid minimal entry. */
export function readImportEntry(
  entry: unknown,
): { ok: true; entry: ImportEntry } | { ok: false; reason: string } {
  const full = watchedTaskSchema.safeParse(entry);
  if (full.success) return { ok: true, entry: { form: 'full', task: full.data } };
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
  return { ok: false, reason: issueText(minimal.error) };
}
