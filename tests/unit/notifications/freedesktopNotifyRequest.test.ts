/**
 * What a Linux notification over D-Bus asks the daemon to show (Desktop Notifications Specification 1.2
 * Notify): the same buttons as macOS and Windows, per kind of notification, markup escaped where the daemon
 * parses it, the app's icon only where the daemon can read it.
 */
import { describe, expect, it } from 'vitest';
import {
  escapeBodyMarkup,
  notifyArguments,
  reachableAddress,
  type FreedesktopNotice,
} from '../../../src/main/core/freedesktopNotifications';
import { notificationActions, type NotificationModel } from '../../../src/main/core/notifications';
import { lateDub } from './taskNotificationFixture';

const late = lateDub;

function notice(model: NotificationModel & { taskKey: FreedesktopNotice['taskKey'] }): FreedesktopNotice {
  return { ...model, actions: notificationActions(model), silent: false };
}

describe('Notify’s arguments', () => {
  it('a late job: Open in CAMB.AI studio and Keep waiting, after the body click', () => {
    expect(notifyArguments(notice(late), new Set(['actions'])).actions).toEqual([
      'default',
      'Open',
      'open-studio',
      'Open in CAMB.AI studio',
      'keep-waiting',
      'Keep waiting',
    ]);
  });

  it('markup characters are escaped only where the daemon parses markup', () => {
    const named = { ...notice(late), body: 'a & b <i>c</i>' };
    expect(notifyArguments(named, new Set(['actions', 'body-markup'])).body).toBe(
      'a &amp; b &lt;i&gt;c&lt;/i&gt;',
    );
    expect(notifyArguments(named, new Set(['actions'])).body).toBe('a & b <i>c</i>');
    // An entity already in a label is shown as typed, not as the character it names.
    expect(escapeBodyMarkup('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('the icon file where the daemon can open it; inside app.asar only the theme’s icon', () => {
    const unpacked = notifyArguments(
      notice(late),
      new Set(['actions']),
      '/opt/CAMB Watch/resources/icon.png',
    );
    expect(unpacked.hints['image-path']).toEqual({
      type: 's',
      value: 'file:///opt/CAMB%20Watch/resources/icon.png',
    });
    expect(unpacked.appIcon).toBe('camb-watch-app');
    const packed = notifyArguments(
      notice(late),
      new Set(['actions']),
      '/opt/CAMB Watch/resources/app.asar/resources/icon.png',
    );
    expect(packed.hints['image-path']).toBeUndefined();
    expect(packed.appIcon).toBe('camb-watch-app');
  });
});

describe('the session bus address as dbus-next reaches it', () => {
  it('an abstract socket becomes a NUL-prefixed socket path, its %xx escapes undone; other addresses stay', () => {
    expect(reachableAddress('unix:abstract=/tmp/dbus-Ab%2dc,guid=1f')).toBe(
      'unix:socket=\0/tmp/dbus-Ab-c,guid=1f',
    );
    expect(reachableAddress('unix:path=/run/user/1000/bus')).toBe('unix:path=/run/user/1000/bus');
    expect(reachableAddress('tcp:host=127.0.0.1,port=4000;unix:abstract=x')).toBe(
      'tcp:host=127.0.0.1,port=4000;unix:socket=\0x',
    );
    // A name that dbus-next would read as several values is left alone (and so not reached).
    expect(reachableAddress('unix:abstract=a%2cb')).toBe('unix:abstract=a%2cb');
  });
});
