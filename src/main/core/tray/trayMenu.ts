import type { TaskKey } from '../../../shared/watchedTask';
import type { TrayModel } from './trayModel';

export type TrayAction =
  'open' | 'addFromClipboard' | 'checkAll' | 'pause' | 'resume' | 'restartToUpdate' | 'quit';

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
): TrayMenuEntry[] {
  const entries: TrayMenuEntry[] = model.menuItems.map((item) => ({
    type: 'task',
    taskKey: item.taskKey,
    label: `${item.label} — ${item.statusText}${item.muted ? MUTED_MARK : ''}`,
  }));
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
    { type: 'separator' },
  );
  if (updateReady !== null)
    entries.push({ type: 'action', action: 'restartToUpdate', label: `Restart to update (${updateReady})` });
  entries.push({ type: 'action', action: 'quit', label: 'Quit' });
  return entries;
}

/** The tray title on macOS: the number of tasks still running, or nothing. */
export function trayTitle(model: TrayModel): string {
  return model.pendingCount > 0 ? String(model.pendingCount) : '';
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
