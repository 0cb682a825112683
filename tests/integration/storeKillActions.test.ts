import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { journalFileFor } from '../../src/main/core/persistence/actionJournal';
import { readJournal } from '../../src/main/core/persistence/journalLine';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { persistedDocumentSchema } from '../../src/main/core/persistence/persistedDocument';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { mulberry32 } from '../../bench/prng';
import { bundleChild } from '../support/bundledChild';
import { freeBytes, mountSmallDisk, whyNoSmallDisk, type SmallDisk } from '../support/smallDisk';

// Bundled once: the child is started for every kill (see bundledChild.ts).
let childScript = '';
let preload = '';
beforeAll(async () => {
  childScript = await bundleChild(path.resolve(__dirname, '../support/storeActionsChild.ts'));
  preload = await bundleChild(path.resolve(__dirname, '../support/diskQuota.ts'));
});
afterAll(() => {
  for (const bundle of [childScript, preload]) if (bundle !== '') fs.rmSync(bundle, { force: true });
});
const folders: string[] = [];

const disks: SmallDisk[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  for (const disk of disks.splice(0)) disk.unmount();
});

/** Task id → label: what the user sees of the list, and what must survive. */
type Tasks = ReadonlyMap<string, string>;
type Action = { type: 'add' | 'rename'; id: string; label: string } | { type: 'remove'; id: string };

function applyAction(tasks: Tasks, action: Action): Tasks {
  const next = new Map(tasks);
  if (action.type === 'remove') next.delete(action.id);
  else if (action.type === 'add') {
    if (!next.has(action.id)) next.set(action.id, action.label);
  } else if (next.has(action.id)) next.set(action.id, action.label);
  return next;
}

/** How many lines of the action journal the document does not hold yet: actions only the journal has. */
function journalOnlyActions(cwd: string): number {
  const documentFile = documentStoreFile(cwd);
  const journal = journalFileFor(documentFile);
  if (!fs.existsSync(journal) || !fs.existsSync(documentFile)) return 0;
  const { journalSeq = 0 } = persistedDocumentSchema.parse(JSON.parse(fs.readFileSync(documentFile, 'utf8')));
  return readJournal(fs.readFileSync(journal)).lines.filter((line) => line.seq > journalSeq).length;
}

function loadTasks(cwd: string): Tasks {
  const { store, recovery } = openDocumentStore({ cwd, clock: new VirtualClock(), logger: silentLogger });
  expect(recovery).toBeNull();
  expect(fs.readdirSync(cwd).filter((name) => name.includes('.corrupt-'))).toEqual([]);
  const document = persistedDocumentSchema.parse(store.store);
  return new Map(document.tasks.map((task) => [task.taskId, task.label ?? '']));
}

interface Cycle {
  /** What the parent heard acknowledged, applied in order to what the store held at the start. */
  readonly acknowledged: Tasks;
  /** The action sent last, when the kill came before its acknowledgement reached the parent. */
  readonly unacknowledged: Action | null;
  readonly acknowledgements: number;
  /** The sentences of the actions refused (not saved, so not made). */
  readonly refusals: string[];
}

/** Where the store lives: its folder, and how the child is started on it. */
interface Disk {
  readonly cwd: string;
  readonly nodeArgs: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Another program takes every byte left (true), or gives them back (false). */
  readonly fill?: (full: boolean) => void;
}

/**
 * Starts the child on the store in `cwd`, sends `count` actions one at a time (each after the last was
 * acknowledged: the go-ahead that keeps at most one action in flight), and SIGKILLs it while the last one
 * runs, after a random delay of 0–4 ms (sometimes before it starts, sometimes inside the write, sometimes
 * after the acknowledgement).
 */
