import { z } from 'zod';
import { serviceStateSchema } from '../serviceState';
import { settingsSchema } from '../settings';
import { updateStateSchema } from '../updateState';
import { watchedTaskSchema } from '../watchedTask';
import { durationModelsSchema } from '../durations/durationModel';
import { NOTICE_TOPICS } from '../format/noticeTopics';
import {
  actionOutcomeSchema,
  addTaskRequestSchema,
  addTaskResponseSchema,
  appSnapshotSchema,
  checkNowOutcomeSchema,
  downloadStartedSchema,
  downloadedFileRequestSchema,
  emptySchema,
  exportedWatchListSchema,
  externalLinkRequestSchema,
  importReportSchema,
  importRequestSchema,
  insightsSchema,
  keyChangeOutcomeSchema,
  keyStatusSchema,
  keyTestOutcomeSchema,
  keyTestRequestSchema,
  labelSchema,
  resultLinkRequestSchema,
  resultOpenedSchema,
  resultRequestSchema,
  resultTextRequestSchema,
  resultViewSchema,
  settingsChangesSchema,
  windowShortcutRequestSchema,
  setApiKeyRequestSchema,
  setKeyOutcomeSchema,
  taskKeyRequestSchema,
  taskKeySchema,
  taskOrNullSchema,
  changeTaskKindRequestSchema,
  changeTaskKindResponseSchema,
  doNotDisturbRequestSchema,
  taskKeysRequestSchema,
  restoreTasksRequestSchema,
  restoreTasksResponseSchema,
  removedTasksSchema,
  plannedCheckSchema,
} from './payloads';

function invoke<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response } as const;
}

/**
 * Every action the UI can ask of the app, declared once. The preload, the web host's bridge, the main
 * process handlers and the renderer's types are all derived from this table.
 */
export const INVOKE_CHANNELS = {
  /** Everything the window needs to draw itself the first time; later it follows the events. */
  getSnapshot: invoke(emptySchema, appSnapshotSchema),
  listTasks: invoke(emptySchema, z.object({ tasks: z.array(watchedTaskSchema), now: z.number() })),
  addTask: invoke(addTaskRequestSchema, addTaskResponseSchema),
  removeTask: invoke(taskKeyRequestSchema, z.object({ removed: z.boolean() })),
  renameTask: invoke(
    z.object({ key: taskKeySchema, label: labelSchema.nullable() }).strict(),
    taskOrNullSchema,
  ),
  setMuted: invoke(z.object({ key: taskKeySchema, muted: z.boolean() }).strict(), taskOrNullSchema),
  /** One task, or every watched task when no key is given: checks at once, or says why it cannot. */
  checkNow: invoke(z.object({ key: taskKeySchema.optional() }).strict(), checkNowOutcomeSchema),
  clearFinished: invoke(
    /** Unseen endings stay in the list unless `includeUnseen`. */
    z.object({ includeUnseen: z.boolean().optional() }).strict(),
    z.object({
      removed: z.array(taskKeySchema),
      /** The records removed, so an Undo can put them back exactly. */
      tasks: z.array(watchedTaskSchema),
    }),
  ),
  setPollingPaused: invoke(z.object({ paused: z.boolean() }).strict(), settingsSchema),
  fetchResult: invoke(resultRequestSchema, resultViewSchema),
  /** Fetches the result now and opens its link in the default browser or player. */
  openResult: invoke(resultLinkRequestSchema, resultOpenedSchema),
  /** Fetches the result now and streams it into the Downloads folder; progress arrives as events. */
  downloadResult: invoke(resultLinkRequestSchema, downloadStartedSchema),
  /** Fetches the result now and saves its text into the Downloads folder; the outcome arrives as an event. */
  saveResultText: invoke(resultTextRequestSchema, downloadStartedSchema),
  /** Stops a download in progress; its partial file is removed and its row says it was cancelled. */
  cancelDownload: invoke(downloadedFileRequestSchema, actionOutcomeSchema),
  /** Shows a finished download (or saved text) in the system's file manager. */
  showDownloadedFile: invoke(downloadedFileRequestSchema, actionOutcomeSchema),
  /** Opens an https link (help, a result link) outside the app, after main has checked it. */
  openExternalLink: invoke(externalLinkRequestSchema, actionOutcomeSchema),
  getSettings: invoke(emptySchema, settingsSchema),
  updateSettings: invoke(settingsChangesSchema, settingsSchema),
  /** Claims the shortcut from the system (desktop app) and saves it, or says why it cannot. */
  setWindowShortcut: invoke(windowShortcutRequestSchema, actionOutcomeSchema),
  /** Escape with nothing else to close: a tray popover goes away, as a menu does. */
  hideWindow: invoke(emptySchema, z.object({ hidden: z.boolean() })),
  /** Tries the key with CAMB.AI, then saves it; a rejected key only with saveEvenIfRejected. */
  setApiKey: invoke(setApiKeyRequestSchema, setKeyOutcomeSchema),
  clearApiKey: invoke(emptySchema, keyChangeOutcomeSchema),
  /** Tests the saved key, or a candidate before it is saved. */
  testApiKey: invoke(keyTestRequestSchema, keyTestOutcomeSchema),
  getKeyStatus: invoke(emptySchema, keyStatusSchema),
  exportWatchList: invoke(emptySchema, exportedWatchListSchema),
  importWatchList: invoke(importRequestSchema, importReportSchema),
  /** Looks for a new version of the app now (also with automatic checks off), or says why it cannot. */
  checkForUpdatesNow: invoke(emptySchema, actionOutcomeSchema),
  /** Quits and installs the downloaded version, or says why there is nothing to install. */
  restartToUpdate: invoke(emptySchema, actionOutcomeSchema),
  /** Watches a task as another kind (a wrong kind chosen when adding it, or a 404's suggestion). */
  changeTaskKind: invoke(changeTaskKindRequestSchema, changeTaskKindResponseSchema),
  /** Holds notifications for an hour or until tomorrow morning, then one summary; or ends that now. */
  setDoNotDisturb: invoke(doNotDisturbRequestSchema, settingsSchema),
  /** Removes several tasks at once and hands back their records, so an Undo can put them back. */
  removeTasks: invoke(taskKeysRequestSchema, removedTasksSchema),
  /** Undo of a removal: the records come back exactly (history, label, unseen…); running jobs are polled. */
  restoreTasks: invoke(restoreTasksRequestSchema, restoreTasksResponseSchema),
  /** The user looked at these tasks: they no longer count as unseen finishes. */
  markSeen: invoke(taskKeysRequestSchema, z.object({ changed: z.number() })),
  markAllSeen: invoke(emptySchema, z.object({ changed: z.number() })),
  /** How long jobs took and how many succeeded or failed, per kind, over the last 30 days. */
  getInsights: invoke(emptySchema, insightsSchema),
  /** "Retry now" on the offline and rate-limited banners: one request at once, answered with what it found. */
  retryNow: invoke(emptySchema, checkNowOutcomeSchema),
} as const;

