/**
 * A notification daemon for tests: a real D-Bus service owning org.freedesktop.Notifications on a private
 * session bus (privateSessionBus.ts), speaking the Desktop Notifications Specification 1.2 as GNOME Shell,
 * KDE Plasma or dunst do. It records every Notify, advertises the capabilities a test gives it, and can
 * misbehave: never answer, answer with an error. The test plays the user: it invokes an action or closes
 * a notification, and the daemon emits ActionInvoked / NotificationClosed as a real one would.
 */
import dbus, { type Message, type MessageBus } from 'dbus-next';
import { reachableAddress } from '../../src/main/core/freedesktopNotifications';
import type { NotifyArguments } from '../../src/main/core/freedesktopNotifications/notifyRequest';

const NAME = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';

/** Capabilities GNOME Shell lists (js/ui/notificationDaemon.js GetCapabilitiesAsync). */
export const GNOME_SHELL_CAPABILITIES = [
  'actions',
  'body',
  'body-markup',
  'icon-static',
  'persistence',
  'sound',
];

/** A Notify as the daemon received it: its arguments, each hint's Variant unwrapped, and the id it gave. */
export interface NotifyCall extends Omit<NotifyArguments, 'hints'> {
  readonly id: number;
  readonly hints: Readonly<Record<string, unknown>>;
}

/** A ready job's buttons as Notify sends them, after the body click's "default": [key, label, …]. */
export const READY_JOB_ACTIONS = [
  'default',
  'Open',
  'open-result',
  'Open result',
  'download',
  'Download',
  'copy-link',
  'Copy link',
];

/**
 * How the daemon answers a method: as the specification says, never, with an org.freedesktop error, only
 * when the test says so (`answerHeld`: a reply that comes after the app stopped waiting), or with a reply
 * of the wrong type (a string where the specification says an array or a number).
 */
export type Answer = 'normally' | 'never' | 'with-error' | 'held' | 'malformed';

export interface FakeNotificationDaemon {
  /** What GetCapabilities lists; change it between tests. */
  capabilities: string[];
  /** How GetCapabilities and Notify are answered. */
  answers: { GetCapabilities: Answer; Notify: Answer };
  /** Every method call, by member name, in order. */
  readonly calls: string[];
  readonly notified: NotifyCall[];
  /** Resolves with the next Notify call that arrives (or the first one not yet waited for). */
  nextNotify(): Promise<NotifyCall>;
  /** Resolves once a call of `member` has arrived (counting those that came before). */
  called(member: string): Promise<void>;
  /** The user presses a button (or the body, key "default"): ActionInvoked, then the daemon closes it. */
  invokeAction(id: number, key: string): void;
  /** Sends the replies held back ('held'), as a slow daemon finally would. */
  answerHeld(): void;
  /** A signal of the daemon's own with whatever signature and body: what a broken daemon may send. */
  sendSignal(member: string, signature: string, body: unknown[]): void;
  /** The notification closes: 1 expired, 2 dismissed by the user, 3 closed by CloseNotification. */
  closeNotification(id: number, reason: 1 | 2 | 3): void;
  /** Gives up the name (so the next daemon can take it at once), then leaves the bus. */
  stop(): Promise<void>;
}

function unwrapHints(hints: unknown): Record<string, unknown> {
  const entries = Object.entries((hints ?? {}) as Record<string, { value: unknown }>);
  return Object.fromEntries(entries.map(([name, variant]) => [name, variant.value]));
}

