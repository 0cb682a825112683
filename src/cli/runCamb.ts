import type { Readable } from 'node:stream';
import { acceleratedClock } from '../main/core/clock';
import { systemClock, type Clock } from '../main/core/clock';
import { createRedactor } from '../main/core/logging';
import { preferEnvironmentKey } from '../main/core/secrets';
import { createKeytarSecretStore } from '../main/core/secrets';
import { parseCliArgs, type CliCommand } from './args';
import type { CliContext } from './cliContext';
import { keyClear, keySet, keyStatus } from './commands/keyCommands';
import { resultCommand } from './commands/resultCommand';
import { statusCommand } from './commands/statusCommand';
import { waitCommand } from './commands/waitCommand';
import { EXIT, type ExitCode } from './exitCodes';
import { createOutput, type TextSink } from './output';
import { requestClockFor } from './requestClock';
import { sentence } from '../shared/format/sentence';
import { USAGE } from './usage';
import { VERSION } from './version';

/**
 * What one run of the CLI reads and writes: the process's own streams and variables in `main.ts`, or a
 * test's, which runs the same commands in its own process (the process boundary itself, signals, exit
 * codes and a closed pipe, is tested through `bin/camb-watch`).
 */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stdin: Readable;
  readonly env: NodeJS.ProcessEnv;
  /** Resolves when the user presses Ctrl-C. */
  readonly interrupted: Promise<void>;
}

function runCommand(command: CliCommand, context: CliContext): Promise<ExitCode> | ExitCode {
  switch (command.name) {
    case 'help':
      context.out.line(USAGE);
      return EXIT.ok;
    case 'version':
      context.out.line(VERSION);
      return EXIT.ok;
    case 'status':
      return statusCommand(context, command);
    case 'wait':
      return waitCommand(context, command);
    case 'result':
      return resultCommand(context, command);
    case 'key-set':
      return keySet(context);
    case 'key-status':
      return keyStatus(context, command.json);
    case 'key-clear':
      return keyClear(context);
  }
}

/**
 * CAMB_WATCH_SPEEDUP=N makes time pass N times faster, so tests and demos can run whole timelines against a
 * local fake server in a moment. It is refused for any other server: it would multiply the request rate.
 */
function chooseClock(
  env: NodeJS.ProcessEnv,
): { ok: true; clock: Clock; speedup: number } | { ok: false; error: string } {
  const raw = env['CAMB_WATCH_SPEEDUP'];
  if (raw === undefined || raw === '') return { ok: true, clock: systemClock, speedup: 1 };
  const speedup = Number(raw);
  if (!Number.isFinite(speedup) || speedup < 1) {
    return { ok: false, error: `CAMB_WATCH_SPEEDUP must be a number of at least 1, not "${raw}".` };
  }
  const base = env['CAMB_API_BASE'] ?? '';
  if (!/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(base)) {
    return { ok: false, error: 'CAMB_WATCH_SPEEDUP only works with a local CAMB_API_BASE (a test server).' };
  }
  return { ok: true, clock: acceleratedClock(systemClock, speedup), speedup };
}

function talksToCamb(command: CliCommand): boolean {
  return command.name === 'status' || command.name === 'wait' || command.name === 'result';
}

/** Runs `camb-watch ...argv` (the arguments after the program's name) and resolves with its exit code. */
export async function runCamb(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  /** Every key the CLI has held: whatever is printed is scrubbed of them. */
  const secretsInUse: string[] = [];
  const redactor = createRedactor(() => secretsInUse);
  const out = createOutput(io.stdout, io.stderr, redactor);
  try {
    const parsed = parseCliArgs(argv);
    if (!parsed.ok) {
      out.note(`camb-watch: ${sentence(parsed.error)}\nRun \`camb-watch --help\` for usage.`);
      return EXIT.usage;
    }
    // Help, version and the key commands never reach CAMB.AI: a speedup cannot matter (nor stop) them.
    const clock = talksToCamb(parsed.command)
      ? chooseClock(io.env)
      : { ok: true as const, clock: systemClock, speedup: 1 };
    if (!clock.ok) {
      out.note(`camb-watch: ${clock.error}`);
      return EXIT.usage;
    }
    const context: CliContext = {
      out,
      stdin: io.stdin,
      env: io.env,
      secrets: preferEnvironmentKey(createKeytarSecretStore(), io.env),
      clock: clock.clock,
      requestClock: requestClockFor(clock.clock, clock.speedup),
      fetch: globalThis.fetch,
      rememberSecret: (key) => {
        if (key !== '') secretsInUse.push(key);
      },
      interrupted: io.interrupted,
    };
    // Only `wait` listens for Ctrl-C itself (to stop its scheduler); every other command (a hung request, a
    // retry's backoff, a key read from a pipe) ends here.
    return await Promise.race([
      runCommand(parsed.command, context),
      io.interrupted.then(() => EXIT.interrupted),
    ]);
  } catch (error) {
    // A bug, not a user error: say so plainly, without a stack full of internals (and never the key).
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(redactor.redact(`camb-watch: unexpected internal error: ${message}\n`));
    return EXIT.internalError;
  }
}
