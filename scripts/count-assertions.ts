/**
 * Counts the behaviour assertions written in tests/, per folder (one folder per vitest project; the visual
 * project runs the files of tests/e2e), so that a change to how the suite runs can show it kept every one:
 *   npx tsx scripts/count-assertions.ts [--json]
 * A static count of call sites: `expect(…)`, `expect.soft(…)`, `expect.poll(…)`, `assert(…)`/`assert.x(…)`,
 * and the calls of the suite's own assertion helpers (`expectX(…)`, `assertX(…)`, a harness's `.axe(…)`),
 * their definitions aside. A call inside a loop or a `describe.each` counts once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TESTS = fileURLToPath(new URL('../tests/', import.meta.url));

const PATTERNS = {
  expect: /\bexpect(?:\.soft|\.poll)?\(/g,
  assert: /\bassert(?:\.\w+)?\(/g,
  helpers: /(?<!function |const |\.)\b(?:expect[A-Z]\w*|assert[A-Z]\w*)\(|\.axe\(/g,
} as const;

type Kind = keyof typeof PATTERNS;
type Counts = Record<Kind | 'total', number>;

function countIn(source: string): Counts {
  // Comments and import lines are not assertions.
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/^import .*$/gm, '');
  const counts = { total: 0 } as Counts;
  for (const kind of Object.keys(PATTERNS) as Kind[]) {
    counts[kind] = code.match(PATTERNS[kind])?.length ?? 0;
    counts.total += counts[kind];
  }
  return counts;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(file);
    else if (/\.tsx?$/.test(entry.name)) yield file;
  }
}

export function countAssertions(root = TESTS): Record<string, Counts> {
  const byFolder: Record<string, Counts> = {};
  for (const file of sourceFiles(root)) {
    const folder = path.relative(root, file).split(path.sep)[0] ?? '';
    const counts = countIn(fs.readFileSync(file, 'utf8'));
    const sum = (byFolder[folder] ??= { expect: 0, assert: 0, helpers: 0, total: 0 });
    for (const kind of Object.keys(sum) as (keyof Counts)[]) sum[kind] += counts[kind];
  }
  return byFolder;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const byFolder = countAssertions();
  const total = Object.values(byFolder).reduce((sum, counts) => sum + counts.total, 0);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ byFolder, total }, null, 2));
  } else {
    for (const [folder, counts] of Object.entries(byFolder).sort())
      console.log(
        `${folder.padEnd(12)} ${String(counts.total).padStart(5)}  (expect ${counts.expect}, assert ${counts.assert}, helpers ${counts.helpers})`,
      );
    console.log(`${'all'.padEnd(12)} ${String(total).padStart(5)}`);
  }
}
