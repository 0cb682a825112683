/** The tray counts jobs that ended since the user last looked: beside the icon on macOS, in the tooltip elsewhere. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { calls } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

describe('the unseen-finish count in the tray', () => {
  it('is the title on macOS, follows Mark seen, and is not the running count', async () => {
    const done = randomUUID();
    const running = randomUUID();
    suite.server().addTask('dub', done, step.success(41));
    suite.server().addTask('dub', running, step.pending({ untilMs: 600_000 }));
    const wired = await suite.launch({
      profile: returningProfile(),
      apiKey: API_KEY,
      args: ['--hidden'],
      platform: 'darwin',
    });
    await wired.started();
    wired.secondLaunch(['--watch', `dub:${running}`]);
    await expect.poll(() => wired.tray().tooltip).toMatch(/1 running/u);
    // A running job asks for no look: no number beside the icon.
    expect(wired.tray().title).toBe('');

    wired.secondLaunch(['--watch', `dub:${done}`]);
    await expect.poll(() => wired.tray().title).toBe('1');
    // The tooltip's first line counts; the second names the soonest expected finish.
    expect(wired.tray().tooltip).toMatch(/^CAMB Watch — 1 new, 1 running\nSoonest finish: /u);

    await wired.invoke('markSeen', { keys: [`dub:${done}`] });
    await expect.poll(() => wired.tray().title).toBe('');
    expect(wired.tray().tooltip).toMatch(/^CAMB Watch — 1 running\nSoonest finish: /u);
  });

  it('is in the tooltip on Linux and Windows, where a tray has no title', async () => {
    const done = randomUUID();
    suite.server().addTask('story', done, step.error('The audio could not be read'));
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    wired.secondLaunch(['--watch', `story:${done}`]);
    await expect.poll(() => wired.tray().tooltip).toBe('CAMB Watch — 1 new, 1 failed');
    expect(calls).not.toContain('tray.setTitle');

    await wired.invoke('markAllSeen', {});
    await expect.poll(() => wired.tray().tooltip).toBe('CAMB Watch — 1 failed');
  });
});
