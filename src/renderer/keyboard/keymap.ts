import { shortcutLabel } from '../../shared/windowShortcut';

/** What a key press can ask the window to do, wherever focus is (the list's own arrow keys aside). */
export type ShortcutAction =
  'search' | 'add' | 'settings' | 'openResult' | 'copyId' | 'checkNow' | 'remove' | 'help' | 'showFilter';

/** The parts of a KeyboardEvent the keymap reads. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export interface KeyContext {
  /** A Mac keyboard: Cmd is the command key, Ctrl is not. */
  readonly mac: boolean;
  /** Focus is in a text field: plain keys type there, only command-key shortcuts act. */
  readonly typing: boolean;
}

/** Cmd (Mac) or Ctrl (elsewhere) with one key. */
const COMMAND_KEYS: Readonly<Record<string, ShortcutAction>> = { f: 'search', n: 'add', ',': 'settings' };

/** Keys pressed alone, when focus is not in a text field. `?` is Shift+/ on most layouts, so Shift may be down. */
const PLAIN_KEYS: Readonly<Record<string, ShortcutAction>> = {
  '/': 'search',
  '?': 'help',
  o: 'openResult',
  c: 'copyId',
  r: 'checkNow',
  Delete: 'remove',
  // The list's filters in the order they are offered: All, Active, Finished, Failed, Succeeded.
  '1': 'showFilter',
  '2': 'showFilter',
  '3': 'showFilter',
  '4': 'showFilter',
  '5': 'showFilter',
};

/** Which action a key press asks for, or null when it is not a shortcut here (the key does what it does). */
export function shortcutAction(press: KeyPress, context: KeyContext): ShortcutAction | null {
  const command = context.mac ? press.metaKey : press.ctrlKey;
  const otherModifier = context.mac ? press.ctrlKey : press.metaKey;
  if (press.altKey || otherModifier) return null;
  if (command) return press.shiftKey ? null : (COMMAND_KEYS[press.key.toLowerCase()] ?? null);
  if (context.typing) return null;
  // A Mac keyboard's "delete" key is Backspace; Delete is fn+delete there.
  const key = context.mac && press.key === 'Backspace' ? 'Delete' : press.key;
  const action = PLAIN_KEYS[key] ?? null;
  // Shift+O is not O: only a key that needs Shift to be typed may come with it.
  if (action !== null && press.shiftKey && press.key !== '?') return null;
  return action;
}

/** Cmd+F on a Mac (shown ⌘F), Ctrl+F elsewhere. */
export function commandKeyLabel(key: string, mac: boolean): string {
  return shortcutLabel(`CommandOrControl+${key}`, mac);
}

export interface ShortcutHelpEntry {
  /** Each is one way to press it, e.g. "/" or "Ctrl+F". */
  readonly keys: readonly string[];
  readonly what: string;
}

/** The list the `?` key shows, in the order people reach for them. */
export function shortcutHelp(mac: boolean): readonly ShortcutHelpEntry[] {
  return [
    { keys: ['/', commandKeyLabel('F', mac)], what: 'Search the watch list' },
    {
      keys: ['↓'],
      what: 'From the search: into the results (Enter: open the first match, Escape: clear it)',
    },
    { keys: ['1 … 5'], what: 'Show All, Active, Finished, Failed or Succeeded tasks' },
    { keys: [commandKeyLabel('N', mac)], what: 'Add a task' },
    { keys: ['↑', '↓'], what: 'Move through the list (Home, End: to its first and last task)' },
    { keys: ['Shift+↑', 'Shift+↓'], what: 'Select several tasks' },
    { keys: ['Enter'], what: 'Open the selected task’s details' },
    { keys: ['O'], what: 'Open the selected task’s result, once it is ready' },
    { keys: ['C'], what: 'Copy the selected task’s id' },
    { keys: ['R'], what: 'Check the selected task now' },
    { keys: [mac ? '⌫' : 'Delete'], what: 'Remove the selected tasks (with Undo)' },
    { keys: [commandKeyLabel('Z', mac)], what: 'Undo the last removal' },
    { keys: ['Escape'], what: 'Go back, or close what is open' },
    { keys: [commandKeyLabel(',', mac)], what: 'Open Settings' },
    { keys: ['?'], what: 'Show this list' },
  ];
}
