import { execFile } from 'node:child_process';
import {
  cpSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

/** The repository root, wherever the command is started from. */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** The built renderer page, scanned with src/ (run `npm run build` first; the test command does). */
export const BUILT_PAGE = 'out/renderer/index.html';

/** The extensions electronegativity scans (its own list_files filter). */
const SCANNED_EXTENSIONS = /\.(js|jsx|ts|tsx|html|htm)$/i;

export interface StagedInput {
  dir: string;
  remove(): void;
}

/**
 * Copies the app's sources and package.json into one temporary folder: electronegativity takes a single
 * input folder, reads the Electron version from a package.json inside it, and would otherwise also scan
 * tests, build output and scripts.
 */
export function stageScanInput(repoRoot: string = REPO_ROOT): StagedInput {
  const dir = mkdtempSync(join(tmpdir(), 'camb-watch-electronegativity-'));
  cpSync(join(repoRoot, 'src'), join(dir, 'src'), { recursive: true });
  copyFileSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  // With only the range "^45.5.0" it cannot tell the version and assumes 0.1.0; the lock file pins it.
  const lockFile = join(repoRoot, 'package-lock.json');
  if (existsSync(lockFile)) copyFileSync(lockFile, join(dir, 'package-lock.json'));
  // The page as it ships: its Content-Security-Policy meta tag is added by the build, not in src/.
  const builtPage = join(repoRoot, BUILT_PAGE);
  if (existsSync(builtPage)) {
    mkdirSync(dirname(join(dir, BUILT_PAGE)), { recursive: true });
    copyFileSync(builtPage, join(dir, BUILT_PAGE));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Readability {
  /** Files electronegativity scans, relative to the input folder. */
  scanned: string[];
  /** Files it cannot parse: with `-o` it skips them without a word, so the gate must say so. */
  unreadable: { file: string; message: string }[];
}

interface ElectronegativityParser {
  parse(filename: string, content: Buffer): unknown;
}
type ParserConstructor = new (babelFirst: boolean, typescriptBabelFirst: boolean) => ElectronegativityParser;

/** Parses every file to be scanned with electronegativity's own parser, set up as its runner sets it up. */
export function checkReadability(inputDir: string): Readability {
  const require = createRequire(import.meta.url);
  const { Parser } = require('@doyensec/electronegativity/dist/parser') as { Parser: ParserConstructor };
  const parser = new Parser(false, true);
  const scanned = listFiles(inputDir).filter((f) => SCANNED_EXTENSIONS.test(f));
  const unreadable: Readability['unreadable'] = [];
  for (const file of scanned) {
    try {
      parser.parse(file, readFileSync(file));
    } catch (error) {
      unreadable.push({ file: toRelative(inputDir, file), message: (error as Error).message });
    }
  }
  return { scanned: scanned.map((f) => toRelative(inputDir, f)), unreadable };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function toRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** Fixes for the electronegativity process alone: see each file. */
const PRELOADS = ['gotWithoutRetry.cjs', 'reportWritesInOrder.cjs'].map((file) =>
  join(import.meta.dirname, file),
);

function withPreloads(): string {
  return [process.env.NODE_OPTIONS, ...PRELOADS.map((file) => `--require ${JSON.stringify(file)}`)]
    .filter(Boolean)
    .join(' ');
}

const NO_ELECTRON_VERSION = "Couldn't detect Electron version";

/**
 * Runs the electronegativity CLI over `inputDir`, writing its CSV report to `reportPath`, and returns the
 * report's text. Its exit code is 0 whatever it finds, so only a crash or a missing Electron version
 * (every version-dependent check would then assume v0.1) counts as failure here.
 */
export async function runElectronegativity(options: {
  inputDir: string;
  reportPath: string;
  repoRoot?: string;
}): Promise<string> {
  const bin = join(options.repoRoot ?? REPO_ROOT, 'node_modules', '.bin', 'electronegativity');
  rmSync(options.reportPath, { force: true });
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      bin,
      ['--input', options.inputDir, '--output', options.reportPath, '--relative'],
      // English descriptions whatever the user's locale (the tool ships es-ES and fr-FR too); its HTTP
      // client without retries, which crash it on Node 24 when it is offline (see gotWithoutRetry.cjs), and
      // its report written in order (see reportWritesInOrder.cjs).
      {
        env: { ...process.env, LANG: 'en-US', NODE_OPTIONS: withPreloads() },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`electronegativity failed to run: ${error.message}\n${stdout}${stderr}`));
        else resolve(`${stdout}${stderr}`);
      },
    );
  });
  if (output.includes(NO_ELECTRON_VERSION)) {
    throw new Error(
      `electronegativity could not find the Electron version in ${options.inputDir}/package.json, so its version checks would be wrong`,
    );
  }
  try {
    return readFileSync(options.reportPath, 'utf8');
  } catch (error) {
    throw new Error(
      `electronegativity wrote no report at ${options.reportPath}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
