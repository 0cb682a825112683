import { parseTaskKey, type TaskKey, type WatchedTask } from '../../../shared/watchedTask';
import { DEFAULT_TASK_KIND, type TaskKind } from '../../../shared/taskKinds';
import { resultFileStem } from '../../../shared/results/resultFileNames';
import { fileKindOfLink, type DownloadLink } from '../downloads';
import { checkDownloadUrl, type UrlCheck } from '../links';
import type { WatchService } from '../watchService';

/**
 * "Menu, in French - dubbed-video" or "camb-dub-5102-dubbed-video": what a saved file is called without a
 * better name (the downloads module makes it safe and short enough).
 */
export function resultFileName(task: WatchedTask | undefined, what: string): string {
  const stem = task?.label ?? `camb-${task?.kind ?? 'result'}-${task?.runId ?? 'run'}`;
  return `${stem} - ${what}`;
}

/** A key that passed taskKeySchema starts with a known kind; the default only satisfies the type. */
export function kindOfKey(service: WatchService, key: TaskKey): TaskKind {
  return service.get(key)?.kind ?? parseTaskKey(key)?.kind ?? DEFAULT_TASK_KIND;
}

/**
 * A result file's link made ready to download, the one way for "Download" and for saving automatically:
 * checked against the download policy, with the name it falls back on and the kind of file it holds.
 */
export function downloadLinkFor(
  service: WatchService,
  key: TaskKey,
  link: { readonly name: string; readonly url: string },
  allowLoopbackHttp: boolean,
): { readonly ok: true; readonly link: DownloadLink } | Extract<UrlCheck, { ok: false }> {
  const checked = checkDownloadUrl(link.url, allowLoopbackHttp);
  if (!checked.ok) return checked;
  return {
    ok: true,
    link: {
      url: checked.url,
      fallbackName: resultFileName(service.get(key), resultFileStem(kindOfKey(service, key), link.name)),
      kind: fileKindOfLink(link.name),
    },
  };
}