function runCycle(disk: Disk, start: Tasks, random: () => number, nextId: () => string): Promise<Cycle> {
  const count = 1 + Math.floor(random() * 20);
  const pick = (tasks: Tasks): string => [...tasks.keys()][Math.floor(random() * tasks.size)] ?? 'none';
  // Long labels make each write big enough for a kill to land inside it.
  const label = (): string => `${'x'.repeat(150)}${Math.floor(random() * 1e9)}`;
  const choose = (tasks: Tasks): Action => {
    const roll = random();
    if (tasks.size < 4 || roll < 0.5) return { type: 'add', id: nextId(), label: label() };
    if (roll < 0.75) return { type: 'remove', id: pick(tasks) };
    return { type: 'rename', id: pick(tasks), label: label() };
  };
  const killDelay = random() < 0.3 ? 0 : random() * 4;

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...disk.nodeArgs, childScript, disk.cwd], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...disk.env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => undefined);
    const refusals: string[] = [];
    let acknowledged = start;
    let inFlight: Action | null = null;
    let sent = 0;
    let acknowledgements = 0;
    let killed = false;

    const send = (): void => {
      inFlight = choose(acknowledged);
      sent += 1;
      const line =
        inFlight.type === 'remove'
          ? `remove ${inFlight.id}`
          : `${inFlight.type} ${inFlight.id} ${inFlight.label}`;
      child.stdin.write(`${line}\n`);
      if (sent === count) {
        const kill = (): void => {
          killed = true;
          child.kill('SIGKILL');
        };
        if (killDelay === 0) kill();
        else setTimeout(kill, killDelay);
      }
    };

    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (killed) return;
      if (line === 'ready') send();
      else if (line.startsWith('ack ') && inFlight !== null) {
        acknowledged = applyAction(acknowledged, inFlight);
        acknowledgements += 1;
        inFlight = null;
        if (sent < count) send();
      } else if (line.startsWith('refused ') && inFlight !== null) {
        // Not made: the list stays as it was acknowledged.
        refusals.push(line.slice(line.indexOf(' ', 'refused '.length) + 1));
        inFlight = null;
        if (sent < count) send();
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && killed)
        resolve({ acknowledged, unacknowledged: inFlight, acknowledgements, refusals });
      else reject(new Error(`the child exited early (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

/** The room the small disks leave the watch list: < 1 MiB, and little enough that saves begin to fail. */
const SMALL_DISK_ROOM = 48 * 1024;
/** The injected disk: the watch list's files (and another program's) may not take more than this. */
const INJECTED_QUOTA = 48 * 1024;

function tempDisk(): Disk {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-actions-'));
  folders.push(cwd);
  return { cwd, nodeArgs: [], env: {} };
}

function mountedDisk(): Disk {
  const disk = mountSmallDisk(SMALL_DISK_ROOM);
  disks.push(disk);
  const cwd = path.join(disk.folder, 'state');
  fs.mkdirSync(cwd);
  const another = path.join(disk.folder, 'another.bin');
  const fill = (full: boolean): void => {
    if (full) fs.writeFileSync(another, Buffer.alloc(freeBytes(disk.folder)));
    else fs.rmSync(another, { force: true });
  };
  return { cwd, nodeArgs: [], env: {}, fill };
}

/** The same small disk without root: ENOSPC and short writes injected in the child's real write path. */
function injectedDisk(): Disk {
  const { cwd } = tempDisk();
  // Counted against the quota as any file in the folder: the child sees no room left.
  const another = path.join(cwd, 'another.bin');
  const fill = (full: boolean): void => {
    if (full) fs.writeFileSync(another, Buffer.alloc(INJECTED_QUOTA));
    else fs.rmSync(another, { force: true });
  };
  return {
    cwd,
    nodeArgs: ['--import', preload],
    env: { CAMB_TEST_DISK_QUOTA: `${INJECTED_QUOTA}:${cwd}` },
    fill,
  };
}

/** `kills` kills at seeded random points; what was acknowledged and refused, and how often only the journal had it. */
async function killRepeatedly(disk: Disk, kills: number) {
  // Seeded: the same kills at the same points on every run.
  const random = mulberry32(9);
  let ids = 0;
  const nextId = (): string => `t${ids++}`;
  let tasks: Tasks = new Map();
  let acknowledgedActions = 0;
  let inFlightKept = 0;
  let replayedFromJournal = 0;
  const refusals: string[] = [];
  for (let kill = 0; kill < kills; kill++) {
    // On a small disk, another program takes what is left for the middle third of the run, then gives it back.
    if (kill === Math.floor(kills / 3)) disk.fill?.(true);
    if (kill === Math.floor((2 * kills) / 3)) disk.fill?.(false);
    const cycle = await runCycle(disk, tasks, random, nextId);
    if (journalOnlyActions(disk.cwd) > 0) replayedFromJournal += 1;
    const loaded = loadTasks(disk.cwd);
    const withInFlight =
      cycle.unacknowledged === null
        ? cycle.acknowledged
        : applyAction(cycle.acknowledged, cycle.unacknowledged);
    // Every acknowledged action is there; the one cut short is there whole or not at all; none refused is.
    const sameAs = (expected: Tasks): boolean =>
      JSON.stringify([...loaded]) === JSON.stringify([...expected]);
    if (!sameAs(cycle.acknowledged)) {
      expect([...loaded]).toEqual([...withInFlight]);
      inFlightKept += 1;
    }
    acknowledgedActions += cycle.acknowledgements;
    refusals.push(...cycle.refusals);
    tasks = loaded;
  }
  return { acknowledgedActions, inFlightKept, replayedFromJournal, refusals };
}

/**
 * How many times the child is killed: 8 in an ordinary run, 32 (and 16 on each small disk) in a long one
 * (`npm test -- --long`, which `.ci/run` uses, sets CAMB_WATCH_LONG_TESTS=1). The thresholds below scale
 * with it: each kill acknowledges about 10 actions on average (1 to 20 per cycle).
 */
const LONG_RUN = process.env['CAMB_WATCH_LONG_TESTS'] === '1';
const KILLS = LONG_RUN ? 32 : 8;
const SMALL_DISK_KILLS = LONG_RUN ? 16 : 8;

describe('store: a process killed at random points while the user adds, removes and renames', () => {
  it(
    `loses no acknowledged action over ${KILLS} kills, and the store always loads`,
    { timeout: 300_000 },
    async () => {
      const run = await killRepeatedly(tempDisk(), KILLS);
      expect(run.refusals).toEqual([]);
      expect(run.acknowledgedActions).toBeGreaterThan((150 * KILLS) / 32);
      // The kills came while actions were in the journal only, so replaying it is what kept them.
      expect(run.replayedFromJournal).toBeGreaterThan((10 * KILLS) / 32);
      // Informative, not asserted: how many kills landed after the last action reached the disk.
      console.info(
        `${KILLS} kills, ${run.acknowledgedActions} acknowledged actions, ${run.replayedFromJournal} times some only in the journal; the one in flight was kept ${run.inFlightKept} times`,
      );
    },
  );

  /** On a disk that fills up: actions are acknowledged while they can be kept, then refused in words. */
  const onSmallDisk = async (disk: Disk) => {
    const run = await killRepeatedly(disk, SMALL_DISK_KILLS);
    console.info(
      `small disk, ${SMALL_DISK_KILLS} kills: ${run.acknowledgedActions} acknowledged actions, ${run.refusals.length} refused, none lost`,
    );
    expect(run.acknowledgedActions).toBeGreaterThan((40 * SMALL_DISK_KILLS) / 16);
    expect(run.refusals.length).toBeGreaterThan(0);
    for (const refusal of new Set(run.refusals))
      expect(refusal).toMatch(/^Your change was not saved, so it was not made: .*the disk is full/);
  };

  it.skipIf(whyNoSmallDisk() !== null)(
    `loses none on a real disk with < 1 MiB free, refusing in words what cannot be kept (tmpfs${whyNoSmallDisk() === null ? '' : `: skipped, ${whyNoSmallDisk()}`})`,
    { timeout: 300_000 },
    () => onSmallDisk(mountedDisk()),
  );

  it(
    'loses none with ENOSPC and short writes injected in the real write path (< 1 MiB free)',
    { timeout: 300_000 },
    () => onSmallDisk(injectedDisk()),
  );
});
