import type { ContractHandlers } from '../../../shared/contract';
import { resultFileInSentence } from '../../../shared/results/resultFileNames';
import { taskKindInWords } from '../../../shared/format/taskOutcome';
import type { TaskKey } from '../../../shared/watchedTask';
import { checkExternalUrl } from '../links';
import { notificationActionPlan, type NotificationActionId } from '../notifications';
import type { Logger } from '../logging';
import { WatchListError } from '../watchList';
import type { WatchService } from '../watchService';
import type { HostPlatform, NotificationActionOutcome } from './appHostTypes';
import { kindOfKey } from './downloadLinks';
import { pickLink } from './resultView';

export interface NotificationActionDeps {
  readonly service: WatchService;
  readonly handlers: ContractHandlers;
  readonly platform: HostPlatform;
  readonly allowLoopbackHttp: boolean;
  readonly logger: Logger;
}

/**
 * Carries out a notification's button on its task through the contract's own actions, the ones the
 * window's buttons use: Open result and Download fetch the result now (its links expire), Copy link puts
 * the result's link on the clipboard after the same check as opening it (https, no credentials: CAMB.AI's
 * own signed link, which never holds the API key), and a failure's fix opens the studio or switches kind.
 */
export async function runNotificationAction(
  key: TaskKey,
  id: NotificationActionId,
  deps: NotificationActionDeps,
): Promise<NotificationActionOutcome> {
  // Not through dispatch, so its care is here: a refusal is the user's sentence, anything else a bug.
  try {
    return await carryOut(key, id, deps);
  } catch (error) {
    if (error instanceof WatchListError) return { ok: false, message: error.message };
    deps.logger.error('A notification button failed inside CAMB Watch', { action: id, error: String(error) });
    return { ok: false, message: 'That did not work. Open CAMB Watch and try it from the job’s details.' };
  }
}

async function carryOut(
  key: TaskKey,
  id: NotificationActionId,
  deps: NotificationActionDeps,
): Promise<NotificationActionOutcome> {
  const { handlers } = deps;
  const plan = notificationActionPlan(id, key, deps.service.get(key));
  switch (plan.type) {
    case 'close':
      return { ok: true, message: '' };
    case 'refused':
      return { ok: false, message: plan.message };
    case 'open-result': {
      const opened = await handlers.openResult({ key });
      return opened.ok ? { ok: true, message: '' } : opened;
    }
    case 'download': {
      const started = await handlers.downloadResult({ key });
      if (!started.ok) return started;
      return { ok: true, message: `Downloading ${started.fileName} into your Downloads folder.` };
    }
    case 'copy-link':
      return copyResultLink(key, deps);
    case 'open-link': {
      const opened = await handlers.openExternalLink({ url: plan.url });
      return opened.ok ? { ok: true, message: '' } : opened;
    }
    case 'switch-kind': {
      const changed = await handlers.changeTaskKind({ key: plan.key, kind: plan.kind });
      if (!changed.ok) return { ok: false, message: changed.error };
      return {
        ok: true,
        message: `Now watched as ${taskKindInWords(plan.kind)}: CAMB Watch checks it again.`,
      };
    }
  }
}

async function copyResultLink(
  key: TaskKey,
  deps: NotificationActionDeps,
): Promise<NotificationActionOutcome> {
  const { copyText } = deps.platform;
  if (copyText === undefined)
    return { ok: false, message: 'There is no clipboard to copy the link to here.' };
  const picked = pickLink(await deps.handlers.fetchResult({ key }), undefined);
  if (!picked.ok) return picked;
  const checked = checkExternalUrl(picked.link.url, deps.allowLoopbackHttp);
  if (!checked.ok) return checked;
  try {
    await copyText(checked.url);
  } catch {
    return { ok: false, message: 'Could not reach the clipboard. Try again, or open the result instead.' };
  }
  const what = resultFileInSentence(kindOfKey(deps.service, key), picked.link.name);
  return { ok: true, message: `Copied the link to ${what}. It works for about a day.` };
}
