/**
 * Linux notifications with buttons, over a real D-Bus session bus (a private dbus-daemon) to a real
 * service playing the notification daemon (tests/support/fakeNotificationDaemon.ts): what the app sends
 * (buttons, hints, escaped markup, clipped text), what a press or a click comes to, and every way the bus
 * or the daemon can let it down — none of which may cost a notification: `show` then says "not shown",
 * and the shell shows Electron's notification instead.
 */
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import {
  createFreedesktopNotifier,
  type FreedesktopNotice,
  type FreedesktopNotifier,
} from '../../../src/main/core/freedesktopNotifications';
import type { Logger } from '../../../src/main/core/logging';
import type { NotificationActionId } from '../../../src/main/core/notifications';
import type { TaskKey } from '../../../src/shared/watchedTask';
import {
  GNOME_SHELL_CAPABILITIES,
  impostorSignal,
  READY_JOB_ACTIONS,
  startFakeNotificationDaemon,
} from '../../support/fakeNotificationDaemon';
import {
  hasDbusDaemon,
  startPrivateSessionBus,
  type PrivateSessionBus,
} from '../../support/privateSessionBus';
import { startBusRelay } from '../../support/busRelay';

const KEY = 'story:0b6f0f46-5f0e-4d4c-9d59-0a1c3c2f7a11' as TaskKey;
const OTHER_KEY = 'dub:7d0f5a8e-4b7c-4f0e-8f55-3a2c1b0e9d22' as TaskKey;
const ANSWER_WITHIN_MS = 2_000;

const READY: FreedesktopNotice = {
  title: 'Story ready',
  body: 'Chapter 1 (run 4242) after 4 min 12 s',
  taskKey: KEY,
  actions: [
    { id: 'open-result', label: 'Open result' },
    { id: 'download', label: 'Download' },
    { id: 'copy-link', label: 'Copy link' },
  ],
  silent: false,
};

const FAILED: FreedesktopNotice = {
  title: 'Dub ran out of credits',
  body: 'Feature — Top up your CAMB.AI credits, then submit it again.',
  taskKey: OTHER_KEY,
  actions: [{ id: 'fix-failure', label: 'Top up credits' }],
  silent: true,
};

type Heard =
  { type: 'click'; key: TaskKey | null } | { type: 'action'; key: TaskKey; action: NotificationActionId };

let bus: PrivateSessionBus;
const cleanups: (() => void | Promise<void>)[] = [];

beforeAll(async () => {
  if (hasDbusDaemon) bus = await startPrivateSessionBus();
});
afterAll(() => bus?.stop());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function daemonWith(capabilities: readonly string[] = GNOME_SHELL_CAPABILITIES) {
  const daemon = await startFakeNotificationDaemon(bus.address, capabilities);
  let stopped = false;
  const stop = daemon.stop.bind(daemon);
  daemon.stop = async () => {
    if (!stopped) await stop();
    stopped = true;
  };
  cleanups.push(() => daemon.stop());
  return daemon;
}

/** A notifier on the test's bus (or `busAddress`), with what it heard and logged. */
function notifierOn(busAddress: string = bus.address) {
  const clock = new VirtualClock();
  const heard: Heard[] = [];
  const waiters: ((event: Heard) => void)[] = [];
  const logged: string[] = [];
  const hear = (event: Heard) => {
    heard.push(event);
    waiters.shift()?.(event);
  };
  const record = (message: string) => void logged.push(message);
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  const notifier = createFreedesktopNotifier({
    platform: 'linux',
    busAddress,
    clock,
    logger,
    answerWithinMs: ANSWER_WITHIN_MS,
    iconPath: path.join(tmpdir(), 'camb-watch', 'icon.png'),
    onClick: (key) => hear({ type: 'click', key }),
    onAction: (key, action) => hear({ type: 'action', key, action }),
  }) as FreedesktopNotifier;
  cleanups.push(() => notifier.dispose());
  return {
    notifier,
    clock,
    heard,
    logged,
    /** The next click or press the app hears. */
    next: () => new Promise<Heard>((resolve) => waiters.push(resolve)),
  };
}

