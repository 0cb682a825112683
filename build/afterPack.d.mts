// Types for build/afterPack.mjs (plain JavaScript: electron-builder loads it without a compiler).
import type { FuseConfig } from '@electron/fuses';

export interface AfterPackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: {
    readonly appInfo: { readonly productFilename: string };
    readonly executableName: string;
  };
}

export function electronBinary(context: AfterPackContext): string;
export function fuseConfig(electronPlatformName: string): FuseConfig;
export function codeSigningMarker(
  env: Readonly<Record<string, string | undefined>>,
): 'developer-id' | 'ad-hoc';
export default function afterPack(context: AfterPackContext): Promise<void>;
