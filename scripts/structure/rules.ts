/**
 * The structure `npm run structure` holds the tree to (dependency-cruiser rules plus a size limit). The layers
 * are the ones docs/ARCHITECTURE.md describes: a headless core, thin fronts (shell, CLI, web host, renderer,
 * preload) and one shared contract; each core folder is a unit that others reach only through its index.ts.
 */
import type { IForbiddenRuleType } from 'dependency-cruiser';

/** Lines a source file or stylesheet may have before it should be split (the "about 400"). */
export const MAX_FILE_LINES = 400;

const FRONTS = ['shell', 'renderer', 'preload', 'cli', 'webHost'] as const;
const front = (name: (typeof FRONTS)[number]) => (name === 'shell' ? '^src/main/shell/' : `^src/${name}/`);

/** A layer and what it must not import: everything above it, and the fronts beside it. */
function layer(
  name: string,
  from: string,
  forbidden: readonly string[],
  comment: string,
): IForbiddenRuleType {
  return { name, severity: 'error', comment, from: { path: from }, to: { path: [...forbidden] } };
}

export const FORBIDDEN: IForbiddenRuleType[] = [
  {
    name: 'no-circular',
    severity: 'error',
    comment: 'An import circle makes two modules one unit in disguise: load order and tests depend on both.',
    from: {},
    to: { circular: true },
  },
  layer(
    'shared-is-the-bottom',
    '^src/shared/',
    ['^src/main/', ...FRONTS.map(front), '^tools/', '^tests/'],
    'src/shared (kinds, schemas, the contract, wording) is imported by every layer and imports none of them.',
  ),
  layer(
    'core-imports-no-front',
    '^src/main/core/',
    [...FRONTS.map(front), '^tools/', '^tests/', '^electron$', '^electron-store$', '^electron-updater$'],
    'The headless core runs in the CLI, the web host and tests: no Electron and no front end in it.',
  ),
  layer(
    'composition-is-the-top-of-the-core',
    '^src/main/core/(?!watchService/|appHost/)',
    ['^src/main/core/watchService/', '^src/main/core/appHost/'],
    'watchService composes the core and appHost serves it over the contract: nothing inside the core imports them.',
  ),
  layer(
    'app-host-above-the-service',
    '^src/main/core/watchService/',
    ['^src/main/core/appHost/'],
    'The app host wraps the watch service for the fronts; the service does not know how it is served.',
  ),
  layer(
    'shell-is-a-front',
    '^src/main/shell/',
    ['^src/renderer/', '^src/cli/', '^src/webHost/', '^tools/', '^tests/'],
    'The Electron shell wires the core to Electron; it does not reach into another front.',
  ),
  layer(
    'window-sees-only-the-contract',
    '^src/(renderer|preload|webHost/browser)/',
    ['^src/main/', '^src/cli/', '^src/webHost/(server|demo)/', '^tools/', '^tests/', '^node:'],
    'Code that runs in the page or the preload sees only src/shared: everything else crosses the contract.',
  ),
  layer(
    'cli-is-a-front',
    '^src/cli/',
    ['^src/main/shell/', '^src/renderer/', '^src/preload/', '^src/webHost/', '^tools/', '^tests/'],
    'camb-watch runs the core in plain Node, beside the other fronts.',
  ),
  layer(
    'web-host-is-a-front',
    '^src/webHost/(?!demo/)',
    ['^src/main/shell/', '^src/renderer/', '^src/preload/', '^src/cli/', '^tools/', '^tests/'],
    'The web host (development and tests) serves the core to a browser; only its demo uses the fake CAMB.AI.',
  ),
  layer(
    'demo-uses-only-the-fake-server',
    '^src/webHost/demo/',
    ['^src/main/shell/', '^src/renderer/', '^src/preload/', '^src/cli/', '^tests/'],
    'The demo drives the fake CAMB.AI in tools/; it takes nothing from the tests.',
  ),
  {
    name: 'no-deep-import-across-core-folders',
    severity: 'error',
    comment:
      'Each core folder is a unit with one front door, its index.ts: from outside, import the folder, never a file in it, so the folder can change inside without its users noticing.',
    from: { path: '^src/(main/core/([^/]+)/|main/shell/|cli/|webHost/)' },
    to: {
      path: '^src/main/core/[^/]+/.+',
      pathNot: ['^src/main/core/$2/', '^src/main/core/[^/]+/index\\.ts$'],
    },
  },
  {
    name: 'tools-stay-outside-the-app',
    severity: 'error',
    comment:
      'tools/ (the fake CAMB.AI) serves tests, scripts, the bench and the demo; the app never ships it.',
    from: { path: '^src/', pathNot: '^src/webHost/demo/' },
    to: { path: '^tools/' },
  },
];

/**
 * Concepts that were once written in several places (issue 17), each with its one home. A top-level
 * declaration whose name matches `names`, or a line matching `pattern`, anywhere in `src` but `home` is a
 * second definition. A heuristic, not a proof: it catches the names and shapes those copies had.
 */
export interface OneHome {
  readonly concept: string;
  readonly home: string;
  readonly names?: RegExp;
  readonly pattern?: RegExp;
}

export const ONE_HOME: readonly OneHome[] = [
  {
    concept: 'clipping a text with "…"',
    home: 'src/shared/format/clipText.ts',
    names: /^(clip|truncate|shorten|ellipsi[sz]e|oneLine)/,
  },
  { concept: 'is this a task kind', home: 'src/shared/taskKinds.ts', names: /^isTaskKind$/ },
  {
    concept: 'reading kind:id',
    home: 'src/shared/watchedTask.ts',
    names: /^(parseTaskKey|parseKey|splitKey)$/,
  },
  {
    concept: 'exponential backoff',
    home: 'src/shared/backoff.ts',
    names: /^backoff(Delay)?(Ms)?$/,
    pattern: /\b2\s*\*\*\s*[A-Za-z_(]/,
  },
  {
    concept: 'what needs the user\u2019s attention',
    home: 'src/shared/watchedTask.ts',
    names: /^(needsAttention|wantsAttention|hasFailed|isAttention\w*)$/,
  },
  {
    concept: 'time units',
    home: 'src/shared/time.ts',
    names: /^(MS_PER_)?(SECONDS?|MINUTES?|HOURS?|DAYS?)(_MS|_IN_MS)?$/,
  },
  {
    concept: 'a table with a row per task kind',
    home: 'src/shared/taskKinds.ts',
    pattern: /^(export )?const \w+\s*:\s*(Readonly<)?Record<TaskKind,/,
  },
  {
    concept: 'newest first',
    home: 'src/shared/taskOrder.ts',
    names: /^(newestFirst|newestAdded|comesBefore|byNewest\w*)$/,
  },
  {
    concept: 'a disk error code in words',
    home: 'src/main/core/diskFaults/diskFault.ts',
    pattern: /^\s*(case\s+)?'?(ENOSPC|EROFS|EDQUOT|EACCES)'?\s*:/,
  },
  {
    concept: 'one round of the request budget',
    home: 'src/main/core/scheduler/rateBudget.ts',
    names: /^budgetRound/,
  },
];
