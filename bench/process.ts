/**
 * Scenario 3, "process": the real core (watch service, scheduler, CAMB client over real HTTP) with the real
 * store (conf) in a temporary folder, against the fake CAMB.AI, on a virtual clock. It measures what the
 * simulated scenarios cannot: how often the store is written while nothing changes, what adding and
 * listing cost at 5,000 jobs (in process, and through the contract while polling runs), and how many
 * requests reach the server in any rolling second.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { step } from '../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness } from '../tests/support/watchServiceHarness';
import { addThroughContract } from './contractAdds';
import { mulberry32 } from './prng';
import { SEED } from './scenarios';
import { MAX_WATCHED_TASKS } from '../src/main/core/persistence/persistedDocument';
import { peakInWindow, round } from './stats';

export interface ProcessFigures {
  readonly store: {
    /** Writes of the store folder in one minute with 1,000 jobs pending and none changing (a floor: see idleMinute). */
    readonly writes_per_min_idle: number;
    /** One by one, each durable (its journal line flushed to disk) before `add` returns. */
    readonly add_5000_ms: number;
    /** The part of add_5000_ms spent waiting for the disk to flush those lines: the disk's share, not the app's. */
    readonly add_5000_flush_ms: number;
    /**
     * 5,000 adds through the app host's contract (the handlers the web host and IPC call), 8 in flight at
     * once, every event serialised for a window, polling running against the fake CAMB.AI on the real clock.
     */
    readonly add_5000_contract_ms: number;
    /** The part of add_5000_contract_ms spent waiting for the disk to flush the adds' journal lines. */
    readonly add_5000_contract_flush_ms: number;
    /** The slowest of five `listTasks` answers (the list, serialised as the bridge sends it). */
    readonly list_5000_ms: number;
    /** Importing a file of the list's most tasks (10,000 minimal entries) into an empty list: one write. */
    readonly import_max_ms: number;
    /** Importing that file repeated ten times (100,000 entries, all already watched) into the full list. */
    readonly import_100000_again_ms: number;
  };
  readonly budget: {
    /** Status requests arriving at the server in any rolling second, with 0–100 ms of network jitter. */
    readonly peak_any_rolling_1s: number;
  };
}

const IDLE_JOBS = 1_000;
const ADDED_JOBS = 5_000;
/** Long enough for every pending job to have been checked once before the quiet minute is measured. */
const WARM_UP_MS = 5 * 60_000;
const MEASURED_MS = 60_000;
const ARRIVAL_JITTER_MS = 100;

/** Every file in the folder, with what changes when it is written: a change of any is one write. */
function folderStamp(folder: string): string {
  return fs
    .readdirSync(folder)
    .map((name) => {
      const stat = fs.statSync(path.join(folder, name), { bigint: true });
      return `${name}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
    })
    .sort()
    .join('|');
}

/** Store writes in one quiet minute, and the requests' arrival times over warm-up and that minute. */
async function idleMinute(): Promise<{ writesPerMinute: number; arrivals: number[] }> {
  const random = mulberry32(SEED + 5);
  const h = await createWatchServiceHarness({ arrivalDelayMs: () => random() * ARRIVAL_JITTER_MS });
  try {
    for (let i = 0; i < IDLE_JOBS; i++) {
      h.server.addTask('story', `idle-${i}`, step.pending());
      h.service.add('story', `idle-${i}`);
    }
    await h.advance(WARM_UP_MS);
    // Looked at once a virtual second: writes closer together than that count once, so this is a floor.
    let writes = 0;
    let stamp = folderStamp(h.cwd);
    for (let elapsed = 0; elapsed < MEASURED_MS; elapsed += 1_000) {
      await h.advance(1_000);
      const next = folderStamp(h.cwd);
      if (next !== stamp) writes++;
      stamp = next;
    }
    const arrivals = h.server.requests.filter((r) => r.route === 'status').map((r) => r.at);
    return { writesPerMinute: writes / (MEASURED_MS / 60_000), arrivals };
  } finally {
    await h.close();
  }
}

/**
 * Times every flush of file data to disk while `run` runs: on a busy or slow disk a flush takes ten times
 * as long, and this says how much of a figure is the disk's.
 */
async function timingFlushes<T>(run: () => Promise<T>): Promise<{ result: T; flushMs: number }> {
  const original = fs.fdatasyncSync;
  let flushMs = 0;
  fs.fdatasyncSync = (fd) => {
    const startedAt = performance.now();
    try {
      original(fd);
    } finally {
      flushMs += performance.now() - startedAt;
    }
  };
  try {
    return { result: await run(), flushMs };
  } finally {
    fs.fdatasyncSync = original;
  }
}

/** Wall time to add 5,000 jobs one by one, then the slowest of five listings of them. */
async function addAndList(): Promise<{ addMs: number; flushMs: number; listMs: number }> {
  const h = await createWatchServiceHarness();
  try {
    const startedAt = performance.now();
    const { flushMs } = await timingFlushes(async () => {
      for (let i = 0; i < ADDED_JOBS; i++) h.service.add('story', `added-${i}`);
    });
    const addMs = performance.now() - startedAt;
    let listMs = 0;
    for (let run = 0; run < 5; run++) {
      const listedAt = performance.now();
      JSON.stringify({ tasks: h.service.list(), now: h.clock.now() });
      listMs = Math.max(listMs, performance.now() - listedAt);
    }
    return { addMs, flushMs, listMs };
  } finally {
    await h.close();
  }
}

/** Wall time to import a full list's worth of tasks, then a 100,000-entry file of the same tasks again. */
async function importTwice(): Promise<{ importMs: number; againMs: number }> {
  const h = await createWatchServiceHarness();
  try {
    const entries = Array.from({ length: MAX_WATCHED_TASKS }, (_, i) => ({
      kind: 'story',
      taskId: `imp-${i}`,
    }));
    const once = JSON.stringify(entries);
    const tenTimes = JSON.stringify(Array.from({ length: 10 }, () => entries).flat());
    let startedAt = performance.now();
    h.service.importJson(once);
    const importMs = performance.now() - startedAt;
    startedAt = performance.now();
    h.service.importJson(tenTimes);
    return { importMs, againMs: performance.now() - startedAt };
  } finally {
    await h.close();
  }
}

export async function processFigures(): Promise<ProcessFigures> {
  const idle = await idleMinute();
  const added = await addAndList();
  const imported = await importTwice();
  const contract = await timingFlushes(() => addThroughContract(ADDED_JOBS));
  return {
    store: {
      writes_per_min_idle: round(idle.writesPerMinute),
      add_5000_ms: Math.round(added.addMs),
      add_5000_flush_ms: Math.round(added.flushMs),
      add_5000_contract_ms: Math.round(contract.result),
      add_5000_contract_flush_ms: Math.round(contract.flushMs),
      list_5000_ms: round(added.listMs, 1),
      import_max_ms: Math.round(imported.importMs),
      import_100000_again_ms: Math.round(imported.againMs),
    },
    budget: { peak_any_rolling_1s: peakInWindow(idle.arrivals, 1_000) },
  };
}
