import { finishedRunSchema, type FinishedRun } from '../../../shared/durations/finishedRun';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/settings';
import { clipText } from '../../../shared/format/clipText';
import {
  LABEL_LIMIT,
  TEXT_LIMIT,
  taskKey,
  watchedTaskSchema,
  type WatchedTask,
} from '../../../shared/watchedTask';
import { fillDocumentDefaults, isPlainObject } from './migrations';
import { emptyDocument, persistedDocumentSchema, type PersistedDocument } from './persistedDocument';

export type SalvageResult =
  | { readonly kind: 'valid'; readonly document: PersistedDocument }
  | {
      readonly kind: 'partial';
      readonly document: PersistedDocument;
      readonly droppedTasks: number;
      readonly settingsReset: boolean;
      /** Why single settings went back to their defaults (the others were kept), in words. */
      readonly settingsProblems: readonly string[];
    }
  | { readonly kind: 'unusable'; readonly problem: string };

/** Texts CAMB.AI sent (or a user typed) before they had a bound: cut to it, rather than losing the task. */
const CLIPPED_TEXTS = ['status', 'exceptionReason', 'message', 'lastProblem', 'stoppedReason'] as const;

function withTextsClipped(entry: unknown): unknown {
  if (!isPlainObject(entry)) return entry;
  const clipped: Record<string, unknown> = { ...entry };
  for (const field of CLIPPED_TEXTS) {
    const value = clipped[field];
    if (typeof value === 'string') clipped[field] = clipText(value, TEXT_LIMIT);
  }
  if (typeof clipped['label'] === 'string') clipped['label'] = clipText(clipped['label'], LABEL_LIMIT);
  return clipped;
}

/** What resetting a setting means to the person, where the setting's name alone would not say it. */
const RESET_WORDS: Partial<Readonly<Record<keyof Settings, string>>> = {
  quietHours: 'Quiet hours were turned off',
};

/**
 * Keeps every setting that validates and puts the default in place of each one that does not, saying why
 * in the schema's own words: a bad quiet-hours time loses neither the sounds nor the list order.
 */
function salvageSettings(raw: unknown): { settings: Settings; problems: string[] } | null {
  if (!isPlainObject(raw)) return null;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  for (const [name, field] of Object.entries(settingsSchema.shape)) {
    const parsed = field.safeParse(raw[name]);
    if (parsed.success) settings[name] = parsed.data;
    else {
      const reset = RESET_WORDS[name as keyof Settings] ?? `The setting “${name}” went back to its default`;
      const reason = parsed.error.issues[0]?.message ?? 'Its value is not valid.';
      problems.push(`${reset}: ${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/u, '')}`);
    }
  }
  const whole = settingsSchema.safeParse(settings);
  return whole.success ? { settings: whole.data, problems } : null;
}

/**
 * Keeps whatever can be kept of a parsed store document: every task that validates (first one wins
 * for a duplicate kind + id) and the settings if they validate, else the defaults. Documents that are
 * not an object holding a list of tasks are unusable: nothing in them can be trusted.
 */
export function salvageDocument(raw: unknown): SalvageResult {
  if (!isPlainObject(raw)) return { kind: 'unusable', problem: 'it is not a JSON object' };
  const filled = fillDocumentDefaults(raw);
  const whole = persistedDocumentSchema.safeParse(filled);
  if (whole.success) return { kind: 'valid', document: whole.data };
  if (!Array.isArray(filled.tasks)) return { kind: 'unusable', problem: 'it holds no list of tasks' };

  const tasks: WatchedTask[] = [];
  const seen = new Set<string>();
  let droppedTasks = 0;
  for (const entry of filled.tasks) {
    const task = watchedTaskSchema.safeParse(withTextsClipped(entry));
    if (!task.success || seen.has(taskKey(task.data.kind, task.data.taskId))) {
      droppedTasks += 1;
      continue;
    }
    seen.add(taskKey(task.data.kind, task.data.taskId));
    tasks.push(task.data);
  }
  const settings = salvageSettings(filled.settings);
  // Durations are only history: the runs that fit are kept, the others dropped without a word.
  const finishedRuns: FinishedRun[] = Array.isArray(filled.finishedRuns)
    ? filled.finishedRuns.flatMap((run: unknown) => {
        const parsed = finishedRunSchema.safeParse(run);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  // Kept, so journal lines the damaged file already held are not replayed over what was salvaged.
  const journalSeq = persistedDocumentSchema.shape.journalSeq.safeParse(filled.journalSeq);
  return {
    kind: 'partial',
    document: {
      tasks,
      settings: settings?.settings ?? emptyDocument().settings,
      finishedRuns,
      ...(journalSeq.success && journalSeq.data !== undefined ? { journalSeq: journalSeq.data } : {}),
    },
    droppedTasks,
    settingsReset: settings === null,
    settingsProblems: settings?.problems ?? [],
  };
}
