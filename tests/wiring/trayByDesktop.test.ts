/**
 * What the tray offers on each desktop, run on every row of the stand-in's behaviour table
 * (support/platformBehaviour.ts): where the icon is seen, whether the window opens as a popover or an
 * ordinary window, where the counts can be read, and how the window comes back once closed.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import type { StandInTray, StandInWindow } from './support/electronStandIn';
import type { DesktopName } from './support/platformBehaviour';
import { ALL_DESKTOPS, notifications } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

/** What a person should find on each desktop. */
const OFFERS: Readonly<
  Record<DesktopName, { way: 'popover' | 'window' | 'no icon'; counts: 'tooltip' | 'menu' | 'window' }>
> = {
  windows: { way: 'popover', counts: 'tooltip' },
  macos: { way: 'popover', counts: 'tooltip' },
  // Electron's icon falls back to a GtkStatusIcon that GNOME Shell shows nowhere.
  gnome: { way: 'no icon', counts: 'window' },
  // AppIndicator: a left click opens the menu, no tooltip; Wayland: the window cannot be placed.
  ubuntu: { way: 'window', counts: 'menu' },
  'kde-wayland': { way: 'window', counts: 'tooltip' },
  'xfce-x11': { way: 'popover', counts: 'tooltip' },
};

const TOLD = 'CAMB Watch is still watching';
/** The job's first answer comes from a real poll. */
const FIRST_ANSWER = { timeout: 8_000 };

/** Opens the window as a person does on this desktop: a left click, or the menu's item where that opens the menu. */
function openFromTray(tray: StandInTray): void {
  tray.leftClick();
  if (tray.menuOpen) tray.menu?.click('Open CAMB Watch');
}

async function visible(window: () => StandInWindow | undefined): Promise<StandInWindow> {
  await expect.poll(() => window()?.visible).toBe(true);
  const shown = window();
  if (shown === undefined) throw new Error('No window');
  return shown;
}

describe.each(ALL_DESKTOPS)('$title', (desktop) => {
  const offers = OFFERS[desktop.name];

  it(`started at log-in with a key: ${offers.way === 'no icon' ? 'the window, which closing minimises' : `the tray, opening ${offers.way === 'popover' ? 'a popover' : 'an ordinary window'}`}; the counts in the ${offers.counts}`, async () => {
    const failing = 'failing-job';
    suite.server().addTask('story', failing, step.error('SOURCE_TOO_LONG'));
    const wired = await suite.launch({
      profile: returningProfile(),
      apiKey: API_KEY,
      // macOS passes a login item no arguments; it says wasOpenedAtLogin instead.
      ...(desktop.platform === 'darwin' ? { openedAtLogin: true } : { args: ['--hidden'] }),
      desktop: desktop.name,
    });
    await wired.started();
    await wired.invoke('addTask', { kind: 'story', taskId: failing });
    const tray = wired.tray();

    if (offers.way === 'no icon') {
      // Nothing to click: the window is there at log-in, and closing it leaves it on the taskbar.
      expect(tray.shown).toBe(false);
      const window = await visible(wired.window);
      window.close();
      expect(window.minimized).toBe(true);
      expect(notifications.map((shown) => shown.title)).not.toContain(TOLD);
      return;
    }

    expect(wired.window()).toBeUndefined();
    await expect
      .poll(() => (offers.counts === 'tooltip' ? tray.visibleTooltip : tray.menu?.labels[0]), FIRST_ANSWER)
      .toMatch(/^CAMB Watch — .*1 failed/u);
    if (offers.counts === 'menu') expect(tray.visibleTooltip).toBe('');

    openFromTray(tray);
    const window = await visible(wired.window);
    window.loseFocus();
    if (offers.way === 'popover') {
      // A popover goes when the user clicks elsewhere.
      expect(window.visible).toBe(false);
      return;
    }
    // An ordinary window stays, on the taskbar, where the desktop put it; closing hides it into the
    // icon, says so once, and the icon brings it back.
    expect(window.visible).toBe(true);
    expect(window.onTaskbar).toBe(true);
    window.close();
    expect(window.visible).toBe(false);
    expect(notifications.filter((shown) => shown.title === TOLD)).toHaveLength(1);
    openFromTray(tray);
    await visible(wired.window);
  });
});
