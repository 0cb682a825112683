/** The tray says when saving fails, in its tooltip and in its menu (Linux tray hosts often show no tooltip). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canMountSmallDisk, createFaultyDisk } from '../support/faultyDisk';
import { appControl } from './support/wiredApp';
import { API_KEY, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

describe('the tray while saving fails', () => {
  it.skipIf(!canMountSmallDisk())(
    'says "not saving changes" in the tooltip and first in the menu, which opens the window, until it works',
    async () => {
      const disk = createFaultyDisk('4m');
      try {
        fs.writeFileSync(path.join(disk.dir, 'shell-state.json'), JSON.stringify({ startedBefore: true }));
        const wired = await suite.launch({ profile: disk.dir, apiKey: API_KEY, args: ['--hidden'] });
        await wired.started();
        const menu = () => {
          const current = wired.tray().menu;
          if (current === null) throw new Error('The tray has no menu');
          return current;
        };
        expect(wired.tray().tooltip).not.toContain('not saving');

        disk.fill();
        await wired.invoke('addTask', { kind: 'story', taskId: 'added-while-full' });
        await expect.poll(() => wired.tray().tooltip).toMatch(/^CAMB Watch — not saving changes/u);
        expect(menu().labels.slice(0, 2)).toEqual([
          'Not saving changes: the disk is full — open CAMB Watch for what to do',
          '(separator)',
        ]);
        menu().click('Not saving changes: the disk is full — open CAMB Watch for what to do');
        await expect.poll(() => wired.window()?.visible).toBe(true);

        disk.unfill();
        await expect.poll(() => wired.tray().tooltip).not.toContain('not saving');
        expect(menu().labels[0]).not.toContain('Not saving');
        await wired.quit();
        expect(appControl.exited).toBe(0);
      } finally {
        disk.dispose();
      }
    },
  );
});