/**
 * Everything the app tells the UI without being asked. Updates are per task, never whole lists, so 1,000
 * watched tasks cost one small message per change; the app's state is small and goes whole.
 */
export const EVENT_CHANNELS = {
  taskChanged: z.object({ task: watchedTaskSchema }),
  tasksRemoved: z.object({ keys: z.array(taskKeySchema) }),
  /**
   * The app as a whole (connection, key, pause and sleep, rate limit, budget, saving), whole, whenever any
   * of it changed: the banners and the status bar read it as it is sent.
   */
  serviceState: serviceStateSchema,
  /**
   * Next checks the scheduler moved since the last such event, one event per turn of the core's event loop
   * however many moved (a change of responsiveness replans every task at once).
   */
  nextChecks: z.object({ planned: z.array(plannedCheckSchema) }),
  keyStatus: keyStatusSchema,
  settingsChanged: settingsSchema,
  downloadProgress: z.object({
    downloadId: z.string(),
    key: taskKeySchema,
    fileName: z.string(),
    receivedBytes: z.number(),
    /** null when the server did not say how large the file is. */
    totalBytes: z.number().nullable(),
    /** 'cancelled': the user's Cancel; the partial file is gone. */
    state: z.enum(['progressing', 'done', 'failed', 'cancelled']),
    /** On 'done' where the file is; on 'failed' why. */
    message: z.string().nullable(),
  }),
  /** A sentence to show for a moment: a task added from a link, a finished download, a repaired file. */
  notice: z.object({
    level: z.enum(['info', 'success', 'warning', 'error']),
    text: z.string(),
    key: taskKeySchema.nullable(),
    /** The kind of event, when many of one kind may come at once (they become one notice). */
    topic: z.enum(NOTICE_TOPICS).nullable().optional(),
  }),
  /** Bring a task into view: a notification or a tray menu entry was clicked. */
  showTask: z.object({ key: taskKeySchema }),
  /** The app's own update: checking, downloading, ready to restart, failed, or not available here. */
  updateState: updateStateSchema,
  /** A job finished and the app learned from it: every kind's duration model, as in the snapshot. */
  durationsChanged: z.object({ durations: durationModelsSchema }),
} as const;

export type InvokeChannels = typeof INVOKE_CHANNELS;
export type InvokeChannel = keyof InvokeChannels;
export type EventChannels = typeof EVENT_CHANNELS;
export type EventChannel = keyof EventChannels;

/** What the UI sends: the schema's input (before defaults and trimming). */
export type InvokeRequest<C extends InvokeChannel> = z.input<InvokeChannels[C]['request']>;
/** What the handler receives: the validated, normalised request. */
export type InvokeParsedRequest<C extends InvokeChannel> = z.output<InvokeChannels[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.output<InvokeChannels[C]['response']>;
export type EventPayload<E extends EventChannel> = z.output<EventChannels[E]>;

export const INVOKE_CHANNEL_NAMES = Object.keys(INVOKE_CHANNELS) as InvokeChannel[];
export const EVENT_CHANNEL_NAMES = Object.keys(EVENT_CHANNELS) as EventChannel[];

/** The IPC channel names, prefixed so they cannot collide with anything Electron or a library sends. */
export function invokeChannelId(channel: InvokeChannel): string {
  return `camb-watch:invoke:${channel}`;
}

export function eventChannelId(channel: EventChannel): string {
  return `camb-watch:event:${channel}`;
}
