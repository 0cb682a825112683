import { describe, expect, it } from 'vitest';
import {
  BridgeError,
  createBridge,
  dispatchInvoke,
  EVENT_CHANNEL_NAMES,
  INVOKE_CHANNEL_NAMES,
  type BridgeTransport,
  type ContractHandlers,
  type EventChannel,
} from '../../../src/shared/contract';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { ChangeNotSavedError, WatchListError } from '../../../src/main/core/watchList/watchList';

/** Handlers for the channels a test touches; the rest answer outside the contract on purpose. */
function someHandlers(overrides: Partial<ContractHandlers>): ContractHandlers {
  const unexpected = () => {
    throw new Error('not part of this test');
  };
  return Object.fromEntries(
    INVOKE_CHANNEL_NAMES.map((channel) => [channel, overrides[channel] ?? unexpected]),
  ) as unknown as ContractHandlers;
}

function inMemoryTransport(handlers: ContractHandlers) {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: (channel, request) => dispatchInvoke(handlers, channel, structuredClone(request)),
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (event: EventChannel, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { transport, emit };
}

describe('the bridge built from the contract', () => {
  it('has one function per action and one on<Event> per event, and nothing else', () => {
    const bridge = createBridge(inMemoryTransport(someHandlers({})).transport);
    const expected = [
      ...INVOKE_CHANNEL_NAMES,
      ...EVENT_CHANNEL_NAMES.map((event) => `on${event[0]?.toUpperCase()}${event.slice(1)}`),
    ];
    expect(Object.keys(bridge).sort()).toEqual(expected.sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge).toHaveProperty('onTaskChanged');
    expect(bridge).not.toHaveProperty('invoke');
  });

  it("returns the validated answer, and rejects with the app's own words", async () => {
    const bridge = createBridge(
      inMemoryTransport(
        someHandlers({
          getSettings: () => DEFAULT_SETTINGS,
          removeTask: () => ({ removed: true }),
        }),
      ).transport,
    );
    await expect(bridge.getSettings()).resolves.toEqual(DEFAULT_SETTINGS);
    await expect(bridge.removeTask({ key: 'story:abc' })).resolves.toEqual({ removed: true });
    await expect(bridge.removeTask({ key: 'nonsense' as never })).rejects.toThrow(
      new BridgeError('key: A task key is "<kind>:<task id>" with a known kind'),
    );
    await expect(bridge.clearFinished()).rejects.toThrow(
      'Something went wrong in CAMB Watch; the details are in its log.',
    );
  });

  it('answers a foreseen refusal (a change that could not be saved) in its own words, not as a bug', async () => {
    const bugs: unknown[] = [];
    const refused = new ChangeNotSavedError(
      'Your change was not saved, so it was not made: the disk is full.',
    );
    const handlers = someHandlers({
      renameTask: () => {
        throw refused;
      },
      removeTask: () => {
        throw new TypeError('a bug');
      },
    });
    // The hosts' own mapping (createAppHost): a watch-list refusal is a sentence for the user.
    const options = {
      onBug: (_channel: string, error: unknown) => bugs.push(error),
      refusal: (error: unknown) => (error instanceof WatchListError ? error.message : null),
    };
    expect(await dispatchInvoke(handlers, 'renameTask', { key: 'story:a', label: 'x' }, options)).toEqual({
      ok: false,
      error: refused.message,
    });
    expect(await dispatchInvoke(handlers, 'removeTask', { key: 'story:a' }, options)).toEqual({
      ok: false,
      error: 'Something went wrong in CAMB Watch; the details are in its log.',
    });
    expect(bugs).toHaveLength(1);
  });

  it('strips what the contract does not name before it leaves the handler', async () => {
    const result = await dispatchInvoke(
      someHandlers({
        getKeyStatus: () =>
          ({
            present: true,
            where: 'OS keychain',
            storeWhere: 'OS keychain',
            storeProblem: null,
            apiKey: 'must-not-leave',
          }) as never,
      }),
      'getKeyStatus',
      {},
    );
    expect(JSON.stringify(result)).not.toContain('must-not-leave');
  });

  it('delivers events that match their schema and drops the rest', () => {
    const { transport, emit } = inMemoryTransport(someHandlers({}));
    const bridge = createBridge(transport);
    const seen: unknown[] = [];
    const state = {
      key: { present: true, where: 'OS keychain', problem: null, check: 'works' },
      authProblem: null,
      connectivity: 'offline',
      pollingPaused: false,
      suspended: false,
      rateLimitedUntil: null,
      budgetNotice: null,
      saveProblem: null,
    } as const;
    const stop = bridge.onServiceState((payload) => seen.push(payload));
    emit('serviceState', state);
    emit('serviceState', { ...state, connectivity: 'on fire' });
    stop();
    emit('serviceState', { ...state, connectivity: 'online' });
    expect(seen).toEqual([state]);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(inMemoryTransport(someHandlers({})).transport);
    expect(() => bridge.onNotice('alert(1)' as never)).toThrow('onNotice needs a function');
  });
});

describe('the compile-time coverage check', () => {
  it('rejects a handler table that misses a channel or answers with the wrong shape', () => {
    // @ts-expect-error -- every channel of the contract needs a handler
    const missing: ContractHandlers = { getSettings: () => DEFAULT_SETTINGS };
    const wrongAnswer: Partial<ContractHandlers> = {
      // @ts-expect-error -- removeTask answers { removed: boolean }
      removeTask: () => ({ removed: 'yes' }),
    };
    expect([missing, wrongAnswer]).toHaveLength(2);
  });
});
