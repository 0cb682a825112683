import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { watchOnlineStatus } from '../../../src/main/core/connectivity/onlineWatcher';

function setup(initial: boolean) {
  const clock = new VirtualClock();
  const network = { online: initial, throws: false };
  const changes: boolean[] = [];
  const watcher = watchOnlineStatus({
    clock,
    intervalMs: 10_000,
    isOnline: () => {
      if (network.throws) throw new Error('no network service');
      return network.online;
    },
    onChange: (online) => changes.push(online),
  });
  return { clock, network, changes, watcher };
}

describe('watchOnlineStatus', () => {
  it('reports the status at start and then only changes, on its timer', async () => {
    const { clock, network, changes } = setup(true);
    expect(changes).toEqual([true]);
    await clock.advance(30_000);
    expect(changes).toEqual([true]);
    network.online = false;
    await clock.advance(9_999);
    expect(changes).toEqual([true]);
    await clock.advance(1);
    expect(changes).toEqual([true, false]);
    network.online = true;
    await clock.advance(10_000);
    expect(changes).toEqual([true, false, true]);
  });

  it('looks at once when asked (after a wake-up)', () => {
    const { network, changes, watcher } = setup(true);
    network.online = false;
    watcher.checkNow();
    expect(changes).toEqual([true, false]);
  });

  it('counts a failing check as online, so a glitch never holds polling', async () => {
    const { clock, network, changes } = setup(false);
    network.throws = true;
    await clock.advance(10_000);
    expect(changes).toEqual([false, true]);
  });

  it('stops for good', async () => {
    const { clock, network, changes, watcher } = setup(true);
    watcher.stop();
    network.online = false;
    watcher.checkNow();
    await clock.advance(60_000);
    expect(changes).toEqual([true]);
  });
});
