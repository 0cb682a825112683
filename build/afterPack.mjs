// electron-builder afterPack hook: flips Electron's fuses on the packaged binary, before signing.
// Fuses are bits in the binary itself, so no setting, environment variable or command line can undo them.
// See https://www.electronjs.org/docs/latest/tutorial/fuses
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

const isMacPlatform = (electronPlatformName) =>
  electronPlatformName === 'darwin' || electronPlatformName === 'mas';

/** The Electron binary electron-builder produced for this platform. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  if (isMacPlatform(electronPlatformName)) return path.join(appOutDir, `${productFilename}.app`);
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      // linux.executableName in electron-builder.yml ("camb-watch-app").
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`afterPack: no fuse configuration for platform ${electronPlatformName}`);
  }
}

/** What @electron/fuses is asked to do for a platform (every architecture alike). */
export function fuseConfig(electronPlatformName) {
  return {
    version: FuseVersion.V1,
    // Flipping a fuse changes the binary, so its signature no longer matches: on macOS the app is signed
    // again, ad hoc, whatever the architecture (arm64 refuses to start an app with a broken signature, and
    // x64's Gatekeeper and notifications reject one). When a Developer ID is configured (CSC_LINK),
    // electron-builder signs after this hook and replaces the ad hoc signature.
    resetAdHocDarwinSignature: isMacPlatform(electronPlatformName),
    // No ELECTRON_RUN_AS_NODE: the app binary can never be used as a plain Node.js.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other on-disk browser data encrypted with the OS key.
    [FuseV1Options.EnableCookieEncryption]: true,
    // No NODE_OPTIONS / --inspect: nothing can inject code into the main process from outside.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar is checked against the hash embedded at build time (macOS and Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only the app.asar is loaded: no app/ folder planted next to it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The renderer is served over app://, so file:// needs none of its old privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/**
 * What `Contents/Resources/code-signing` says about a macOS build: 'developer-id' when the environment
 * gives electron-builder a Developer ID (CSC_LINK, or CSC_NAME for one in the keychain; electron-builder.yml
 * takes signing from the environment only, and electron-builder fails the build when it cannot use it),
 * otherwise 'ad-hoc'. The app turns automatic updates off without 'developer-id' (Squirrel.Mac refuses an
 * update it cannot verify). Recorded at build time rather than read at run time: the file is written before
 * any signature, so the signature seals it; asking `codesign -dv` at every start would spawn a process and
 * parse its output, and macOS offers no signing API to Node without a native module. A Developer ID found
 * only by electron-builder's keychain auto-discovery is recorded as 'ad-hoc': updates stay off (the safe side).
 */
export function codeSigningMarker(env) {
  const configured = (name) => typeof env[name] === 'string' && env[name].trim() !== '';
  return configured('CSC_LINK') || configured('CSC_NAME') ? 'developer-id' : 'ad-hoc';
}

export default async function afterPack(context) {
  const binary = electronBinary(context);
  if (isMacPlatform(context.electronPlatformName)) {
    // Before the fuses: their ad hoc re-signing (and a Developer ID signature after this hook) seal it.
    const marker = codeSigningMarker(process.env);
    await writeFile(path.join(binary, 'Contents', 'Resources', 'code-signing'), `${marker}\n`);
    console.log(`afterPack: code-signing marker ${marker}`);
  }
  await flipFuses(binary, fuseConfig(context.electronPlatformName));
  console.log(`afterPack: fuses flipped on ${binary}`);
}
