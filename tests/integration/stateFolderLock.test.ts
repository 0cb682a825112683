import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { persistedDocumentSchema } from '../../src/main/core/persistence/persistedDocument';
import {
  LOCK_NAME,
  lockedStore,
  lockStateFolder,
  type StateFolderLock,
} from '../../src/main/core/persistence/stateFolderLock';
import { createWatchList } from '../../src/main/core/watchList/watchList';
import { bundleChild } from '../support/bundledChild';

// Bundled once: a writer is started five times (tsx's start-up each time was most of this file's time).
let childScript = '';
beforeAll(async () => {
  childScript = await bundleChild(path.resolve(__dirname, '../support/lockedStoreChild.ts'));
});
afterAll(() => {
  if (childScript !== '') fs.rmSync(childScript, { force: true });
});
const folders: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-lock-'));
  folders.push(folder);
  return folder;
}

interface Writer {
  readonly child: ChildProcess;
  /** The child's first line: `ready`, or `refused <sentence>`. */
  readonly first: string;
  /** Sends a line and resolves with the child's answer to it. */
  send(line: string): Promise<string>;
  readonly exited: Promise<number | null>;
}

/** A second program on the folder, in a process of its own, as the web host would be. */
function startWriter(folder: string): Promise<Writer> {
  const child = spawn(process.execPath, [childScript, folder], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const waiting: ((line: string) => void)[] = [];
  const heard: string[] = [];
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next === undefined) heard.push(line);
    else next(line);
  });
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const line = heard.shift();
      if (line === undefined) waiting.push(resolve);
      else resolve(line);
    });
  return nextLine().then((first) => ({
    child,
    first,
    exited,
    send(line) {
      child.stdin?.write(`${line}\n`);
      return nextLine();
    },
  }));
}

function savedIds(folder: string): string[] {
  const { store } = openDocumentStore({ cwd: folder, clock: new VirtualClock(), logger: silentLogger });
  return persistedDocumentSchema
    .parse(store.store)
    .tasks.map((task) => task.taskId)
    .sort();
}

describe('one writer per state folder', () => {
  it('refuses a second program in a sentence naming who holds the folder, so no acknowledged add is lost', async () => {
    const folder = tempFolder();
    const first = await startWriter(folder);
    expect(first.first).toBe('ready');

    const second = await startWriter(folder);
    expect(second.first).toBe(
      `refused The watch list in ${folder} is already in use by the web host (process ${first.child.pid}). Only one program may use it at a time, or changes get lost: quit that one first, or give this one a folder of its own.`,
    );
    expect(await second.exited).toBe(3);

    // Everything the holder acknowledged is there: no other writer rewrote the list under it.
    for (let i = 0; i < 10; i++) expect(await first.send(`add task-${i}`)).toBe(`ack ${i + 1}`);
    first.child.stdin?.write('quit\n');
    expect(await first.exited).toBe(0);
    expect(savedIds(folder)).toEqual(Array.from({ length: 10 }, (_, i) => `task-${i}`).sort());

    // Released on quit: the next program takes the folder at once.
    const third = await startWriter(folder);
    expect(third.first).toBe('ready');
  });

  it('takes over at once from a holder that crashed (killed) without releasing the folder', async () => {
    const folder = tempFolder();
    const crashed = await startWriter(folder);
    expect(await crashed.send('add before-crash')).toBe('ack 1');
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    expect(fs.existsSync(path.join(folder, LOCK_NAME))).toBe(true);

    const next = await startWriter(folder);
    expect(next.first).toBe('ready');
    expect(await next.send('add after-crash')).toBe('ack 1');
  });

  it('is refused in this process too while a child holds it, and works without a lock on a folder that cannot take one', async () => {
    const folder = tempFolder();
    const holder = await startWriter(folder);
    expect(holder.first).toBe('ready');
    const refused = await lockStateFolder(folder, 'the desktop app', silentLogger);
    expect(refused).toEqual({
      ok: false,
      message: expect.stringContaining(`in use by the web host (process ${holder.child.pid})`),
    });

    // A folder that does not exist (or cannot be written) cannot hold the lock: nothing can be saved there
    // either, and the saving state says so; starting is not refused for it.
    const missing = await lockStateFolder(path.join(folder, 'missing'), 'the desktop app', silentLogger);
    expect(missing).toMatchObject({ ok: true, lock: { held: false } });
  });
});

