import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RELEASES_PAGE_URL } from '../../../src/main/core/updates';

// js-yaml comes with electron-updater; it has no types of its own here.
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

const config = load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('packaging for updates', () => {
  it('publishes to GitHub releases, where electron-updater looks', () => {
    expect(config['publish']).toEqual({
      provider: 'github',
      owner: 'camb-watch',
      repo: 'camb-watch',
      releaseType: 'release',
    });
  });

  it('sends people to the releases of the same repository when a copy cannot update itself', () => {
    const { owner, repo } = config['publish'] as { owner: string; repo: string };
    expect(RELEASES_PAGE_URL).toBe(`https://github.com/${owner}/${repo}/releases`);
  });

  it('ships electron-updater inside the app (a run-time dependency, not a development one)', () => {
    expect(packageJson.dependencies['electron-updater']).toMatch(/^\^6\./);
    expect(packageJson.devDependencies['electron-updater']).toBeUndefined();
  });
});
