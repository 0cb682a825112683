import { describe, expect, it } from 'vitest';
import {
  opensWindowAtLaunch,
  stillRunningNotice,
  windowCloseAction,
  type LaunchSituation,
} from '../../../src/main/core/window/launchWindow';

/** A user's ordinary start of an app already set up, with a tray. */
const ORDINARY: LaunchSituation = {
  secondLaunch: false,
  show: false,
  startedAtLogin: false,
  namedTasks: false,
  keyPresent: true,
  firstRun: false,
  trayShown: true,
};

describe('opensWindowAtLaunch', () => {
  it('opens when the user starts the app, or starts it again', () => {
    expect(opensWindowAtLaunch(ORDINARY)).toBe(true);
    expect(opensWindowAtLaunch({ ...ORDINARY, secondLaunch: true })).toBe(true);
  });

  it('stays in the tray at login, or when a script or link only names tasks', () => {
    expect(opensWindowAtLaunch({ ...ORDINARY, startedAtLogin: true })).toBe(false);
    expect(opensWindowAtLaunch({ ...ORDINARY, namedTasks: true })).toBe(false);
    expect(opensWindowAtLaunch({ ...ORDINARY, secondLaunch: true, namedTasks: true })).toBe(false);
  });

  it('opens even at login on a first run, without a key or without a tray', () => {
    const atLogin = { ...ORDINARY, startedAtLogin: true };
    expect(opensWindowAtLaunch({ ...atLogin, firstRun: true })).toBe(true);
    expect(opensWindowAtLaunch({ ...atLogin, keyPresent: false })).toBe(true);
    expect(opensWindowAtLaunch({ ...atLogin, trayShown: false })).toBe(true);
    expect(opensWindowAtLaunch({ ...atLogin, show: true })).toBe(true);
  });
});

describe('windowCloseAction', () => {
  it('hides into the tray, or minimises where there is none', () => {
    expect(windowCloseAction(true)).toBe('hide');
    expect(windowCloseAction(false)).toBe('minimize');
  });
});

describe('stillRunningNotice', () => {
  it('says where the icon is on each system', () => {
    expect(stillRunningNotice('darwin').body).toBe(
      'Open it again from its icon in the menu bar, or by starting CAMB Watch again.',
    );
    expect(stillRunningNotice('win32').body).toContain('system tray');
  });
});
