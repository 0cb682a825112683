import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/core/logging/logger';
import { lockStateFolder } from '../../src/main/core/persistence/stateFolderLock';
import { holdStateFolder } from '../support/stateFolderHolder';
import { errorBoxes } from './support/electronStandIn';
import { appControl } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

describe('one writer per profile folder', () => {
  it('refuses to start, in a dialog naming the program that holds the folder, while a web host uses it', async () => {
    const profile = returningProfile();
    const holder = await holdStateFolder(profile);
    try {
      await suite.launch({ profile, apiKey: API_KEY });
      await expect.poll(() => appControl.exited).toBe(1);
      expect(errorBoxes).toEqual([
        {
          title: 'CAMB Watch could not start',
          content: `The watch list in ${profile} is already in use by the web host (process ${holder.pid}). Only one program may use it at a time, or changes get lost: quit that one first, or give this one a folder of its own.`,
        },
      ]);
      expect(suite.server().requests).toHaveLength(0);
    } finally {
      holder.kill();
    }
  });

  it('holds its folder while it runs, so a web host started on it is refused, and lets it go on quit', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY });
    await wired.started();
    const refused = await lockStateFolder(wired.profile, 'the web host', silentLogger);
    expect(refused).toEqual({
      ok: false,
      message: expect.stringContaining(`in use by the desktop app (process ${process.pid})`),
    });

    await wired.quit();
    expect(appControl.exited).toBe(0);
    const taken = await lockStateFolder(wired.profile, 'the web host', silentLogger);
    expect(taken).toMatchObject({ ok: true, lock: { held: true } });
    if (taken.ok) taken.lock.release();
  });
});
