import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { runCamb } from '../../../src/cli/runCamb';
import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';

/*
 * Runs camb-watch against the fake CAMB server, and checks on every run that no key it knows of reached
 * stdout or stderr. `runCli` runs the CLI's commands in the test's own process (src/cli/runCamb.ts, what
 * bin/camb-watch runs, with the test's streams and variables): a process of its own costs about half a
 * second of start-up (Node, then the bundle and zod), which ~100 runs paid for nothing. `runCliProcess`
 * starts the built `bin/camb-watch` for what only a process shows: exit codes as a shell sees them,
 * signals (Ctrl-C), a closed pipe, the bundle itself.
 */

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(REPO_ROOT, 'bin/camb-watch');
const BUILT_ENTRY = join(REPO_ROOT, 'out/cli/main.js');

/** The key every CLI test runs with, unless it says otherwise. */
export const TEST_KEY = 'cli-test-key-7c1e5a90d2b4';
/**
 * Time in the CLI passes this many times faster (CAMB_WATCH_SPEEDUP): a 3 s poll interval takes 3 ms, the
 * `--timeout 2m` of a test 120 ms.
 */
export const SPEEDUP = 1000;

/** Keys that must never be printed; tests add the ones they use besides TEST_KEY. */
const secrets = new Set<string>([TEST_KEY]);

export function neverPrint(key: string): void {
  secrets.add(key);
}

export interface CliRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  /** Sets CAMB_API_BASE to it. */
  readonly server?: FakeCambServer;
  /** CAMB_API_KEY; null leaves it unset so the keychain is used. Default TEST_KEY. */
  readonly apiKey?: string | null;
  /** Default SPEEDUP; null leaves CAMB_WATCH_SPEEDUP unset. */
  readonly speedup?: number | null;
  /** More variables; undefined removes one. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Piped to standard input, which is then closed. Default: empty. */
  readonly stdin?: string;
  /** Sends SIGINT (Ctrl-C) once this settles, e.g. when the server has seen the CLI's request. */
  readonly interruptWhen?: Promise<unknown>;
  /** Closes the reading end of stdout, as `| head -n 1` does, once the output so far satisfies this. */
  readonly closeStdoutWhen?: (stdoutSoFar: string) => boolean;
  /** Called once that reading end is really closed, so the CLI's next write meets a broken pipe. */
  readonly afterStdoutClosed?: () => void;
}

/** Only a safety net against a CLI that never exits: tests assert on what it did, never on how long. */
const RUN_LIMIT_MS = 25_000;

/** The CLI's variables are set here and nowhere else, so a developer's own CAMB_API_KEY never leaks in. */
function cliEnv(options: RunCliOptions): NodeJS.ProcessEnv {
  const apiKey = options.apiKey === undefined ? TEST_KEY : options.apiKey;
  const speedup = options.speedup === undefined ? SPEEDUP : options.speedup;
  const chosen: Record<string, string | undefined> = {
    CAMB_API_KEY: apiKey ?? undefined,
    CAMB_API_BASE: options.server?.baseUrl,
    CAMB_WATCH_SPEEDUP: speedup === null ? undefined : String(speedup),
    // A profile folder that does not exist: `wait` never learns from the developer's own watch list.
    CAMB_WATCH_USER_DATA: join(tmpdir(), 'camb-watch-cli-tests-no-profile'),
    ...options.env,
  };
  const inherited = Object.entries(process.env).filter(([name]) => !(name in chosen));
  const set = Object.entries(chosen).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return Object.fromEntries([...inherited, ...set]);
}

function assertNoSecretIn(run: CliRun, args: readonly string[]): void {
  for (const secret of secrets) {
    const spellings = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
    for (const [stream, text] of [
      ['stdout', run.stdout],
      ['stderr', run.stderr],
    ] as const) {
      if (spellings.some((spelling) => text.includes(spelling))) {
        // The message names the stream, never the key.
        throw new Error(`camb-watch ${args.join(' ')} printed an API key on ${stream}`);
      }
    }
  }
}

/** Where a run says it went wrong: the secrets check, then the result. */
function checked(run: CliRun, args: readonly string[]): CliRun {
  assertNoSecretIn(run, args);
  return run;
}

/**
 * Runs `camb-watch ...args` in this process and resolves with its exit code and output. For Ctrl-C it takes
 * `interruptWhen` (resolving the CLI's own "interrupted"); a closed pipe needs `runCliProcess`.
 */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  if (options.closeStdoutWhen !== undefined) throw new Error('a closed stdout needs runCliProcess');
  let stdout = '';
  let stderr = '';
  const limit = new AbortController();
  const timedOut = new Promise<never>((_resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`camb-watch ${args.join(' ')} did not finish; stderr so far:\n${stderr}`));
    }, RUN_LIMIT_MS);
    limit.signal.addEventListener('abort', () => clearTimeout(timer));
  });
  try {
    const exitCode = await Promise.race([
      runCamb(args, {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        // As a pipe gives it: bytes, then the end.
        stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
        env: cliEnv(options),
        interrupted: options.interruptWhen?.then(() => undefined) ?? new Promise<void>(() => undefined),
      }),
      timedOut,
    ]);
    return checked({ exitCode, signal: null, stdout, stderr }, args);
  } finally {
    limit.abort();
  }
}

/** Runs the built `bin/camb-watch ...args` as a process and resolves with its exit code and output once it has exited. */
export function runCliProcess(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: cliEnv(options),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (options.closeStdoutWhen?.(stdout) !== true) return;
      child.stdout.once('close', () => options.afterStdoutClosed?.());
      child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    void options.interruptWhen?.then(() => child.kill('SIGINT'));
    child.on('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(limit);
      let run: CliRun;
      try {
        run = checked({ exitCode, signal, stdout, stderr }, args);
      } catch (error) {
        reject(error as Error);
        return;
      }
      if (signal === 'SIGKILL') {
        reject(new Error(`camb-watch ${args.join(' ')} did not exit; stderr so far:\n${stderr}`));
        return;
      }
      resolvePromise(run);
    });
    // A CLI that exits before reading stdin closes the pipe: that is its business, not a test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
  });
}

/** The stdout lines of a `--json` run, each parsed. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

// --- keeping out/cli up to date ---------------------------------------------------------------------------

/** Everything bundled into out/cli/main.js, plus what decides how it is built. */
const SOURCES = ['src/cli', 'src/main/core', 'src/shared', 'vite.cli.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

function isBuildCurrent(): boolean {
  if (!existsSync(BUILT_ENTRY)) return false;
  const built = statSync(BUILT_ENTRY).mtimeMs;
  return SOURCES.every((source) => newestMtime(join(REPO_ROOT, source)) <= built);
}

/**
 * Builds the CLI when out/cli/main.js is missing or older than its sources, so running vitest alone never
 * tests a stale binary. Several test files may call this at once: each builds into its own folder and
 * renames the files into place, so a running CLI never sees a half-written bundle.
 */
export async function ensureCliBuilt(): Promise<void> {
  if (isBuildCurrent()) return;
  const staging = join(REPO_ROOT, 'out', `cli-build-${process.pid}-${Date.now()}`);
  try {
    await promisify(execFile)('npx', ['vite', 'build', '-c', 'vite.cli.config.ts', '--outDir', staging], {
      cwd: REPO_ROOT,
    });
    mkdirSync(join(REPO_ROOT, 'out/cli'), { recursive: true });
    renameSync(join(staging, 'main.js.map'), join(REPO_ROOT, 'out/cli/main.js.map'));
    renameSync(join(staging, 'main.js'), BUILT_ENTRY);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
