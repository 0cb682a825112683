/**
 * Child process for the store kill test: opens the watch-list store in the folder given as the first
 * argument and adds tasks `t0`, `t1`, … one by one, each saved at once (no coalescing). It prints
 * `saving <n>` just before a write starts, so a parent that SIGKILLs it on that line most likely hits
 * the write in the middle, and `saved <n>` once the write has returned. Then it waits for a line on stdin
 * before the next write: however late the kill lands, the child is at most one write past `saving <n>`.
 */
import { readSync } from 'node:fs';
import { systemClock } from '../../src/main/core/clock/clock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { createWatchList } from '../../src/main/core/watchList/watchList';

const cwd = process.argv[2];
if (cwd === undefined) {
  process.stderr.write('usage: storeChild <folder>\n');
  process.exit(2);
}
const { store } = openDocumentStore({ cwd, clock: systemClock, logger: silentLogger });
const list = createWatchList({ store, clock: systemClock, logger: silentLogger, writeIntervalMs: 0 });
// A long label makes every write big enough that a kill often lands inside one.
const padding = 'x'.repeat(180);
for (let n = 0; ; n++) {
  process.stdout.write(`saving ${n}\n`);
  list.add('story', `t${n}`, `${padding} ${n}`);
  process.stdout.write(`saved ${n}\n`);
  waitForNext();
}

/** Blocks until the parent sends a line (or closes stdin). */
function waitForNext(): void {
  const byte = Buffer.alloc(1);
  for (;;) {
    try {
      if (readSync(0, byte) === 0 || byte[0] === 0x0a) return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}
