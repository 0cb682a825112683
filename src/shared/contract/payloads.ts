import { z } from 'zod';
import { keyCheckSchema, serviceStateSchema } from '../serviceState';
import { settingsSchema } from '../settings';
import { windowShortcutSchema } from '../windowShortcut';
import { taskKindSchema } from '../taskKinds';
import { updateStateSchema } from '../updateState';
import { LABEL_LIMIT, parseTaskKey, watchedTaskSchema, type TaskKey } from '../watchedTask';
import { durationModelsSchema } from '../durations/durationModel';

/**
 * The shapes that travel between the UI and the app. Everything here is data the renderer may see: the API
 * key only ever travels towards main (setApiKey, testApiKey), never back.
 */

/** "story:1234…": a kind, a colon and a non-empty id; whether such a task is watched is the handler's business. */
export const taskKeySchema = z
  .string({ error: 'A task key must be text' })
  .max(200, { error: 'A task key is at most 200 characters' })
  .refine((key) => parseTaskKey(key) !== null, {
    error: 'A task key is "<kind>:<task id>" with a known kind',
  })
  .transform((key) => key as TaskKey);

export const taskKeyRequestSchema = z.object({ key: taskKeySchema }).strict();

/** Labels are shown in menus and notifications: one line of reasonable length. */
export const labelSchema = z
  .string({ error: 'A label must be text' })
  .max(LABEL_LIMIT, { error: `A label is at most ${LABEL_LIMIT} characters` })
  .transform((label) => label.replace(/\s+/gu, ' ').trim())
  .transform((label) => (label === '' ? null : label));

export const addTaskRequestSchema = z
  .object({
    kind: taskKindSchema,
    /** What the user pasted: a bare id or the JSON a create call returns; the core parses it. */
    taskId: z.string({ error: 'The task id must be text' }).max(100_000, {
      error: 'That is too much text to be a task id or the answer of a create call',
    }),
    label: labelSchema.nullable().optional(),
  })
  .strict();

export const addTaskResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), task: watchedTaskSchema, added: z.boolean() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export const taskOrNullSchema = z.object({ task: watchedTaskSchema.nullable() });

export const resultLinkSchema = z.object({ name: z.string(), url: z.string() });

export const transcriptSegmentSchema = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  speaker: z.string().nullable(),
});

/**
 * The result's audio for the details' inline player, named by its link: the link the app checked (https on
 * CAMB.AI's hosts, as the page's media-src), or why it does not play here.
 */
export const resultPlayerSchema = z.union([
  z.object({ name: z.string(), url: z.string() }).strict(),
  z.object({ name: z.string(), refused: z.string() }).strict(),
]);

/** A finished task's output, fetched when asked: links expire after about a day and are never cached. */
export const resultViewSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    runId: z.union([z.number(), z.string()]),
    links: z.array(resultLinkSchema),
    /** Absent for a kind whose result is not audio to play (a dub, a translation…). */
    player: resultPlayerSchema.optional(),
    texts: z.array(z.string()),
    transcript: z.array(transcriptSegmentSchema),
  }),
  z.object({
    ok: z.literal(false),
    /** Lets the UI ask for a target language when a translated story needs one. */
    needsTargetLanguage: z.boolean(),
    message: z.string(),
  }),
]);

export const languageCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/u, { error: 'A target language is a code such as "fr" or "es-mx"' });

export const resultRequestSchema = z
  .object({ key: taskKeySchema, targetLanguage: languageCodeSchema.optional() })
  .strict();

/** Which of a result's links to act on; the first when unnamed. */
export const resultLinkRequestSchema = resultRequestSchema
  .extend({ linkName: z.string().max(200).optional() })
  .strict();

export const actionOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: z.string() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/**
 * What "Check now" did: checked at once (ok), or why it could not, in words. `resumesAt` is when checking
 * can start again by itself (a rate limit), for the window to say in its own words; null otherwise.
 */
export const checkNowOutcomeSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  resumesAt: z.number().nullable(),
});

