import { readFileSync } from 'node:fs';
import type { OneHome } from './rules';

export interface SecondHome {
  readonly concept: string;
  readonly home: string;
  /** file:line of the second definition. */
  readonly where: string;
}

/** A top-level declaration (not indented), whatever it declares: its name. */
const TOP_LEVEL =
  /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/;

/** Every place in `files` (TypeScript sources) that defines a concept of `homes` outside its home. */
export function secondHomes(files: readonly string[], homes: readonly OneHome[]): SecondHome[] {
  const found: SecondHome[] = [];
  for (const file of files.filter((name) => /\.tsx?$/.test(name))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const name = TOP_LEVEL.exec(line)?.[1];
      for (const { concept, home, names, pattern } of homes) {
        if (file === home) continue;
        const byName = name !== undefined && names?.test(name) === true;
        if (byName || pattern?.test(line) === true)
          found.push({ concept, home, where: `${file}:${index + 1}` });
      }
    });
  }
  return found;
}
