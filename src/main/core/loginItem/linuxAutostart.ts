import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DESKTOP_FILE_NAME } from '../appIdentity';

/**
 * Launch at login on Linux. Electron's setLoginItemSettings covers macOS and Windows only; Linux desktops
 * (GNOME, KDE, Xfce, …) start what the XDG Autostart specification lists in ~/.config/autostart.
 */

/** Named as the app's own desktop file, so desktops that list login items show the app's name and icon. */
export const AUTOSTART_FILE_NAME = DESKTOP_FILE_NAME;

/** Quotes one Exec argument as the Desktop Entry specification asks: only when needed, escaping `"`, `` ` ``, `$` and `\`. */
export function quoteExecArgument(argument: string): string {
  if (argument !== '' && !/[\s"'\\`$;&|<>()*?#~=%]/u.test(argument)) return argument;
  return `"${argument.replace(/["`$\\]/gu, (char) => `\\${char}`)}"`;
}

export interface AutostartEntryOptions {
  readonly name: string;
  /** The program to start: the AppImage file itself (not its temporary mount), or the installed binary. */
  readonly executable: string;
  /** Added after the program, e.g. `--hidden` so a start at login shows only the tray icon. */
  readonly arguments?: readonly string[];
  readonly comment: string;
}

/** A field value ends at the line's end: a line break in a path would start a new (forged) key. */
export function withoutLineBreaks(value: string): string {
  return value.replace(/[\r\n]+/gu, ' ');
}

/** The Exec value that runs `program`: quoted as needed, and `%` (which starts a field code) doubled. */
export function execProgram(program: string): string {
  return quoteExecArgument(withoutLineBreaks(program)).replace(/%/gu, '%%');
}

export function autostartEntry(options: AutostartEntryOptions): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${withoutLineBreaks(options.name)}`,
    `Comment=${withoutLineBreaks(options.comment)}`,
    `Exec=${[options.executable, ...(options.arguments ?? [])].map(execProgram).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LinuxAutostartOptions extends AutostartEntryOptions {
  /** $XDG_CONFIG_HOME, or ~/.config. */
  readonly configHome: string;
}

/** Writes or removes the autostart entry; returns the file it concerns. */
export async function applyLinuxAutostart(enabled: boolean, options: LinuxAutostartOptions): Promise<string> {
  const folder = path.join(options.configHome, 'autostart');
  const file = path.join(folder, AUTOSTART_FILE_NAME);
  if (!enabled) {
    await rm(file, { force: true });
    return file;
  }
  await mkdir(folder, { recursive: true });
  await writeFile(file, autostartEntry(options), { mode: 0o644 });
  return file;
}