export type CheckNowOutcome = z.infer<typeof checkNowOutcomeSchema>;

/**
 * A result opened: in the web host (a browser page, no desktop to hand the link to) main gives the
 * checked link back in `openInPage`, and the page opens it in a new tab.
 */
export const resultOpenedSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: z.string(), openInPage: z.string().optional() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/** Save a result's text as a file in the Downloads folder, in one of the formats it allows. */
export const resultTextRequestSchema = resultRequestSchema
  .extend({ format: z.enum(['txt', 'srt', 'vtt'], { error: 'A text file is .txt, .srt or .vtt' }) })
  .strict();

/** "Show in folder" or Cancel for a download, named by its id: main knows where it put the file. */
export const downloadedFileRequestSchema = z
  .object({ downloadId: z.string().max(100, { error: 'A download id is at most 100 characters' }) })
  .strict();

export const downloadStartedSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), downloadId: z.string(), fileName: z.string() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

export const externalLinkRequestSchema = z
  .object({ url: z.string().max(8192, { error: 'That link is too long' }) })
  .strict();

/**
 * The window shortcut is not among them: setWindowShortcut claims it from the system first; nor is Do not
 * disturb's end, which setDoNotDisturb works out on the core's clock.
 */
export const settingsChangesSchema = settingsSchema
  .omit({ windowShortcut: true, doNotDisturbUntil: true })
  .partial()
  .strict();

export const doNotDisturbRequestSchema = z.object({ choice: z.enum(['hour', 'tomorrow', 'off']) }).strict();

export const changeTaskKindRequestSchema = z.object({ key: taskKeySchema, kind: taskKindSchema }).strict();

/**
 * `merged`: that kind and id were already watched; this task went and `task` is the one that was there,
 * with this one's label (when it had none) and mute. `removed` and `replaced` are the records before the
 * change, so an Undo can put them back.
 */
export const changeTaskKindResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    task: watchedTaskSchema,
    merged: z.boolean(),
    removed: watchedTaskSchema,
    replaced: watchedTaskSchema.nullable(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export const windowShortcutRequestSchema = z.object({ shortcut: windowShortcutSchema.nullable() }).strict();

/** The key on its way in. It is validated in main (parseApiKey); here only its size is bounded. */
export const apiKeyRequestSchema = z
  .object({ apiKey: z.string({ error: 'The API key must be text' }).max(4096) })
  .strict();

/** Saving a key: CAMB.AI tries it first; one it rejects is saved only with `saveEvenIfRejected`. */
export const setApiKeyRequestSchema = apiKeyRequestSchema
  .extend({ saveEvenIfRejected: z.boolean().optional() })
  .strict();

export const keyTestRequestSchema = z
  .object({ apiKey: z.string({ error: 'The API key must be text' }).max(4096).optional() })
  .strict();

export const keyTestOutcomeSchema = z.object({
  verdict: z.enum(['works', 'rejected', 'inconclusive']),
  message: z.string(),
});

/** Where the key is kept and whether the place works; never the key. */
export const keyStatusSchema = z.object({
  present: z.boolean(),
  /** 'OS keychain', 'encrypted app storage', 'environment', or null when no key is set. */
  where: z.string().nullable(),
  /** Where a key typed into Settings would be saved. */
  storeWhere: z.string(),
  /** Why that place cannot be used right now, or null. */
  storeProblem: z.string().nullable(),
  /** What CAMB.AI said of the key in use: works, rejected, not-checked (yet); null when not known. */
  check: keyCheckSchema.nullable(),
});

export const keyChangeOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: z.string(), status: keyStatusSchema }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/** `rejectedByCamb`: CAMB.AI refused the key and nothing was saved; the UI may offer to save it anyway. */
export const setKeyOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: z.string(), status: keyStatusSchema }),
  z.object({ ok: z.literal(false), message: z.string(), rejectedByCamb: z.boolean() }),
]);

export const exportedWatchListSchema = z.object({ json: z.string(), suggestedFileName: z.string() });

