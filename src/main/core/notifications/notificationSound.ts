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

/**
 * The players that come with each desktop, tried in order until one starts: afplay on macOS; PowerShell's
 * SoundPlayer on Windows (no window, no extra install); on Linux PulseAudio's paplay (PipeWire serves it
 * too), PipeWire's pw-play, then ALSA's aplay.
 */
export function chimePlayers(platform: NodeJS.Platform, file: string): readonly PlayerCommand[] {
  switch (platform) {
    case 'darwin':
      return [{ command: 'afplay', args: [file] }];
    case 'win32':
      return [
        {
          command: 'powershell.exe',
          args: [
            '-NoProfile',
            '-NonInteractive',
            '-Command',
            `(New-Object System.Media.SoundPlayer ${powerShellQuoted(file)}).PlaySync()`,
          ],
        },
      ];
    default:
      return [
        { command: 'paplay', args: [file] },
        { command: 'pw-play', args: [file] },
        { command: 'aplay', args: ['-q', file] },
      ];
  }
}
