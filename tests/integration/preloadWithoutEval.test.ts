import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

/** Built by `npm run build` (npm test builds first), as Electron loads it. */
const PRELOAD = path.resolve('out/preload/index.cjs');

/**
 * Runs the built preload as a sandboxed renderer would, under a CSP that forbids code generation:
 * `electron` is a stand-in whose ipcRenderer answers every action, and `Function` records every attempt
 * to compile code from a string (zod's one probe would be refused by the CSP and reported).
 */
function runPreload() {
  const attempts: string[] = [];
  const exposed = new Map<string, unknown>();
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
    ipcRenderer: {
      invoke: () => Promise.resolve({ ok: true, value: DEFAULT_SETTINGS }),
      on: () => {},
      removeListener: () => {},
    },
  };
  const recordingFunction = new Proxy(Function, {
    construct(_target, args: unknown[]) {
      attempts.push(args.map(String).join(', '));
      throw new EvalError('Refused to evaluate a string as JavaScript (Content-Security-Policy)');
    },
    apply(_target, _this, args: unknown[]) {
      attempts.push(args.map(String).join(', '));
      throw new EvalError('Refused to evaluate a string as JavaScript (Content-Security-Policy)');
    },
  });
  const module = { exports: {} };
  const context = vm.createContext(
    {
      Function: recordingFunction,
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${name}`);
      },
    },
    { codeGeneration: { strings: false, wasm: false } },
  );
  vm.runInContext(fs.readFileSync(PRELOAD, 'utf8'), context, { filename: PRELOAD });
  return { attempts, exposed };
}

describe('the preload under the page CSP', () => {
  it('parses answers with zod without ever trying to compile code (zod jitless)', async () => {
    const { attempts, exposed } = runPreload();
    const bridge = exposed.get('cambWatch') as { getSettings(): Promise<unknown> };
    expect(await bridge.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(attempts).toEqual([]);
  });
});
