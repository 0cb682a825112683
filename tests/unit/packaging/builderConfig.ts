import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config';

/**
 * The packaging configuration as electron-builder itself reads it (electron-builder.yml through its own
 * loader), and package.json: the packaging tests check what electron-builder would do with them, since
 * packaging cannot run here (it downloads Electron).
 */
export const projectDir = path.resolve(import.meta.dirname, '..', '..', '..');

export function projectFile(relative: string): string {
  return path.join(projectDir, relative);
}

export interface PackageJson {
  readonly name: string;
  readonly productName?: string;
  readonly desktopName?: string;
  readonly description: string;
  readonly homepage?: string;
  readonly repository?: unknown;
  readonly author?: { readonly name: string; readonly email?: string };
  readonly scripts: Readonly<Record<string, string>>;
}

export const packageJson = JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as PackageJson;

export function builderConfig(): Promise<Configuration> {
  return getConfig(projectDir, null, null);
}
