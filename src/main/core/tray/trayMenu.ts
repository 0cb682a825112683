import type { TaskKey } from '../../../shared/watchedTask';
import { doNotDisturbActive, doNotDisturbEndText } from '../../../shared/format/doNotDisturb';
import type { TrayModel } from './trayModel';

export type TrayAction =
  | 'open'
  | 'addFromClipboard'
  | 'checkAll'
  | 'pause'
  | 'resume'
  | 'restartToUpdate'
  | 'quit'
  | 'doNotDisturbHour'
  | 'doNotDisturbTomorrow'
  | 'doNotDisturbOff';

/** One line of the tray menu, described without Electron: the shell turns each into a MenuItem. */
export type TrayMenuEntry =
  | { readonly type: 'task'; readonly taskKey: TaskKey; readonly label: string }
  /** "3 more…": opens the window, where the whole list is. */
  | { readonly type: 'more'; readonly label: string }
  | { readonly type: 'separator' }
  /** A line that says something and does nothing when clicked (shown greyed out). */
  | { readonly type: 'note'; readonly label: string }
  | { readonly type: 'action'; readonly action: TrayAction; readonly label: string };

const MUTED_MARK = ' (muted)';

/**
 * The tray menu: the most recent tasks and the soonest expected finish, then what can be done from the
 * tray; "Restart to update" just
 * above Quit once a new version (`updateReady`) is downloaded.
 */
export function trayMenuEntries(
  model: TrayModel,
  pollingPaused: boolean,
  updateReady: string | null = null,
  doNotDisturb: DoNotDisturbView | null = null,
): TrayMenuEntry[] {
  const entries: TrayMenuEntry[] = model.menuItems.map((item) => ({
    type: 'task',
    taskKey: item.taskKey,
    label: `${item.label} — ${item.statusText}${item.muted ? MUTED_MARK : ''}`,
  }));
  // Above everything, and clickable: the window's banner says what to do about it.
  if (model.notSaving !== null)
    entries.unshift(
      { type: 'action', action: 'open', label: `${model.notSaving} — open CAMB Watch for what to do` },
      { type: 'separator' },
    );
  if (model.hiddenCount > 0) entries.push({ type: 'more', label: `${model.hiddenCount} more…` });
  // Below the tasks, so the newest task stays the first line; a note, as there is nothing to click.
  if (model.soonestFinish !== null) entries.push({ type: 'note', label: model.soonestFinish });
  if (entries.length > 0) entries.push({ type: 'separator' });
  entries.push(
    { type: 'action', action: 'open', label: 'Open CAMB Watch' },
    { type: 'action', action: 'addFromClipboard', label: 'Add task from clipboard' },
    { type: 'action', action: 'checkAll', label: 'Check all now' },
    pollingPaused
      ? { type: 'action', action: 'resume', label: 'Resume polling' }
      : { type: 'action', action: 'pause', label: 'Pause polling' },
  );
  if (doNotDisturb !== null) entries.push(...doNotDisturbEntries(doNotDisturb));
  entries.push({ type: 'separator' });
  if (updateReady !== null)
    entries.push({ type: 'action', action: 'restartToUpdate', label: `Restart to update (${updateReady})` });
  entries.push({ type: 'action', action: 'quit', label: 'Quit' });
  return entries;
}

/**
 * The tooltip's first line (how many jobs are new, running, failed) as a line of the menu, for desktops
 * that show no tooltip (Ubuntu's AppIndicator): the counts must be readable somewhere.
 */
export function countsMenuEntries(model: TrayModel): TrayMenuEntry[] {
  const [counts = ''] = model.tooltip.split('\n');
  return [{ type: 'note', label: counts }, { type: 'separator' }];
}

/** Do not disturb as the tray shows it: when it ends (null: off), and the time now to say it against. */
export interface DoNotDisturbView {
  readonly until: number | null;
  readonly now: number;
}

/** "Do not disturb for 1 hour" / "… until tomorrow", or, while on, until when and how to end it. */
export function doNotDisturbEntries(view: DoNotDisturbView): TrayMenuEntry[] {
  if (!doNotDisturbActive(view.until, view.now) || view.until === null)
    return [
      { type: 'action', action: 'doNotDisturbHour', label: 'Do not disturb for 1 hour' },
      { type: 'action', action: 'doNotDisturbTomorrow', label: 'Do not disturb until tomorrow' },
    ];
  return [
    { type: 'note', label: `Do not disturb until ${doNotDisturbEndText(view.until, view.now)}` },
    { type: 'action', action: 'doNotDisturbOff', label: 'Turn off Do not disturb' },
  ];
}

/**
 * The tray title on macOS: how many jobs ended since the user last looked, or nothing. Like an unread
 * count, it asks for a look; running jobs need none.
 */
export function trayTitle(model: TrayModel): string {
  return model.unseenCount > 0 ? String(model.unseenCount) : '';
}

/** The tray while the app starts (the keychain may be asking for permission): it says so, and Quit works. */
export const STARTING_TRAY = {
  tooltip: 'CAMB Watch — starting',
  menu: [
    { type: 'note', label: 'Starting…' },
    { type: 'separator' },
    { type: 'action', action: 'quit', label: 'Quit' },
  ] satisfies TrayMenuEntry[] as readonly TrayMenuEntry[],
} as const;

/**
 * What a menu shows, as one string: the tray rebuilds its menu only when this changes, because replacing
 * an open menu closes it on Linux and the tray model is recomputed at every poll.
 */
export function trayMenuKey(entries: readonly TrayMenuEntry[]): string {
  return JSON.stringify(entries);
}
