import type * as DbusNext from 'dbus-next';
import type { Message, MessageBus } from 'dbus-next';
import type { Clock } from '../clock';
import type { NotifyArguments } from './notifyRequest';

/**
 * The session bus as the notifier needs it: the org.freedesktop.Notifications daemon's GetCapabilities,
 * Notify and CloseNotification, its ActionInvoked and NotificationClosed signals, and word when the daemon
 * changes (Desktop Notifications Specification 1.2). Through dbus-next (pure JavaScript: nothing to build
 * for Electron), loaded only when a Linux app first shows a notification. Every call is answered within
 * `answerWithinMs` or fails: a daemon that hangs must not hold a notification back.
 */

const DAEMON = 'org.freedesktop.Notifications';
const DAEMON_PATH = '/org/freedesktop/Notifications';
const BUS = 'org.freedesktop.DBus';
/** dbus-next's MessageType.SIGNAL (the D-Bus specification's message type 4). */
const SIGNAL = 4;

/** A signal of the daemon's, with the unique bus name that sent it (anyone on the bus can send one). */
export type NotificationSignal =
  | { readonly type: 'action-invoked'; readonly sender: string; readonly id: number; readonly key: string }
  | { readonly type: 'closed'; readonly sender: string; readonly id: number };

export interface NotificationsBusEvents {
  signal(signal: NotificationSignal): void;
  /** org.freedesktop.Notifications changed owner: a daemon started, stopped or took over. */
  daemonChanged(): void;
  /** The connection to the bus failed or broke: nothing more will come through it. */
  lost(error: unknown): void;
}

export interface NotificationsBus {
  /** GetCapabilities, and the unique name of the daemon that answered. */
  capabilities(): Promise<{ readonly daemon: string; readonly capabilities: readonly string[] }>;
  /** Notify: the id the daemon gave the notification, and the unique name of the daemon that took it. */
  notify(args: NotifyArguments): Promise<{ readonly daemon: string; readonly id: number }>;
  disconnect(): void;
}

export interface NotificationsBusOptions {
  /** The session bus's address (DBUS_SESSION_BUS_ADDRESS). */
  readonly address: string;
  readonly clock: Clock;
  readonly answerWithinMs: number;
  readonly events: NotificationsBusEvents;
}

/** The daemon or the bus did not answer in time. */
export class NoAnswerError extends Error {
  constructor(what: string, withinMs: number) {
    super(`${what} had no answer within ${withinMs} ms`);
    this.name = 'NoAnswerError';
  }
}

type DbusModule = typeof DbusNext;

async function loadDbus(): Promise<DbusModule> {
  const loaded = await import('dbus-next');
  // A CommonJS package: Node's import gives module.exports as `default` (and most names beside it).
  return (loaded as DbusModule & { default?: DbusModule }).default ?? loaded;
}

/**
 * The address as dbus-next can reach it. An abstract socket (`unix:abstract=…`, which dbus-launch and
 * dbus-daemon's `unix:tmpdir` gave on Linux before D-Bus 1.12) it reaches only through its optional native
 * module, usocket, which the app does not ship (lib/connection.js); Node's own `net` reaches it as a path
 * that starts with a NUL byte, which dbus-next passes on when the address says `socket=`. Values are
 * unescaped as the D-Bus specification escapes them (`%xx`).
 */
