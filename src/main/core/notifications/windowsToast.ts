import { taskKeySchema } from '../../../shared/contract/payloads';
import type { TaskKey } from '../../../shared/watchedTask';
import {
  NOTIFICATION_ACTION_IDS,
  type NotificationAction,
  type NotificationActionId,
} from './notificationActions';

/**
 * Windows toasts whose click reaches the app after a restart. Electron 45's `Notification.handleActivation`
 * hands over every toast activation, also for toasts shown by an earlier run (the Action Center keeps
 * them), with the toast's launch arguments as `details.arguments` (docs/api/notification.md;
 * shell/browser/notifications/win/windows_toast_activator.cc). Electron's own toast has no launch
 * arguments, so the app writes the toast itself (`toastXml`) with the task in them.
 */

export interface ToastContent {
  readonly title: string;
  readonly body: string;
  readonly iconPath?: string;
  /** No sound from Windows (the user chose none, or the app's chime). */
  readonly silent: boolean;
  /** The task a click opens; null opens the window as it is. */
  readonly taskKey: TaskKey | null;
  /** Buttons under the text; each activates with its own arguments (toastActionArguments). */
  readonly actions?: readonly NotificationAction[];
}

/** Tells our activations from others; Electron reads `type` (click) and ignores keys it does not know. */
const APP_MARK = 'camb-watch';

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** `type=click&app=camb-watch&task=<key>`: Electron splits activation arguments on `&` and `=`, so both are encoded. */
export function toastLaunchArguments(taskKey: TaskKey | null): string {
  return `type=click&app=${APP_MARK}&task=${encodeURIComponent(taskKey ?? '')}`;
}

/** A button's arguments: the launch arguments' fields, with `type=action` and the action's id. */
export function toastActionArguments(taskKey: TaskKey, action: NotificationActionId): string {
  return `type=action&app=${APP_MARK}&task=${encodeURIComponent(taskKey)}&action=${action}`;
}

/** The toast as Electron would write it (windows_toast_notification.cc GetToastXml), plus the launch arguments. */
export function windowsToastXml(content: ToastContent): string {
  const image =
    content.iconPath === undefined
      ? ''
      : `<image placement="appLogoOverride" hint-crop="none" src="${escapeXml(content.iconPath)}"/>`;
  const texts = [content.title, content.body]
    .filter((text) => text !== '')
    .map((text) => `<text>${escapeXml(text)}</text>`)
    .join('');
  const audio = content.silent ? '<audio silent="true"/>' : '';
  const { taskKey } = content;
  const buttons =
    taskKey === null || content.actions === undefined || content.actions.length === 0
      ? ''
      : `<actions>${content.actions
          .map(
            (action) =>
              `<action content="${escapeXml(action.label)}" arguments="${escapeXml(
                toastActionArguments(taskKey, action.id),
              )}" activationType="foreground"/>`,
          )
          .join('')}</actions>`;
  return (
    `<toast launch="${escapeXml(toastLaunchArguments(content.taskKey))}" activationType="foreground">` +
    `<visual><binding template="ToastGeneric">${texts}${image}</binding></visual>${buttons}${audio}</toast>`
  );
}

/**
 * What a toast activation asks for: our toast's task (null: just the window), or `undefined` when the
 * arguments are not one of ours (another app's format, a hand-made or damaged string): nothing to open.
 */
export function activationTarget(
  activationArguments: string,
): { readonly taskKey: TaskKey | null; readonly action?: NotificationActionId } | undefined {
  // A toast of a version before this one (Electron's own, without launch arguments): the window, as it is.
  if (activationArguments === '') return { taskKey: null };
  const fields = new Map<string, string>();
  for (const pair of activationArguments.split('&')) {
    const at = pair.indexOf('=');
    if (at > 0) fields.set(pair.slice(0, at), pair.slice(at + 1));
  }
  if (fields.get('app') !== APP_MARK) return undefined;
  let task: string;
  try {
    task = decodeURIComponent(fields.get('task') ?? '');
  } catch {
    return undefined;
  }
  if (task === '') return { taskKey: null };
  const parsed = taskKeySchema.safeParse(task);
  if (!parsed.success) return undefined;
  // A button of ours (toastActionArguments); an action id we do not know is only a click.
  const action = NOTIFICATION_ACTION_IDS.find((id) => id === fields.get('action'));
  return action === undefined ? { taskKey: parsed.data } : { taskKey: parsed.data, action };
}
