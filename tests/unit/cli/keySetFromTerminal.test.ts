import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { keySet } from '../../../src/cli/commands/keyCommands';
import type { CliContext } from '../../../src/cli/cliContext';
import { systemClock } from '../../../src/main/core/clock/clock';
import { memorySecretStore } from '../../../src/main/core/secrets/memorySecretStore';

/**
 * `key set` at a terminal: raw mode, nothing echoed, one line. A real TTY cannot be opened in a test, so
 * the terminal is a stream that says it is one and records raw-mode switches.
 */
function terminal() {
  const stream = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(mode: boolean) {
      stream.rawModes.push(mode);
      return stream;
    },
  });
  return stream;
}

function context(stdin: ReturnType<typeof terminal>) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const secrets = memorySecretStore('OS keychain');
  const cli: CliContext = {
    out: {
      line: (text) => stdout.push(text),
      json: (value) => stdout.push(JSON.stringify(value)),
      note: (text) => stderr.push(text),
    },
    stdin,
    env: {},
    secrets: secrets.store,
    clock: systemClock,
    requestClock: systemClock,
    fetch: () => Promise.reject(new Error('key set sends nothing')),
    rememberSecret: () => undefined,
    interrupted: new Promise(() => undefined),
  };
  return { cli, stdout, stderr, secrets };
}

describe('key set from a terminal', () => {
  it('reads one hidden line, restores the terminal and prints no stray blank lines', async () => {
    const stdin = terminal();
    const run = context(stdin);
    const done = keySet(run.cli);
    stdin.write('typed-key-123456\r');
    expect(await done).toBe(0);
    expect(await run.secrets.store.get()).toMatchObject({ key: 'typed-key-123456' });
    expect(stdin.rawModes).toEqual([true, false]);
    expect(run.stderr).toEqual(['Paste your CAMB.AI API key and press Enter (it will not be shown): ']);
    expect(run.stdout).toEqual(['API key saved in the OS keychain.']);
  });

  it('Ctrl-C cancels with exit 130, like Ctrl-C anywhere else, and saves nothing', async () => {
    const stdin = terminal();
    const run = context(stdin);
    const done = keySet(run.cli);
    stdin.write('half-typed\u0003');
    expect(await done).toBe(130);
    expect(await run.secrets.store.get()).toMatchObject({ key: null });
    expect(stdin.rawModes).toEqual([true, false]);
    expect(run.stderr.join('\n')).not.toContain('half-typed');
    expect(run.stderr.at(-1)).toBe('Cancelled: no API key was saved.');
  });
});
