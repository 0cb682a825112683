// electron-builder afterPack hook: flips Electron's fuses on the packaged binary, before signing.
// Fuses are bits in the binary itself, so no setting, environment variable or command line can undo them.
// See https://www.electronjs.org/docs/latest/tutorial/fuses
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';

/** The Electron binary electron-builder produced for this platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      // linux.executableName in electron-builder.yml ("camb-watch").
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`afterPack: no fuse configuration for platform ${electronPlatformName}`);
  }
}

export default async function afterPack(context) {
  const binary = electronBinary(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Flipping a fuse invalidates the ad-hoc signature arm64 macOS binaries must carry to start at all.
    resetAdHocDarwinSignature: isMac && context.arch === Arch.arm64,
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
  });
  console.log(`afterPack: fuses flipped on ${binary}`);
}
