import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { journalFileFor } from '../../../src/main/core/persistence/actionJournal';
import { documentStoreFile } from '../../../src/main/core/persistence/storeOptions';
import { createWebHostHarness, type WebHostHarness } from './webHostHarness';

let h: WebHostHarness;
afterEach(async () => {
  await h.close();
});

describe('web host: the state folder', () => {
  it('keeps the watch list and settings across a restart on the same folder', async () => {
    h = await createWebHostHarness();
    await h.bridge.addTask({ kind: 'story', taskId: 'kept-1', label: 'Kept' });
    await h.bridge.addTask({ kind: 'tts', taskId: 'kept-2' });
    await h.bridge.updateSettings({ responsiveness: 'frugal' });
    const before = (await h.bridge.getSnapshot()).tasks;

    h = await h.restart();
    const after = await h.bridge.getSnapshot();
    expect(after.tasks).toEqual(before);
    expect(after.tasks.map((task) => task.label)).toContain('Kept');
    expect(after.settings.responsiveness).toBe('frugal');
    expect(after.storeRecovery).toBeNull();
    // The key lived in memory: a new development session starts without one.
    expect(after.keyStatus).toMatchObject({
      present: false,
      storeWhere: 'memory (this development session)',
    });
  });

  it('starts with the recovery notice when the saved list is damaged, keeping the damaged file', async () => {
    h = await createWebHostHarness({
      beforeStart: (stateDir) => fs.writeFileSync(documentStoreFile(stateDir), '{"tasks": [ {"kind": "sto'),
    });
    const snapshot = await h.bridge.getSnapshot();
    expect(snapshot.tasks).toEqual([]);
    expect(snapshot.storeRecovery).toMatchObject({
      reason: expect.stringContaining('not valid JSON') as unknown,
      droppedTasks: 0,
    });
    const movedTo = snapshot.storeRecovery?.movedTo ?? '';
    expect(path.dirname(movedTo)).toBe(path.resolve(h.stateDir));
    expect(fs.readFileSync(movedTo, 'utf8')).toBe('{"tasks": [ {"kind": "sto');
  });

  it('starts with the recovery notice when recent changes could not be read back, keeping them aside', async () => {
    const journal = `${JSON.stringify({ seq: 1, put: 'not a list of tasks' })}\n`;
    h = await createWebHostHarness({
      beforeStart: (stateDir) => fs.writeFileSync(journalFileFor(documentStoreFile(stateDir)), journal),
    });
    const { storeRecovery } = await h.bridge.getSnapshot();
    expect(storeRecovery?.reason).toMatch(
      /^One recent change could not be read back .* was left out\. The list of recent changes was set aside unchanged\. .* make that change again\.$/,
    );
    const movedTo = storeRecovery?.movedTo ?? '';
    expect(path.basename(movedTo)).toMatch(/^watch-list\.journal\.corrupt-/);
    expect(fs.readFileSync(movedTo, 'utf8')).toBe(journal);
  });

  it('keeps downloads in the state folder', async () => {
    h = await createWebHostHarness();
    expect(fs.statSync(path.join(h.stateDir, 'downloads')).isDirectory()).toBe(true);
  });
});
