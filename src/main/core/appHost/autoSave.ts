import type { ResultView } from '../../../shared/contract';
import { taskDisplayName } from '../../../shared/format/taskLabel';
import { MINUTE_MS } from '../../../shared/time';
import { taskKey, type TaskKey } from '../../../shared/watchedTask';
import type { Clock, TimerHandle } from '../clock';
import type { DownloadEvent, ResultDownloads } from '../downloads';
import type { Logger } from '../logging';
import type { WatchService } from '../watchService';
import type { NoticeLevel } from './appHostTypes';
import { downloadLinkFor } from './downloadLinks';

/** A failed save is tried again this long after (a drive plugged back in, space freed)… */
export const AUTO_SAVE_RETRY_MS = 5 * MINUTE_MS;
/** …this many times: CAMB.AI's links expire in about a day, and "Download" in the details stays. */
export const AUTO_SAVE_ATTEMPTS = 6;

export interface AutoSaveOptions {
  readonly service: WatchService;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly allowLoopbackHttp: boolean;
  /** The job's result as the details show it (its file links), fetched from CAMB.AI. */
  readonly fetchView: (key: TaskKey) => Promise<ResultView>;
  /**
   * The manual downloads' own machinery (safe names, never over a file, no symlinks, partial files
   * removed), writing into `folder` and reporting to `onEvent`, with `folderInWords` in its sentences.
   */
  readonly createDownloads: (
    folder: string,
    folderInWords: string,
    onEvent: (event: DownloadEvent) => void,
  ) => ResultDownloads;
  readonly notice: (level: NoticeLevel, text: string, key: TaskKey | null) => void;
}

export interface AutoSave {
  /** Resolves when every save started so far has ended (tests, an orderly quit). */
  whenSettled(): Promise<void>;
  dispose(): void;
}

/** One result file being saved: which job, which of its links, and which try this is. */
interface Saving {
  readonly key: TaskKey;
  readonly linkName: string;
  readonly attempt: number;
}

/**
 * Saves a job's result files into the chosen folder the moment it succeeds, when its kind is one the
 * user picked (Settings, "Saving results"). A save that fails says why in a notice, removes its partial
 * file, and is tried again a few minutes later; nothing already in the folder is replaced.
 */
export function startAutoSave(options: AutoSaveOptions): AutoSave {
  const { service, clock, logger } = options;
  const downloadsByFolder = new Map<string, ResultDownloads>();
  const saving = new Map<string, Saving>();
  const retries: Saving[] = [];
  let retryTimer: TimerHandle | null = null;
  const starts = new Set<Promise<void>>();
  // Jobs that had succeeded before: only a success seen from now on is saved.
  const succeeded = new Set<TaskKey>(
    service
      .list()
      .filter((task) => task.status === 'SUCCESS')
      .map((task) => taskKey(task.kind, task.taskId)),
  );

  const nameOf = (key: TaskKey) => {
    const task = service.get(key);
    return task === undefined ? key : `“${taskDisplayName(task)}”`;
  };

  function downloadsInto(folder: string): ResultDownloads {
    let downloads = downloadsByFolder.get(folder);
    if (downloads === undefined) {
      downloads = options.createDownloads(folder, `the folder ${folder}`, ended);
      downloadsByFolder.set(folder, downloads);
    }
    return downloads;
  }

  function failed(item: Saving, reason: string): void {
    const last = item.attempt >= AUTO_SAVE_ATTEMPTS;
    const then = last
      ? 'It is not tried again: use Download in its details.'
      : `CAMB Watch tries again in ${AUTO_SAVE_RETRY_MS / MINUTE_MS} minutes.`;
    options.notice('error', `${nameOf(item.key)} was not saved automatically. ${reason} ${then}`, item.key);
    if (last) return;
    retries.push({ ...item, attempt: item.attempt + 1 });
    retryTimer ??= clock.setTimer(retry, AUTO_SAVE_RETRY_MS);
  }

  function ended(event: DownloadEvent): void {
    const item = saving.get(event.downloadId);
    if (item === undefined || event.state === 'progressing') return;
    saving.delete(event.downloadId);
    if (event.state === 'done')
      options.notice('info', `Saved ${nameOf(item.key)} as ${event.fileName}.`, item.key);
    else failed(item, event.message ?? 'The file could not be saved.');
  }

  /** Starts saving the job's files (only `only`'s links on a retry), into the folder chosen now. */
  async function save(key: TaskKey, only: readonly Saving[] | null): Promise<void> {
    const { folder, kinds } = service.getSettings().autoSave;
    const task = service.get(key);
    if (folder === null || task === undefined || !kinds.includes(task.kind)) return;
    const view = await options.fetchView(key);
    if (!view.ok) {
      for (const item of only ?? [{ key, linkName: '', attempt: 1 }]) failed(item, view.message);
      return;
    }
    const downloads = downloadsInto(folder);
    // A retry of a job whose result could not be fetched at all ('' stands for every link).
    const whole = only === null ? { attempt: 1 } : only.find((item) => item.linkName === '');
    for (const link of view.links) {
      const item =
        only?.find((candidate) => candidate.linkName === link.name) ??
        (whole === undefined ? null : { key, linkName: link.name, attempt: whole.attempt });
      if (item === null) continue;
      const ready = downloadLinkFor(service, key, link, options.allowLoopbackHttp);
      if (!ready.ok) {
        failed({ ...item, attempt: AUTO_SAVE_ATTEMPTS }, ready.message);
        continue;
      }
      const { downloadId } = await downloads.start(key, ready.link);
      saving.set(downloadId, item);
    }
  }

  function track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => {
      logger.error('Saving a result automatically failed', { error: String(error) });
    });
    starts.add(tracked);
    void tracked.finally(() => starts.delete(tracked));
  }

  function retry(): void {
    retryTimer = null;
    const due = retries.splice(0);
    for (const key of new Set(due.map((item) => item.key)))
      track(
        save(
          key,
          due.filter((item) => item.key === key),
        ),
      );
  }

  const stop = service.on('taskChanged', ({ task }) => {
    const key = taskKey(task.kind, task.taskId);
    if (task.status !== 'SUCCESS' || succeeded.has(key)) return;
    succeeded.add(key);
    track(save(key, null));
  });

  return {
    async whenSettled() {
      while (starts.size > 0) await Promise.all([...starts]);
      await Promise.all([...downloadsByFolder.values()].map((downloads) => downloads.whenSettled()));
    },
    dispose() {
      stop();
      if (retryTimer !== null) clock.clearTimer(retryTimer);
      for (const downloads of downloadsByFolder.values()) downloads.dispose();
    },
  };
}
