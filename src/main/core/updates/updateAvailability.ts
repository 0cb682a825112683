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
  /**
   * macOS: whether this build is signed with an Apple Developer ID, as build/afterPack.mjs recorded in
   * `resources/code-signing` (see `codeSigningMarker` there). Ignored elsewhere.
   */
  readonly developerIdSigned: boolean;
}

export type UpdateAvailability =
  | { readonly available: true }
  | {
      readonly available: false;
      readonly reason: string;
      /** Where a new version can be downloaded by hand, when that is the way to update this copy. */
      readonly releasesUrl?: string;
    };

/**
 * The releases page of the repository electron-builder.yml publishes to (tests/unit/updates checks that
 * they agree): where a copy that cannot update itself gets a new version.
 */
export const RELEASES_PAGE_URL = 'https://github.com/camb-watch/camb-watch/releases';

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
        releasesUrl: RELEASES_PAGE_URL,
      };
  } else if (facts.platform !== 'darwin' && facts.platform !== 'win32') {
    return { available: false, reason: 'Updates are not available on this system.' };
  }
  if (!facts.hasUpdateConfig)
    return {
      available: false,
      reason: 'Updates are not available for this build: it was made without a place to look for them.',
    };
  // Squirrel.Mac installs only an update signed like the running app, with a Developer ID: an unsigned or
  // ad hoc signed build would download the full zip every few hours and fail with "could not be verified"
  // (and an ad hoc identity, new with every build, makes the keychain ask again after each update).
  if (facts.platform === 'darwin' && !facts.developerIdSigned)
    return {
      available: false,
      reason:
        'Automatic updates are off for this copy: it is not signed with an Apple Developer ID, so macOS would refuse the update. Download new versions from the releases page.',
      releasesUrl: RELEASES_PAGE_URL,
    };
  return { available: true };
}
