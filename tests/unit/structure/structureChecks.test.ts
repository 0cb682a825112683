import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IModule } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';
import { folderCircles } from '../../../scripts/structure/folderCircles';
import { ONE_HOME } from '../../../scripts/structure/rules';
import { secondHomes } from '../../../scripts/structure/secondHomes';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function sourceFile(name: string, text: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'structure-'));
  folders.push(folder);
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

function moduleOf(source: string, imports: readonly string[]): IModule {
  return { source, dependencies: imports.map((resolved) => ({ resolved })) } as unknown as IModule;
}

describe('npm run structure: one home per concept', () => {
  it('reports a clipping function, a time unit, a backoff and a kind table written outside their homes', () => {
    const file = sourceFile(
      'copies.ts',
      [
        'export function truncateLabel(text: string) { return text.slice(0, 9) + "…"; }',
        'const MINUTE_MS = 60_000;',
        'const delay = 500 * 2 ** attempt;',
        'export const NOUNS: Record<TaskKind, string> = {};',
        '  const clip = silentWav(2); // indented: a local, not a definition of the concept',
        'const maxBytes = 8 * 2 ** 30; // a size, not a backoff',
      ].join('\n'),
    );
    const concepts = secondHomes([file], ONE_HOME).map((found) => found.concept);
    expect(concepts).toEqual([
      'clipping a text with "…"',
      'time units',
      'exponential backoff',
      'a table with a row per task kind',
    ]);
  });

  it('says nothing of a concept defined in its home', () => {
    const home = ONE_HOME.find((entry) => entry.concept === 'time units');
    expect(home).toBeDefined();
    expect(secondHomes([home?.home ?? ''], ONE_HOME)).toEqual([]);
  });
});

describe('npm run structure: folder circles', () => {
  it('finds two folders that import each other, once, whatever file does it', () => {
    const modules = [
      moduleOf('src/main/core/a/one.ts', ['src/main/core/b/two.ts']),
      moduleOf('src/main/core/b/two.ts', ['src/main/core/a/three.ts']),
      moduleOf('src/main/core/b/four.ts', ['src/main/core/c/five.ts']),
    ];
    expect(folderCircles(modules, ['src/main/core'])).toEqual([['src/main/core/a', 'src/main/core/b']]);
  });

  it('accepts imports that only point down', () => {
    const modules = [
      moduleOf('src/main/core/a/one.ts', ['src/main/core/b/two.ts', 'src/shared/x.ts']),
      moduleOf('src/main/core/b/two.ts', ['src/main/core/c/three.ts']),
    ];
    expect(folderCircles(modules, ['src/main/core'])).toEqual([]);
  });
});