describe('a lock lost to another program (this one stalled past the stale time)', () => {
  it('stops every write from here, and the user sees it as the saving state with what to do', () => {
    const folder = tempFolder();
    const clock = new VirtualClock();
    const { store } = openDocumentStore({ cwd: folder, clock, logger: silentLogger });
    const lock: StateFolderLock & { lost: boolean } = { held: true, lost: false, release: () => {} };
    const list = createWatchList({ store: lockedStore(store, lock), clock, logger: silentLogger });
    list.add('story', 'kept');
    list.flush();

    lock.lost = true;
    // Refused in words, not acknowledged and then lost: nothing here may write the folder any more.
    expect(() => list.add('story', 'not-written')).toThrow(
      /Your change was not saved, so it was not made: .* because another CAMB Watch program took over its folder/,
    );
    list.flush();

    expect(list.saveProblem()).toEqual({
      // The same words as the refusal above (one table of disk faults), naming which program.
      summary: 'another CAMB Watch program took over its folder',
      message: expect.stringContaining(`another CAMB Watch program took over ${folder}`),
    });
    expect(savedIds(folder)).toEqual(['kept']);
    list.dispose();
  });
});

describe('the lock while its holder runs', () => {
  it('stays held across its refreshes: naming its owner does not look like another program taking it', async () => {
    const folder = tempFolder();
    // Only proper-lockfile's refresh timer is driven; its file-system calls stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const taken = await lockStateFolder(folder, 'the web host', silentLogger);
      if (!taken.ok) throw new Error(taken.message);
      for (let refresh = 0; refresh < 3; refresh++) {
        await vi.advanceTimersByTimeAsync(10_000);
        // The refresh's stat and utimes answer on the real file system: wait for them.
        await expect.poll(() => taken.lock.lost, { interval: 5 }).toBe(false);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(taken.lock.lost).toBe(false);
      taken.lock.release();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a lock found at start, by who left it', () => {
  const bootMinute = () => Math.round((Date.now() - os.uptime() * 1000) / 60_000);

  /** A lock folder as a program left it, its heartbeat ten minutes old. */
  function leftLock(
    folder: string,
    owner: { pid: number; boot: number; host?: string },
    heartbeatAgoMs = 10 * 60_000,
  ): void {
    const lockDir = path.join(folder, LOCK_NAME);
    fs.mkdirSync(lockDir);
    fs.writeFileSync(
      path.join(lockDir, 'owner.json'),
      JSON.stringify({ program: 'the web host', host: os.hostname(), ...owner }),
    );
    const heartbeat = new Date(Date.now() - heartbeatAgoMs);
    fs.utimesSync(lockDir, heartbeat, heartbeat);
  }

  it('is not taken from a holder still running here, even when its heartbeat is late (a long freeze)', async () => {
    const folder = tempFolder();
    leftLock(folder, { pid: process.ppid, boot: bootMinute() });
    expect(await lockStateFolder(folder, 'the desktop app', silentLogger)).toEqual({
      ok: false,
      message: expect.stringContaining(`in use by the web host (process ${process.ppid})`),
    });
  });

  it('is taken over when it was left before the computer restarted, whatever process has that number now', async () => {
    const folder = tempFolder();
    leftLock(folder, { pid: process.ppid, boot: bootMinute() - 24 * 60 });
    const taken = await lockStateFolder(folder, 'the desktop app', silentLogger);
    expect(taken).toMatchObject({ ok: true, lock: { held: true } });
    if (taken.ok) taken.lock.release();
  });

  it('on a shared folder, waits for the heartbeat of a holder on another computer, then takes over', async () => {
    const live = tempFolder();
    leftLock(live, { pid: 4242, boot: 0, host: 'studio-mac' }, 5_000);
    expect(await lockStateFolder(live, 'the desktop app', silentLogger)).toEqual({
      ok: false,
      message: expect.stringContaining('in use by the web host (process 4242 on studio-mac)'),
    });

    const stopped = tempFolder();
    leftLock(stopped, { pid: 4242, boot: 0, host: 'studio-mac' }, 10 * 60_000);
    const taken = await lockStateFolder(stopped, 'the desktop app', silentLogger);
    expect(taken).toMatchObject({ ok: true, lock: { held: true } });
    if (taken.ok) taken.lock.release();
  });
});
