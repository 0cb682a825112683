/**
 * Child process for the one-writer-per-folder tests: takes the state folder given as the first argument
 * the way the web host does (the lock, then the store), says `ready` (or `refused <sentence>` and exits 3),
 * then adds one task per `add <id>` line read from stdin and prints `ack <n>` once the call has returned.
 */
import readline from 'node:readline';
import { systemClock } from '../../src/main/core/clock/clock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { lockedStore, lockStateFolder } from '../../src/main/core/persistence/stateFolderLock';
import { createWatchList } from '../../src/main/core/watchList/watchList';

const cwd = process.argv[2];
if (cwd === undefined) {
  process.stderr.write('usage: lockedStoreChild <folder>\n');
  process.exit(2);
}
const locked = await lockStateFolder(cwd, 'the web host', silentLogger);
if (!locked.ok) {
  process.stdout.write(`refused ${locked.message}\n`);
  process.exit(3);
}
const { store } = openDocumentStore({ cwd, clock: systemClock, logger: silentLogger });
const list = createWatchList({
  store: lockedStore(store, locked.lock),
  clock: systemClock,
  logger: silentLogger,
});
process.stdout.write('ready\n');

let done = 0;
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [action = '', id = ''] = line.split(' ');
  if (action === 'add') list.add('story', id);
  else if (action === 'quit') {
    list.dispose();
    locked.lock.release();
    process.exit(0);
  } else throw new Error(`unknown action: ${line}`);
  done += 1;
  process.stdout.write(`ack ${done}\n`);
});
