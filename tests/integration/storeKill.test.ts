import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { persistedDocumentSchema } from '../../src/main/core/persistence/persistedDocument';
import { bundleChild } from '../support/bundledChild';

// Bundled once: the child is started for every kill (see bundledChild.ts).
let childScript = '';
beforeAll(async () => {
  childScript = await bundleChild(path.resolve(__dirname, '../support/storeChild.ts'));
});
afterAll(() => {
  if (childScript !== '') fs.rmSync(childScript, { force: true });
});
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/**
 * Runs the writer child and SIGKILLs it as soon as it announces write number `killAt`, which is then
 * most likely under way; resolves with the number of writes it reported finished. The child waits for a
 * go-ahead after each write, so it never runs more than that one write ahead of the kill.
 */
function runAndKill(cwd: string, killAt: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, cwd], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A go-ahead can still be on its way when the kill lands.
    child.stdin.on('error', () => undefined);
    let saved = 0;
    let killed = false;
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (killed) return;
      if (/^saved \d+$/.test(line)) {
        saved += 1;
        child.stdin.write('next\n');
      }
      if (line === `saving ${killAt}`) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && killed) resolve(saved);
      else reject(new Error(`writer exited early (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

describe('store: a process killed while writing', () => {
  it.each([0, 1, 25, 80, 160])(
    'leaves a loadable store holding a prefix of the writes (killed at write %i)',
    async (killAt) => {
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-kill-'));
      folders.push(cwd);
      const saved = await runAndKill(cwd, killAt);
      expect(saved).toBe(killAt);

      const { store, recovery } = openDocumentStore({ cwd, clock: new VirtualClock(), logger: silentLogger });
      expect(recovery).toBeNull();
      const document = persistedDocumentSchema.parse(store.store);
      const ids = document.tasks.map((task) => task.taskId);
      // Every write the child finished is there; the interrupted one is there whole or not at all.
      expect(ids.length).toBeGreaterThanOrEqual(saved);
      expect(ids.length).toBeLessThanOrEqual(saved + 1);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, n) => `t${n}`));
      // No file was moved aside: nothing was damaged.
      expect(fs.readdirSync(cwd).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    },
  );
});
