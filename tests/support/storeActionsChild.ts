/**
 * Child process for the acknowledged-actions kill test: opens the watch list in the folder given as the
 * first argument, with the app's own write coalescing, says `ready`, then runs one action per line read
 * from stdin (`add <id> <label>`, `remove <id>`, `rename <id> <label>`) and prints `ack <n>` once the call
 * has returned, as the UI, CLI or a deep link would hear it, or `refused <n> <sentence>` when it could not
 * be saved (a full disk).
 */
import readline from 'node:readline';
import { systemClock } from '../../src/main/core/clock/clock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { createWatchList, WatchListError } from '../../src/main/core/watchList/watchList';
import { taskKey } from '../../src/shared/watchedTask';

const cwd = process.argv[2];
if (cwd === undefined) {
  process.stderr.write('usage: storeActionsChild <folder>\n');
  process.exit(2);
}
const { store } = openDocumentStore({ cwd, clock: systemClock, logger: silentLogger });
const list = createWatchList({ store, clock: systemClock, logger: silentLogger });
process.stdout.write('ready\n');

let done = 0;
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [action = '', id = '', label = ''] = line.split(' ');
  const key = taskKey('story', id);
  done += 1;
  try {
    if (action === 'add') list.add('story', id, label);
    else if (action === 'remove') list.remove(key);
    else if (action === 'rename') list.rename(key, label);
    else throw new Error(`unknown action: ${line}`);
  } catch (error) {
    // A change that could not be saved is refused in words: the UI, CLI or deep link hears that instead.
    if (!(error instanceof WatchListError)) throw error;
    process.stdout.write(`refused ${done} ${error.message}\n`);
    return;
  }
  process.stdout.write(`ack ${done}\n`);
});
