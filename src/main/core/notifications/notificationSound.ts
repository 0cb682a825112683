import path from 'node:path';
import type { NotificationSound } from '../../../shared/settings';

/**
 * How a notification makes its sound. 'system' lets the desktop play its own notification sound; 'none'
 * and 'chime' show the notification silent (Electron's `silent`), and for 'chime' the app plays its own
 * short sound beside it: Electron can name a sound only on macOS (`sound`), and only from the system's
 * or the bundle's sound folders, so one way that works alike everywhere is the app playing its file.
 */
export interface SoundPlan {
  readonly silent: boolean;
  readonly playChime: boolean;
}

export function soundPlan(sound: NotificationSound): SoundPlan {
  switch (sound) {
    case 'none':
      return { silent: true, playChime: false };
    case 'system':
      return { silent: false, playChime: false };
    case 'chime':
      return { silent: true, playChime: true };
  }
}

export interface PlayerCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** A path inside a PowerShell single-quoted string: quotes are doubled, nothing else is special there. */
function powerShellQuoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** What finding a player may look at: the process's environment and folder, and whether a file can run. */
export interface PlayerSearch {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly isExecutable: (file: string) => boolean;
}

/** Where Windows is when SystemRoot does not say (or says something that is not a full path). */
const DEFAULT_WINDOWS_ROOT = 'C:\\Windows';

/** Windows PowerShell as Windows installs it: %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe. */
function windowsPowerShell(env: PlayerSearch['env']): string {
  const root = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? env['windir'];
  // A drive and a folder (C:\Windows): not a folder relative to the current drive, nor a share on the network.
  const trusted = root !== undefined && /^[A-Za-z]:\\/u.test(root) ? root : DEFAULT_WINDOWS_ROOT;
  return path.win32.join(trusted, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
}

/** Where Linux players are when PATH does not find them. */
const TRUSTED_UNIX_FOLDERS = ['/usr/bin', '/bin'];

/**
 * The full path of a program, looked up once in PATH's absolute folders and then the system's own: never in
 * the current folder (an empty or relative PATH entry, or the folder itself), where a file planted in, say,
 * Downloads would otherwise run in its place. Null when it is not installed.
 */
function findProgram(name: string, search: PlayerSearch): string | null {
  const cwd = path.posix.resolve(search.cwd);
  const folders = (search.env['PATH'] ?? '')
    .split(':')
    .filter((folder) => path.posix.isAbsolute(folder) && path.posix.resolve(folder) !== cwd);
  for (const folder of [...folders, ...TRUSTED_UNIX_FOLDERS]) {
    const candidate = path.posix.join(folder, name);
    if (search.isExecutable(candidate)) return candidate;
  }
  return null;
}

/**
 * The players that come with each desktop, tried in order until one starts: afplay on macOS; PowerShell's
 * SoundPlayer on Windows (no window, no extra install); on Linux PulseAudio's paplay (PipeWire serves it
 * too), PipeWire's pw-play, then ALSA's aplay. Each by its full path: a bare name would be looked up
 * in the current folder first on Windows, and wherever PATH points elsewhere.
 */
export function chimePlayers(
  platform: NodeJS.Platform,
  file: string,
  search: PlayerSearch,
): readonly PlayerCommand[] {
  switch (platform) {
    case 'darwin':
      return [{ command: '/usr/bin/afplay', args: [file] }];
    case 'win32':
      return [
        {
          command: windowsPowerShell(search.env),
          args: [
            '-NoProfile',
            '-NonInteractive',
            '-Command',
            `(New-Object System.Media.SoundPlayer ${powerShellQuoted(file)}).PlaySync()`,
          ],
        },
      ];
    default: {
      const players = [
        { name: 'paplay', args: [file] },
        { name: 'pw-play', args: [file] },
        { name: 'aplay', args: ['-q', file] },
      ];
      return players.flatMap(({ name, args }) => {
        const command = findProgram(name, search);
        return command === null ? [] : [{ command, args }];
      });
    }
  }
}
