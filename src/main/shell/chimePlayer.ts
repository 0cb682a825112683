import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Logger } from '../core/logging';
import { chimePlayers, type PlayerCommand } from '../core/notifications';

/** Long enough for the chime, short enough that a stuck player does not linger. */
const PLAYER_TIMEOUT_MS = 5_000;

/**
 * Plays the app's chime with the desktop's own player (see chimePlayers), trying the next one when a
 * player is missing. Never throws: a chime that cannot play leaves a silent notification and a log line.
 */
export function createChimePlayer(file: string, logger: Logger): () => void {
  // Found once, at start, by full path (see chimePlayers): the current folder is never searched.
  const players = chimePlayers(process.platform, file, {
    env: process.env,
    cwd: process.cwd(),
    isExecutable: (candidate) => {
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return fs.statSync(candidate).isFile();
      } catch {
        return false;
      }
    },
  });
  const attempt = (remaining: readonly PlayerCommand[]): void => {
    const [player, ...rest] = remaining;
    if (player === undefined) {
      logger.warn('No sound player could play the notification chime');
      return;
    }
    execFile(player.command, [...player.args], { timeout: PLAYER_TIMEOUT_MS, windowsHide: true }, (error) => {
      if (error === null) return;
      // Not installed: try the next player. Anything else (no audio device) would fail the next one too.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') attempt(rest);
      else
        logger.info('The notification chime did not play', { player: player.command, error: error.message });
    });
  };
  return () => attempt(players);
}