describe.skipIf(!hasDbusDaemon || process.platform !== 'linux')('notifications over D-Bus', () => {
  it('a ready job: the notification carries Open result, Download and Copy link, and the app’s name and icon', async () => {
    const daemon = await daemonWith();
    const { notifier } = notifierOn();
    expect(await notifier.show(READY)).toBe(true);
    const sent = await daemon.nextNotify();
    expect(sent).toMatchObject({
      appName: 'CAMB Watch',
      replacesId: 0,
      appIcon: 'camb-watch-app',
      summary: 'Story ready',
      body: 'Chapter 1 (run 4242) after 4 min 12 s',
      actions: READY_JOB_ACTIONS,
      expireTimeout: -1,
    });
    expect(sent.hints).toEqual({
      urgency: 1,
      'desktop-entry': 'ai.cambwatch.app',
      'image-path': `file://${path.join(tmpdir(), 'camb-watch', 'icon.png')}`,
    });
  });

  it('a press runs that button on the notification’s task; a click on the body opens it', async () => {
    const daemon = await daemonWith();
    const { notifier, next } = notifierOn();
    await notifier.show(READY);
    await notifier.show(FAILED);
    const [ready, failed] = [await daemon.nextNotify(), await daemon.nextNotify()];

    let heard = next();
    daemon.invokeAction(ready.id, 'download');
    expect(await heard).toEqual({ type: 'action', key: KEY, action: 'download' });
    heard = next();
    daemon.invokeAction(failed.id, 'fix-failure');
    expect(await heard).toEqual({ type: 'action', key: OTHER_KEY, action: 'fix-failure' });
    expect(failed.actions).toEqual(['default', 'Open', 'fix-failure', 'Top up credits']);
    // Silent (no sound chosen, or the app's own chime): the daemon is asked to play none.
    expect(failed.hints['suppress-sound']).toBe(true);
    expect(ready.hints['suppress-sound']).toBeUndefined();

    await notifier.show(READY);
    const again = await daemon.nextNotify();
    heard = next();
    daemon.invokeAction(again.id, 'default');
    expect(await heard).toEqual({ type: 'click', key: KEY });
  });

  it('the app’s own sentences (no task) offer no buttons; a click opens the window as it is', async () => {
    const daemon = await daemonWith();
    const { notifier, next } = notifierOn();
    await notifier.show({
      title: 'CAMB Watch',
      body: 'Copied the link.',
      taskKey: null,
      actions: READY.actions,
      silent: false,
    });
    const sent = await daemon.nextNotify();
    expect(sent.actions).toEqual(['default', 'Open']);
    const heard = next();
    daemon.invokeAction(sent.id, 'default');
    expect(await heard).toEqual({ type: 'click', key: null });
  });

  it('hostile signals: another app’s id, a key never sent, a closed notification, an impostor sender — all ignored', async () => {
    const daemon = await daemonWith();
    const { notifier, next, heard } = notifierOn();
    await notifier.show(FAILED);
    await notifier.show(READY);
    const [failed, ready] = [await daemon.nextNotify(), await daemon.nextNotify()];

    // Another app's notification on the same daemon (its signals are broadcast).
    daemon.invokeAction(ready.id + 100, 'open-result');
    // A key this notification never offered: a failure has only its fix.
    daemon.invokeAction(failed.id, 'copy-link');
    daemon.invokeAction(failed.id, '');
    // Anyone on the bus can send a signal named ActionInvoked: only the daemon may speak for our ids.
    await impostorSignal(bus.address, ready.id, 'download');
    // Closed by the user (and so let go of): a late signal for it does nothing.
    daemon.closeNotification(ready.id, 2);
    daemon.invokeAction(ready.id, 'download');

    // The daemon's signals arrive in the order it sent them: once this one is heard, the ones above were.
    const shown = await notifier.show(READY);
    expect(shown).toBe(true);
    const last = await daemon.nextNotify();
    const lastHeard = next();
    daemon.invokeAction(last.id, 'copy-link');
    expect(await lastHeard).toEqual({ type: 'action', key: KEY, action: 'copy-link' });
    expect(heard).toEqual([{ type: 'action', key: KEY, action: 'copy-link' }]);
  });

  it('a job named with markup shows literally where the daemon parses markup, and untouched where it does not', async () => {
    const named = { ...READY, title: 'Story <b>x</b> ready', body: '<b>x</b> & a <i>b</i> (run 1)' };
    const parsing = await daemonWith(['actions', 'body', 'body-markup']);
    const first = notifierOn();
    await first.notifier.show(named);
    const escaped = await parsing.nextNotify();
    expect(escaped.body).toBe('&lt;b&gt;x&lt;/b&gt; &amp; a &lt;i&gt;b&lt;/i&gt; (run 1)');
    // The summary is plain text in every daemon (the specification): never escaped.
    expect(escaped.summary).toBe('Story <b>x</b> ready');
    await parsing.stop();

    const plain = await daemonWith(['actions', 'body']);
    const second = notifierOn();
    await second.notifier.show(named);
    expect((await plain.nextNotify()).body).toBe('<b>x</b> & a <i>b</i> (run 1)');
  });

  it('long, right-to-left and emoji labels: clipped at a whole character, everything else as written', async () => {
    const daemon = await daemonWith();
    const { notifier } = notifierOn();
    const family = '👩‍👩‍👧‍👦';
    const rtl = 'قصة الفصل الأول';
    await notifier.show({
      ...READY,
      title: `Story ready ${'ث'.repeat(300)}`,
      body: `${rtl} ${family} ${'x'.repeat(391)}`,
    });
    const sent = await daemon.nextNotify();
    expect(sent.summary.length).toBeLessThanOrEqual(120);
    expect(sent.summary.endsWith('…')).toBe(true);
    expect(sent.body.length).toBeLessThanOrEqual(400);
    expect(sent.body.startsWith(`${rtl} ${family} `)).toBe(true);
    expect(sent.body.endsWith('…')).toBe(true);

    // An emoji where the cut falls is left out whole, never split into a broken character.
    await notifier.show({ ...READY, body: `${'y'.repeat(396)}${family}${family}` });
    const cut = await daemon.nextNotify();
    expect(cut.body).toBe(`${'y'.repeat(396)}…`);
    expect(cut.body).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it('a daemon without "actions" (Notify-OSD): nothing is sent to it, and Electron shows the notice', async () => {
    const daemon = await daemonWith(['body', 'body-markup', 'x-canonical-append']);
    const { notifier, logged } = notifierOn();
    expect(await notifier.show(READY)).toBe(false);
    expect(await notifier.show(FAILED)).toBe(false);
    // Asked once, not for every notice.
    expect(daemon.calls).toEqual(['GetCapabilities']);
    expect(logged).toEqual(['Notifications are shown without buttons: the notification daemon shows none']);
  });

  it('no daemon on the bus, a bus that is not there, no bus at all: not shown over D-Bus', async () => {
    expect(await notifierOn().notifier.show(READY)).toBe(false);
    const missing = notifierOn(`unix:path=${path.join(tmpdir(), 'camb-no-such-bus-socket')}`);
    expect(await missing.notifier.show(READY)).toBe(false);
    expect(await missing.notifier.show(READY)).toBe(false);
    expect(await notifierOn('not a bus address').notifier.show(READY)).toBe(false);
  });

  it('a daemon that never answers: given up after the wait, and not waited for again', async () => {
    const daemon = await daemonWith();
    daemon.answers.GetCapabilities = 'never';
    const { notifier, clock } = notifierOn();
    const first = notifier.show(READY);
    await daemon.called('GetCapabilities');
    await clock.advance(ANSWER_WITHIN_MS);
    expect(await first).toBe(false);
    expect(await notifier.show(READY)).toBe(false);
    expect(daemon.calls).toEqual(['GetCapabilities']);
  });

  it('a Notify that is answered too late: Electron shows it, and the late one is taken back', async () => {
    const daemon = await daemonWith();
    daemon.answers.Notify = 'held';
    const { notifier, clock } = notifierOn();
    const first = notifier.show(READY);
    const held = await daemon.nextNotify();
    await clock.advance(ANSWER_WITHIN_MS);
    expect(await first).toBe(false);
    daemon.answerHeld();
    await daemon.called('CloseNotification');
    // A daemon that hung is not asked again this run: every notice would wait for it.
    expect(await notifier.show(READY)).toBe(false);
    expect(daemon.notified.map((call) => call.id)).toEqual([held.id]);
  });

  it('a daemon that refuses one notice (an error): that one goes to Electron, the next is asked again', async () => {
    const daemon = await daemonWith();
    daemon.answers.Notify = 'with-error';
    const { notifier } = notifierOn();
    expect(await notifier.show(READY)).toBe(false);
    daemon.answers.Notify = 'normally';
    expect(await notifier.show(READY)).toBe(true);
  });

  it('a daemon that answers with the wrong types, or sends malformed signals: not believed', async () => {
    const daemon = await daemonWith();
    daemon.answers.GetCapabilities = 'malformed';
    expect(await notifierOn().notifier.show(READY)).toBe(false);
    expect(daemon.notified).toEqual([]);

    daemon.answers.GetCapabilities = 'normally';
    daemon.answers.Notify = 'malformed';
    expect(await notifierOn().notifier.show(READY)).toBe(false);

    daemon.answers.Notify = 'normally';
    const { notifier, next, heard } = notifierOn();
    await notifier.show(READY);
    const sent = await daemon.nextNotify();
    daemon.sendSignal('ActionInvoked', 'ss', [String(sent.id), 'download']);
    daemon.sendSignal('ActionInvoked', 'u', [sent.id]);
    daemon.sendSignal('ActionInvoked', 'uu', [sent.id, 7]);
    daemon.sendSignal('NotificationClosed', 's', ['all']);
    const heardNext = next();
    daemon.invokeAction(sent.id, 'open-result');
    expect(await heardNext).toEqual({ type: 'action', key: KEY, action: 'open-result' });
    expect(heard).toHaveLength(1);
  });

  it('another daemon takes the name (Notify-OSD replaced by one with buttons): asked again', async () => {
    const plain = await daemonWith(['body']);
    const { notifier } = notifierOn();
    expect(await notifier.show(READY)).toBe(false);
    await plain.stop();
    const withButtons = await daemonWith(['actions', 'body']);
    // Once the bus's word that the name changed owner has reached the app.
    await expect.poll(() => notifier.show(READY)).toBe(true);
    expect((await withButtons.nextNotify()).actions).toEqual(READY_JOB_ACTIONS);
  });

  it('a session bus on an abstract socket (older dbus-launch sessions) is reached too', async () => {
    const abstractBus = await startPrivateSessionBus({ abstract: true });
    cleanups.push(() => abstractBus.stop());
    expect(abstractBus.address).toMatch(/^unix:abstract=/u);
    const daemon = await startFakeNotificationDaemon(abstractBus.address);
    cleanups.push(() => daemon.stop());
    expect(await notifierOn(abstractBus.address).notifier.show(READY)).toBe(true);
    expect((await daemon.nextNotify()).summary).toBe('Story ready');
  });

  it('the session bus goes away: Electron from then on, without waiting', async () => {
    const ownBus = await startPrivateSessionBus();
    const daemon = await startFakeNotificationDaemon(ownBus.address);
    const { notifier, logged } = notifierOn(ownBus.address);
    expect(await notifier.show(READY)).toBe(true);
    await daemon.nextNotify();
    ownBus.stop();
    // No time passes on the notifier's clock: a bus that is gone fails the call at once.
    expect(await notifier.show(READY)).toBe(false);
    expect(logged).toContain('Notifications are shown without buttons: the session bus went away');
    expect(await notifier.show(READY)).toBe(false);
  });

  it('the bus reads a Notify and ends its stream cleanly: not shown, at once, and Electron from then on', async () => {
    await daemonWith();
    const relay = await startBusRelay(bus.address);
    cleanups.push(() => relay.stop());
    const { notifier, logged } = notifierOn(relay.address);
    expect(await notifier.show(READY)).toBe(true);
    relay.endOnNextCall();
    // No time passes on the notifier's clock: the end of the stream is the answer.
    expect(await notifier.show(READY)).toBe(false);
    expect(logged).toContain('Notifications are shown without buttons: the session bus went away');
    expect(await notifier.show(READY)).toBe(false);
  });

  it('a daemon whose GetCapabilities fails: not shown over D-Bus', async () => {
    const daemon = await daemonWith();
    daemon.answers.GetCapabilities = 'with-error';
    expect(await notifierOn().notifier.show(READY)).toBe(false);
    expect(daemon.notified).toEqual([]);
  });

  it('off Linux, or without a session bus, there is no D-Bus notifier: Electron shows every notice', () => {
    const cases = [
      { platform: 'darwin', busAddress: bus.address },
      { platform: 'win32', busAddress: bus.address },
      { platform: 'linux', busAddress: undefined },
      { platform: 'linux', busAddress: '' },
    ] as const;
    for (const { platform, busAddress } of cases)
      expect(
        createFreedesktopNotifier({
          platform,
          busAddress,
          clock: new VirtualClock(),
          logger: { debug() {}, info() {}, warn() {}, error() {} },
          onClick() {},
          onAction() {},
        }),
      ).toBeNull();
  });
});
