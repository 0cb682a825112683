/**
 * `npm run structure`: holds the tree to the rules in rules.ts, with dependency-cruiser reading the real
 * imports (type-only ones included, through the TypeScript compiler), plus what an import graph cannot say:
 * circles between folders and files too long to read. Prints every breach with the rule's reason; exit 1 if any.
 */
import { readFileSync } from 'node:fs';
import { cruise, type ICruiseResult, type IModule } from 'dependency-cruiser';
import { FORBIDDEN, MAX_FILE_LINES, ONE_HOME } from './rules';
import { secondHomes } from './secondHomes';
import { folderCircles } from './folderCircles';

const ROOTS = ['src', 'tools'];

const reported = await cruise(
  ROOTS,
  {
    ruleSet: { forbidden: FORBIDDEN },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    validate: true,
  },
  // No path aliases in this project: plain relative imports, so no tsconfig is needed to resolve them.
  { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.css'] },
);
const result = reported.output as ICruiseResult;
const problems: string[] = [];

const reasons = new Map(FORBIDDEN.map((rule) => [rule.name, rule.comment]));
for (const violation of result.summary.violations) {
  const where = violation.cycle
    ? violation.cycle.map((step) => step.name).join(' → ')
    : `${violation.from} → ${violation.to}`;
  problems.push(`${violation.rule.name}: ${where}\n    ${reasons.get(violation.rule.name) ?? ''}`);
}

const sources = result.modules.filter((module: IModule) =>
  /^(src|tools)\/.*\.(tsx?|css)$/.test(module.source),
);
for (const module of sources) {
  const lines = readFileSync(module.source, 'utf8').trimEnd().split('\n').length;
  if (lines > MAX_FILE_LINES)
    problems.push(
      `file-too-long: ${module.source} has ${lines} lines (at most ${MAX_FILE_LINES}): split it by concern.`,
    );
}

for (const found of secondHomes(
  sources.map((module) => module.source),
  ONE_HOME,
))
  problems.push(
    `one-home: ${found.where} defines ${found.concept} again (its home is ${found.home})\n    One concept, one definition: use the one in its home.`,
  );

for (const circle of folderCircles(result.modules, ['src/main/core', 'src/renderer', 'src/shared']))
  problems.push(
    `no-folder-circle: ${circle.join(' → ')}\n    Folders import each other in a circle, so neither sits above the other: move what both need below both.`,
  );

const files = sources.length;
if (problems.length === 0) {
  console.log(
    `Structure holds: ${files} files, ${result.summary.totalCruised} modules cruised, no rule broken.`,
  );
} else {
  console.log(problems.join('\n'));
  console.log(`\n${problems.length} structure problem${problems.length === 1 ? '' : 's'} in ${files} files.`);
  process.exitCode = 1;
}