export const importRequestSchema = z
  .object({ json: z.string().max(20_000_000, { error: 'That file is too large to be a watch list' }) })
  .strict();

export const importReportSchema = z.object({
  added: z.array(taskKeySchema),
  alreadyWatched: z.array(taskKeySchema),
  rejected: z.array(z.object({ index: z.number().nullable(), reason: z.string() })),
});

export const storeRecoverySchema = z.object({
  movedTo: z.string().nullable(),
  reason: z.string(),
  droppedTasks: z.number(),
});

/**
 * When a task is next checked, as the scheduler plans it: null when no check is planned (finished,
 * stopped, in flight, or removed). Never saved: the plan is remade at every start.
 */
export const plannedCheckSchema = z.object({ key: taskKeySchema, nextCheckAt: z.number().nullable() });
export type PlannedCheck = z.infer<typeof plannedCheckSchema>;

export const appSnapshotSchema = z.object({
  tasks: z.array(watchedTaskSchema),
  state: serviceStateSchema,
  settings: settingsSchema,
  keyStatus: keyStatusSchema,
  /** The watch list was damaged at start and moved aside. */
  storeRecovery: storeRecoverySchema.nullable(),
  /** The core's clock: the UI measures ages against it, not against its own. */
  now: z.number(),
  /** 'electron' or 'web' (the development host): the UI words a few things differently. */
  host: z.enum(['electron', 'web']),
  updates: updateStateSchema,
  /** What the app has learned of how long each kind of job takes; estimates are computed from it. */
  durations: durationModelsSchema,
  /** Every task with a check planned, and when; later changes arrive as `nextChecks` events. */
  nextChecks: z.array(plannedCheckSchema),
});

export const emptySchema = z.object({}).strict();

/** How many days the Insights view looks back. */
export const INSIGHTS_DAYS = 30;

/**
 * Per kind, the jobs that finished while watched in the last INSIGHTS_DAYS days (core clock): `runs` holds
 * those whose duration is known, oldest first; `succeeded` and `failed` count every ending, including jobs
 * already finished when first checked (whose duration is not known, so they have no run). Only kinds with
 * at least one ending are listed, in the order of the kind table.
 */
export const insightsSchema = z.object({
  since: z.number(),
  kinds: z.array(
    z.object({
      kind: taskKindSchema,
      runs: z.array(z.object({ durationMs: z.number(), finishedAt: z.number(), succeeded: z.boolean() })),
      succeeded: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
    }),
  ),
});

export type Insights = z.infer<typeof insightsSchema>;

export type AppSnapshot = z.infer<typeof appSnapshotSchema>;
export type ResultView = z.infer<typeof resultViewSchema>;
export type ResultPlayer = z.infer<typeof resultPlayerSchema>;
export type KeyStatus = z.infer<typeof keyStatusSchema>;
export type StoreRecoveryView = z.infer<typeof storeRecoverySchema>;

/** As many tasks as a large watch list holds: a multi-selection, or everything "Clear finished" took. */
const MANY_TASKS = 10_000;

export const taskKeysRequestSchema = z
  .object({
    keys: z
      .array(taskKeySchema)
      .max(MANY_TASKS, { error: `At most ${MANY_TASKS} tasks can be changed at once` }),
  })
  .strict();

/** Records removed a moment ago, coming back exactly as they were (Undo). */
export const restoreTasksRequestSchema = z
  .object({
    tasks: z
      .array(watchedTaskSchema)
      .max(MANY_TASKS, { error: `At most ${MANY_TASKS} tasks can be put back at once` }),
  })
  .strict();

/**
 * What an Undo put back; `keptNewer`: records left out because their task is watched again since (the newer
 * one stays); `rejected`: why a record could not come back, one sentence each.
 */
export const restoreTasksResponseSchema = z.object({
  restored: z.array(taskKeySchema),
  keptNewer: z.array(taskKeySchema),
  rejected: z.array(z.string()),
});

export const removedTasksSchema = z.object({ removed: z.array(watchedTaskSchema) });
