import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseWebHostArgs } from '../../../src/webHost/cliArgs';
import { holdStateFolder } from '../../support/stateFolderHolder';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // tsx as a loader in one node process: its launcher's extra process adds nothing here.
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/webHost/cli.ts', ...args],
      {
        cwd: ROOT,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run dev:web: the command line', () => {
  it('reads the options it documents', () => {
    expect(parseWebHostArgs(['--demo', '--state-dir', ' /tmp/x ', '--port', '8080'])).toEqual({
      ok: true,
      args: { demo: true, help: false, stateDir: '/tmp/x', port: 8080, apiBase: undefined },
    });
    expect(parseWebHostArgs(['--api-base', 'http://127.0.0.1:9/apis/'])).toMatchObject({
      ok: true,
      args: { demo: false, port: 0, apiBase: 'http://127.0.0.1:9/apis', stateDir: undefined },
    });
  });

  it('refuses bad options with a sentence naming the option', () => {
    const cases: [string[], string][] = [
      [['--port', 'nope'], '--port must be a port number, not "nope"'],
      [['--port', '-1'], "'--port'"],
      [['--port', '70000'], '--port must be at most 65535'],
      [['--api-base', 'not a url'], '--api-base must be an http:// or https:// URL'],
      [['--api-base', 'https://example.invalid/apis?x=1'], '--api-base must not have a ?query or #fragment'],
      [['--state-dir', ' '], '--state-dir needs a folder'],
      [['--frobnicate'], "Unknown option '--frobnicate'"],
      [['somewhere'], "Unexpected argument 'somewhere'"],
      [['--demo', '--api-base', 'http://127.0.0.1:9/apis'], '--demo runs its own simulated CAMB.AI'],
    ];
    for (const [args, message] of cases) {
      const parsed = parseWebHostArgs(args);
      expect(parsed.ok, args.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.error, args.join(' ')).toContain(message);
    }
  });

  it('exits with code 2, the reason and the usage on stderr, before starting anything', async () => {
    const [badPort, unknown] = await Promise.all([cli('--port', 'nope'), cli('--frobnicate')]);
    expect(badPort).toMatchObject({ code: 2, stdout: '' });
    expect(badPort.stderr).toContain('camb-watch web host: --port must be a port number, not "nope"');
    expect(badPort.stderr).toContain('Usage: npm run dev:web --');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain("camb-watch web host: Unknown option '--frobnicate'");
  });

  it('refuses a state folder another program uses, in a sentence naming it, and exits 1 without starting', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-web-held-'));
    const holder = await holdStateFolder(folder);
    try {
      const refused = await cli('--state-dir', folder);
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toBe(
        `camb-watch web host: The watch list in ${folder} is already in use by the web host (process ${holder.pid}). Only one program may use it at a time, or changes get lost: quit that one first, or give this one a folder of its own.\n`,
      );
    } finally {
      holder.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