export function reachableAddress(address: string): string {
  return address
    .split(';')
    .map((one) => {
      const match = /^unix:(.*)$/u.exec(one);
      if (match === null) return one;
      const params = (match[1] ?? '').split(',');
      const abstract = params.find((param) => param.startsWith('abstract='));
      if (abstract === undefined || params.some((param) => param.startsWith('path='))) return one;
      const name = abstract
        .slice('abstract='.length)
        .replace(/%([0-9a-fA-F]{2})/gu, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      // A name that would read as more than one value in dbus-next's own parsing: left as it is (unreached).
      if (/[,;:=]/u.test(name)) return one;
      const others = params.filter((param) => param !== abstract);
      return `unix:${[`socket=\0${name}`, ...others].join(',')}`;
    })
    .join(';');
}

/** The body of a signal or reply, as a hostile or broken peer may send it: checked before it is used. */
function numberAt(message: Message, index: number): number | undefined {
  const value: unknown = message.body[index];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function signalOf(message: Message): NotificationSignal | 'daemon-changed' | null {
  if (message.type !== SIGNAL) return null;
  if (message.interface === BUS && message.member === 'NameOwnerChanged')
    return message.sender === BUS && message.body[0] === DAEMON ? 'daemon-changed' : null;
  if (message.interface !== DAEMON || message.path !== DAEMON_PATH) return null;
  const id = numberAt(message, 0);
  if (id === undefined) return null;
  if (message.member === 'ActionInvoked') {
    const key: unknown = message.body[1];
    return typeof key === 'string' ? { type: 'action-invoked', sender: message.sender, id, key } : null;
  }
  if (message.member === 'NotificationClosed') return { type: 'closed', sender: message.sender, id };
  return null;
}

/**
 * Connects to the session bus and listens for the daemon's signals (broadcast by the daemon: the match
 * rules ask the bus for them; a daemon that sends them to us alone is heard without a rule). Throws when
 * the bus cannot be reached or does not answer; the caller then shows notifications another way.
 */
export async function openNotificationsBus(options: NotificationsBusOptions): Promise<NotificationsBus> {
  const { clock, answerWithinMs, events } = options;
  const dbus = await loadDbus();
  const bus: MessageBus = dbus.sessionBus({ busAddress: reachableAddress(options.address) });
  const pending = new Set<(error: unknown) => void>();
  let broken: unknown = null;
  const lose = (error: unknown) => {
    if (broken !== null) return;
    broken = error;
    for (const fail of [...pending]) fail(error);
    events.lost(error);
  };
  bus.on('error', lose);
  // A bus that closes cleanly (a dbus-daemon that read our call, then its SIGTERM) ends the stream
  // without an error. dbus-next's connection then emits only 'end' (lib/connection.js, createConnection),
  // which its MessageBus does not pass on (lib/bus.js forwards 'error' alone), so a call already written
  // would wait out answerWithinMs. The connection is a field of dbus-next 0.10 (its last release, 2021).
  (bus as unknown as { _connection?: NodeJS.EventEmitter })._connection?.on('end', () =>
    lose(new Error('the session bus closed the connection')),
  );
  bus.on('message', (message) => {
    const signal = signalOf(message);
    if (signal === null) return;
    // After the replies read with it have been acted on: a Notify's reply and the first signal for its
    // id can arrive in one read, and the id must be known (a reply settles through promises) by then.
    setImmediate(() => {
      if (signal === 'daemon-changed') events.daemonChanged();
      else events.signal(signal);
    });
  });

  /** A method call answered within answerWithinMs; `late` gets a reply that came after the wait gave up. */
  const call = (
    what: string,
    fields: ConstructorParameters<typeof dbus.Message>[0],
    late?: (reply: Message) => void,
  ) =>
    new Promise<Message>((resolve, reject) => {
      if (broken !== null) {
        reject(broken);
        return;
      }
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clock.clearTimer(timer);
        pending.delete(fail);
        outcome();
      };
      const fail = (error: unknown) => settle(() => reject(error));
      const timer = clock.setTimer(() => fail(new NoAnswerError(what, answerWithinMs)), answerWithinMs);
      pending.add(fail);
      bus.call(new dbus.Message(fields)).then(
        (reply) => {
          if (settled) {
            if (reply !== null) late?.(reply);
            return;
          }
          settle(() => (reply === null ? reject(new Error(`${what} gave no reply`)) : resolve(reply)));
        },
        (error: unknown) => fail(error),
      );
    });

  const toDaemon = { destination: DAEMON, path: DAEMON_PATH, interface: DAEMON } as const;
  const addMatch = (rule: string) =>
    call('AddMatch', {
      destination: BUS,
      path: '/org/freedesktop/DBus',
      interface: BUS,
      member: 'AddMatch',
      signature: 's',
      body: [rule],
    });

  try {
    await addMatch(`type='signal',interface='${DAEMON}',path='${DAEMON_PATH}'`);
    await addMatch(
      `type='signal',sender='${BUS}',interface='${BUS}',member='NameOwnerChanged',arg0='${DAEMON}'`,
    );
  } catch (error) {
    bus.disconnect();
    throw error;
  }

  return {
    async capabilities() {
      const reply = await call('GetCapabilities', { ...toDaemon, member: 'GetCapabilities' });
      const listed: unknown = reply.body[0];
      const capabilities = Array.isArray(listed)
        ? listed.filter((item): item is string => typeof item === 'string')
        : [];
      return { daemon: reply.sender, capabilities };
    },
    async notify(args) {
      const hints = Object.fromEntries(
        Object.entries(args.hints).map(([name, hint]) => [name, new dbus.Variant(hint.type, hint.value)]),
      );
      const reply = await call(
        'Notify',
        {
          ...toDaemon,
          member: 'Notify',
          signature: 'susssasa{sv}i',
          body: [
            args.appName,
            args.replacesId,
            args.appIcon,
            args.summary,
            args.body,
            [...args.actions],
            hints,
            args.expireTimeout,
          ],
        },
        // Shown after all, once the notice had gone to Electron: taken back, so it is not shown twice.
        (late) => {
          const id = numberAt(late, 0);
          if (id !== undefined)
            void call('CloseNotification', {
              ...toDaemon,
              member: 'CloseNotification',
              signature: 'u',
              body: [id],
            }).catch(() => {});
        },
      );
      const id = numberAt(reply, 0);
      if (id === undefined) throw new Error('Notify answered without a notification id');
      return { daemon: reply.sender, id };
    },
    disconnect() {
      broken ??= new Error('disconnected');
      for (const fail of [...pending]) fail(broken);
      bus.disconnect();
    },
  };
}
