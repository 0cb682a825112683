import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface StateFolderHolder {
  readonly pid: number;
  /** Kills the holder as a crash would (its lock stays behind). */
  kill(): void;
}

/** Another web host holding `folder` (its way of taking it: the lock, then the store), in its own process. */
export async function holdStateFolder(folder: string): Promise<StateFolderHolder> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'lockedStoreChild.ts'), folder],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve) =>
    readline.createInterface({ input: child.stdout }).once('line', resolve),
  );
  if (first !== 'ready' || child.pid === undefined) {
    child.kill('SIGKILL');
    throw new Error(`The holder could not take ${folder}: ${first}`);
  }
  return { pid: child.pid, kill: () => child.kill('SIGKILL') };
}
