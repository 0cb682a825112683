import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import type { StoreRecovery } from '../../src/main/core/persistence/openWithRecovery';
import { createWatchList } from '../../src/main/core/watchList/watchList';

/** The time store tests open at, so a damaged file is moved aside under a name they can predict. */
const STORE_TEST_TIME = Date.UTC(2026, 2, 14, 9, 26, 53, 589);

/** Opens the watch list saved in `cwd` as the app does, recording every recovery it reports. */
export function openSavedWatchList(cwd: string) {
  const clock = new VirtualClock(STORE_TEST_TIME);
  const { store, recovery } = openDocumentStore({ cwd, clock, logger: silentLogger });
  const list = createWatchList({ store, clock, logger: silentLogger, recovery });
  const heard: StoreRecovery[] = [];
  list.on('storeRecovered', (event) => heard.push(event));
  return { list, heard };
}

/** A finished task as a store file holds it, written by hand; `fields` overrides any of it. */
export function savedTask(taskId: string, fields: Record<string, unknown> = {}) {
  return {
    kind: 'story',
    taskId,
    label: null,
    addedAt: 1,
    lastCheckAt: null,
    status: 'SUCCESS',
    runId: 9,
    exceptionReason: null,
    message: null,
    lastProblem: null,
    stoppedReason: null,
    history: [{ status: 'SUCCESS', at: 2 }],
    finishedAt: 2,
    notified: true,
    muted: false,
    ...fields,
  };
}
