/** What the shell knows about how this copy of the app was built and installed. */
export interface InstallFacts {
  /** False in a development run (electron-vite, `npm start`). */
  readonly packaged: boolean;
  readonly platform: NodeJS.Platform;
  /** `$APPIMAGE`: set by the AppImage runtime to the AppImage file, the one thing it can replace. */
  readonly appImagePath: string | undefined;
  /** electron-builder's `resources/package-type` ('deb', 'rpm', 'pacman'), or null when there is none. */
  readonly packageType: string | null;
  /** Whether electron-builder wrote `resources/app-update.yml` (a build made with a publish setting). */
  readonly hasUpdateConfig: boolean;
}

export type UpdateAvailability =
  { readonly available: true } | { readonly available: false; readonly reason: string };

/** Packages a system package manager installed, by their `package-type`, as a person names them. */
const MANAGED_PACKAGES: Readonly<Record<string, string>> = { deb: '.deb', rpm: '.rpm', pacman: 'pacman' };

export const DEVELOPMENT_RUN_REASON = 'Updates are not checked in a development run.';

export const WEB_HOST_REASON =
  'Updates are not available here: this browser version is for development and never updates.';

/**
 * Whether this copy can update itself, and in words why not. A package a package manager installed is
 * left to it (replacing its files behind its back would leave it out of step), and on Linux only an
 * AppImage can replace itself.
 */
export function updateAvailability(facts: InstallFacts): UpdateAvailability {
  if (!facts.packaged) return { available: false, reason: DEVELOPMENT_RUN_REASON };
  if (facts.platform === 'linux') {
    const managed = facts.packageType === null ? undefined : MANAGED_PACKAGES[facts.packageType];
    if (managed !== undefined)
      return {
        available: false,
        reason: `Updates are not available for this install (${managed}): use your package manager.`,
      };
    if (facts.appImagePath === undefined || facts.appImagePath === '')
      return {
        available: false,
        reason:
          'Updates are not available for this copy: only the AppImage updates itself. Download the new version from the releases page.',
      };
  } else if (facts.platform !== 'darwin' && facts.platform !== 'win32') {
    return { available: false, reason: 'Updates are not available on this system.' };
  }
  if (!facts.hasUpdateConfig)
    return {
      available: false,
      reason: 'Updates are not available for this build: it was made without a place to look for them.',
    };
  return { available: true };
}
