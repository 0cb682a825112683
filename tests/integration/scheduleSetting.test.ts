import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../src/main/core/logging/logger';
import { openDocumentStore } from '../../src/main/core/persistence/openDocumentStore';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { createWatchList } from '../../src/main/core/watchList/watchList';

let cwd: string;
beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-schedule-'));
});
afterEach(() => {
  fs.rmSync(cwd, { recursive: true, force: true });
});

function open() {
  const clock = new VirtualClock();
  const { store, recovery } = openDocumentStore({ cwd, clock, logger: silentLogger });
  return { list: createWatchList({ store, clock, logger: silentLogger, recovery }), recovery };
}

describe('store: the check-times setting', () => {
  it('keeps a fixed pace by age across a restart', () => {
    const first = open();
    expect(first.list.getSettings().schedule).toBe('duration-aware');
    first.list.updateSettings({ schedule: 'adaptive' });
    first.list.dispose();

    const second = open();
    expect(second.recovery).toBeNull();
    expect(second.list.getSettings().schedule).toBe('adaptive');
  });

  it('reads a file saved before the setting existed as learning from my jobs, the default', () => {
    const first = open();
    first.list.updateSettings({ responsiveness: 'eager' });
    first.list.dispose();
    const file = documentStoreFile(cwd);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { settings: Record<string, unknown> };
    delete saved.settings['schedule'];
    fs.writeFileSync(file, JSON.stringify(saved));

    const { list, recovery } = open();
    expect(recovery).toBeNull();
    expect(list.getSettings()).toMatchObject({ responsiveness: 'eager', schedule: 'duration-aware' });
  });
});
