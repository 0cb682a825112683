import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WATCH_LINK_SCHEME } from '../deepLinks';
import { APP_NAME, APP_SUMMARY, DESKTOP_FILE_ID, DESKTOP_FILE_NAME, EXECUTABLE_NAME } from '../appIdentity';
import { execProgram, withoutLineBreaks } from '../loginItem';

/**
 * An AppImage installs nothing: without a desktop file naming `camb-watch://` links, the desktop has no
 * program to hand them to, and the window is not matched to an icon. On its first run (and whenever it was
 * moved or replaced) the app writes one into ~/.local/share/applications, under the id the .deb installs
 * (DESKTOP_FILE_NAME), and Electron's setAsDefaultProtocolClient then registers it as the links' handler.
 */

/**
 * The AppImage file to integrate, or null when this is not a packaged AppImage on Linux. The AppImage
 * runtime sets $APPIMAGE to the file itself; the app runs from a temporary mount that vanishes on exit.
 */
export function appImageToIntegrate(options: {
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  readonly env: NodeJS.ProcessEnv;
}): string | null {
  if (options.platform !== 'linux' || !options.isPackaged) return null;
  const appImage = options.env['APPIMAGE']?.trim() ?? '';
  return path.isAbsolute(appImage) ? appImage : null;
}

/** The desktop entry for an AppImage: what the .deb's entry says, with Exec pointing at the AppImage file. */
export function appImageDesktopEntry(appImage: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${APP_NAME}`,
    `Comment=${APP_SUMMARY}`,
    // %U: links arrive as arguments (parseLaunchArguments reads them); a second launch hands them over.
    `Exec=${execProgram(appImage)} %U`,
    // Hides the entry once the AppImage is deleted, instead of leaving a launcher that does nothing.
    `TryExec=${withoutLineBreaks(appImage)}`,
    `Icon=${EXECUTABLE_NAME}`,
    'Terminal=false',
    'Categories=Utility;',
    `MimeType=x-scheme-handler/${WATCH_LINK_SCHEME};`,
    // The window's WM_CLASS / Wayland app_id (Electron derives it from package.json `desktopName`).
    `StartupWMClass=${DESKTOP_FILE_ID}`,
    '',
  ].join('\n');
}

export interface AppImageIntegrationOptions {
  readonly appImage: string;
  /** $XDG_DATA_HOME, or ~/.local/share. */
  readonly dataHome: string;
  /** The app's 256 px PNG icon (inside the AppImage). */
  readonly iconSource: string;
}

export interface AppImageIntegration {
  readonly entryFile: string;
  /** False when the entry already named this AppImage: nothing was written. */
  readonly written: boolean;
}

async function readTextOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes the desktop entry and its icon when they are missing or name another AppImage. */
export async function integrateAppImage(options: AppImageIntegrationOptions): Promise<AppImageIntegration> {
  const entryFile = path.join(options.dataHome, 'applications', DESKTOP_FILE_NAME);
  const iconFile = path.join(
    options.dataHome,
    'icons',
    'hicolor',
    '256x256',
    'apps',
    `${EXECUTABLE_NAME}.png`,
  );
  const entry = appImageDesktopEntry(options.appImage);
  const iconPresent = await access(iconFile).then(
    () => true,
    () => false,
  );
  if ((await readTextOrNull(entryFile)) === entry && iconPresent) return { entryFile, written: false };

  await mkdir(path.dirname(iconFile), { recursive: true });
  await writeFile(iconFile, await readFile(options.iconSource), { mode: 0o644 });
  await mkdir(path.dirname(entryFile), { recursive: true });
  await writeFile(entryFile, entry, { mode: 0o644 });
  return { entryFile, written: true };
}
