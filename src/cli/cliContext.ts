import type { Readable } from 'node:stream';
import type { Clock } from '../main/core/clock';
import type { SecretStore } from '../main/core/secrets';
import type { Output } from './output';

/** Everything a command needs from the outside world, so each command is a plain function of it. */
export interface CliContext {
  readonly out: Output;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  /** The CAMB client's clock: `clock`, with request timeouts kept to real time under a speedup. */
  readonly requestClock: Clock;
  readonly fetch: typeof globalThis.fetch;
  /** Tells the redactor about a key as soon as the CLI holds it, before anything can print it. */
  readonly rememberSecret: (key: string) => void;
  /** Resolves when the user presses Ctrl-C. */
  readonly interrupted: Promise<void>;
}

export const HOW_TO_SET_KEY =
  'Set one with `camb-watch key set` (it reads the key from standard input) or the CAMB_API_KEY environment variable.';
