/** The tray's menu acts, is rebuilt only when what it shows changes, and the app menu is the app's own. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { applicationMenu, clipboardControl } from './support/electronStandIn';
import { appControl, calls, notifications } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

const count = (name: string) => calls.filter((call) => call === name).length;

describe('the tray menu', () => {
  it('opens the window, adds from the clipboard, pauses and resumes, checks, and quits', async () => {
    const id = randomUUID();
    suite.server().addTask('dub', id, step.pending({ untilMs: 600_000 }));
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    const menu = () => {
      const current = wired.tray().menu;
      if (current === null) throw new Error('The tray has no menu');
      return current;
    };

    menu().click('Open CAMB Watch');
    await expect.poll(() => wired.window()?.visible).toBe(true);

    clipboardControl.text = `dub:${id}`;
    menu().click('Add task from clipboard');
    await expect.poll(() => notifications.map((shown) => shown.title)).toContain('Watching dub');
    await expect.poll(() => menu().labels[0]).toMatch(/^[0-9a-f]{8}… — /u);

    menu().click('Pause polling');
    expect(menu().labels).toContain('Resume polling');
    menu().click('Check all now');
    expect(notifications.at(-1)?.title).toBe('Nothing checked');
    menu().click('Resume polling');
    expect(menu().labels).toContain('Pause polling');

    menu().click('Quit');
    // app.quit() returns at once; the app ends on a later turn, as Electron's does.
    await appControl.quitting;
    expect(appControl.exited).toBe(0);
  });

  it('is rebuilt only when what it shows changes', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    const before = {
      menu: count('tray.setContextMenu'),
      tooltip: count('tray.setToolTip'),
      image: count('tray.setImage'),
    };
    // A setting the tray does not show.
    await wired.invoke('updateSettings', { notifyOnSuccess: false });
    expect(count('tray.setContextMenu')).toBe(before.menu);
    expect(count('tray.setToolTip')).toBe(before.tooltip);
    expect(count('tray.setImage')).toBe(before.image);
    // One it does: the menu changes, the icon and tooltip follow only where they change.
    await wired.invoke('updateSettings', { pollingPaused: true });
    expect(count('tray.setContextMenu')).toBe(before.menu + 1);
    expect(wired.tray().menu?.labels).toContain('Resume polling');
  });

  it('says a young job’s age in minutes, so polls do not redraw it', async () => {
    const id = randomUUID();
    suite.server().addTask('story', id, step.pending({ untilMs: 600_000 }));
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    wired.secondLaunch(['--watch', `story:${id}`]);
    await expect.poll(() => wired.tray().menu?.labels[0]).toMatch(/Running · < 1 min$/u);
    const redraws = count('tray.setContextMenu');
    const requests = suite.server().requestCount('story', id);
    await wired.invoke('checkNow', { key: `story:${id}` });
    await expect.poll(() => suite.server().requestCount('story', id)).toBeGreaterThan(requests);
    await new Promise((resolve) => setImmediate(resolve));
    expect(count('tray.setContextMenu')).toBe(redraws);
  });
});

describe('the application menu', () => {
  it('is none on Linux and Windows (no Help → Learn More), and Quit / Edit / Window on macOS', async () => {
    let wired = await suite.launch({ apiKey: API_KEY });
    await wired.started();
    expect(applicationMenu).toBeNull();

    wired = await suite.launch({ apiKey: API_KEY, platform: 'darwin' });
    await wired.started();
    expect(applicationMenu?.template.map((item) => item.role)).toEqual(['appMenu', 'editMenu', 'windowMenu']);
  });
});