export async function startFakeNotificationDaemon(
  address: string,
  capabilities: readonly string[] = GNOME_SHELL_CAPABILITIES,
): Promise<FakeNotificationDaemon> {
  // An abstract socket as the app reaches it (dbus-next's own way needs a native module).
  const bus: MessageBus = dbus.sessionBus({ busAddress: reachableAddress(address) });
  // A test may stop the bus under it (the app's bus going away): that ends the daemon, quietly.
  bus.on('error', () => {});
  let nextId = 1;
  const waiting: ((call: NotifyCall) => void)[] = [];
  const unclaimed: NotifyCall[] = [];
  const callWaiters: { member: string; resolve: () => void }[] = [];
  const held: (() => void)[] = [];

  const signal = (member: string, signature: string, body: unknown[]) =>
    bus.send(dbus.Message.newSignal(PATH, NAME, member, signature, body));

  const daemon: FakeNotificationDaemon = {
    capabilities: [...capabilities],
    answers: { GetCapabilities: 'normally', Notify: 'normally' },
    calls: [],
    notified: [],
    nextNotify() {
      const ready = unclaimed.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve) => waiting.push(resolve));
    },
    called(member) {
      if (daemon.calls.includes(member)) return Promise.resolve();
      return new Promise((resolve) => callWaiters.push({ member, resolve }));
    },
    invokeAction(id, key) {
      signal('ActionInvoked', 'us', [id, key]);
      // Without the "resident" hint the daemon removes it once an action is invoked (the specification).
      signal('NotificationClosed', 'uu', [id, 2]);
    },
    sendSignal(member, signature, body) {
      signal(member, signature, body);
    },
    answerHeld() {
      for (const send of held.splice(0)) send();
    },
    closeNotification(id, reason) {
      signal('NotificationClosed', 'uu', [id, reason]);
    },
    async stop() {
      await bus.releaseName(NAME);
      bus.disconnect();
    },
  };

  /** Replies as the test set it: the reply, no reply at all, or an error. */
  const answer = (message: Message, how: Answer, signature: string, body: unknown[]) => {
    if (how === 'never') return;
    if (how === 'held') {
      held.push(() => answer(message, 'normally', signature, body));
      return;
    }
    if (how === 'with-error') {
      const newError = dbus.Message.newError as unknown as (
        m: Message,
        name: string,
        text: string,
      ) => Message;
      bus.send(newError(message, 'org.freedesktop.DBus.Error.Failed', 'The daemon refused it'));
      return;
    }
    if (how === 'malformed') {
      bus.send(dbus.Message.newMethodReturn(message, 's', [JSON.stringify(body)]));
      return;
    }
    bus.send(dbus.Message.newMethodReturn(message, signature, body));
  };

  bus.addMethodHandler((message: Message) => {
    if (message.interface !== NAME || message.path !== PATH) return false;
    daemon.calls.push(message.member);
    for (const waiter of callWaiters.filter((w) => w.member === message.member)) {
      callWaiters.splice(callWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    switch (message.member) {
      case 'GetCapabilities':
        answer(message, daemon.answers.GetCapabilities, 'as', [daemon.capabilities]);
        return true;
      case 'GetServerInformation':
        answer(message, 'normally', 'ssss', ['fake-daemon', 'CAMB Watch tests', '1.0', '1.2']);
        return true;
      case 'Notify': {
        const [appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout] = message.body as [
          string,
          number,
          string,
          string,
          string,
          string[],
          unknown,
          number,
        ];
        const id = replacesId > 0 ? replacesId : nextId++;
        if (daemon.answers.Notify === 'normally' || daemon.answers.Notify === 'held') {
          const call = {
            id,
            appName,
            replacesId,
            appIcon,
            summary,
            body,
            actions,
            hints: unwrapHints(hints),
            expireTimeout,
          };
          daemon.notified.push(call);
          const waiter = waiting.shift();
          if (waiter === undefined) unclaimed.push(call);
          else waiter(call);
        }
        answer(message, daemon.answers.Notify, 'u', [id]);
        return true;
      }
      case 'CloseNotification': {
        const id = message.body[0] as number;
        bus.send(dbus.Message.newMethodReturn(message, '', []));
        signal('NotificationClosed', 'uu', [id, 3]);
        return true;
      }
      default:
        return false;
    }
  });

  // 4: DBUS_NAME_FLAG_DO_NOT_QUEUE; 1: DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER.
  const reply = await bus.requestName(NAME, 4);
  if (reply !== 1) throw new Error(`The fake notification daemon could not own ${NAME} (${reply})`);
  return daemon;
}

/**
 * Another program on the same bus sending ActionInvoked for an id it names: what the app must ignore
 * (only the daemon that took a notification may speak for it).
 */
export async function impostorSignal(address: string, id: number, key: string): Promise<void> {
  const bus = dbus.sessionBus({ busAddress: address });
  try {
    bus.send(dbus.Message.newSignal(PATH, NAME, 'ActionInvoked', 'us', [id, key]));
    // A round trip to the bus after it: the signal has been routed once the reply is here.
    await bus.call(
      new dbus.Message({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'GetId',
      }),
    );
  } finally {
    bus.disconnect();
  }
}
