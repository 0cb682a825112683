import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, WEB_HOST_REASON } from '../../../src/main/core/updates';
import { scriptedUpdater } from '../../support/scriptedUpdater';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;

afterEach(async () => {
  await a.close();
});

describe('app host: updates over the contract', () => {
  it('the web host never updates: its snapshot and both actions say so', async () => {
    a = await createAppHostHarness();
    const snapshot = (await a.invoke('getSnapshot')) as { ok: true; value: { updates: unknown } };
    expect(snapshot.value.updates).toEqual({ phase: 'unavailable', reason: WEB_HOST_REASON });
    expect(await a.invoke('checkForUpdatesNow')).toEqual({
      ok: true,
      value: { ok: false, message: WEB_HOST_REASON },
    });
    expect(await a.invoke('restartToUpdate')).toEqual({
      ok: true,
      value: { ok: false, message: 'No update is ready to install yet.' },
    });
    expect(await a.invoke('checkForUpdatesNow', { now: true })).toMatchObject({ ok: false });
  });

  it('sends each update state as an event, restarts once ready, and follows the setting', async () => {
    const updater = scriptedUpdater();
    a = await createAppHostHarness({ updater: updater.port });
    await a.h.advance(FIRST_CHECK_DELAY_MS);
    await updater.answer({ type: 'available', version: '1.2.0' });
    updater.emit({ type: 'progress', percent: 42 });
    updater.emit({ type: 'downloaded', version: '1.2.0' });
    expect(a.eventsOf('updateState')).toEqual([
      { phase: 'checking' },
      { phase: 'downloading', version: '1.2.0', percent: 0 },
      { phase: 'downloading', version: '1.2.0', percent: 42 },
      { phase: 'ready', version: '1.2.0' },
    ]);
    expect(await a.invoke('restartToUpdate')).toEqual({
      ok: true,
      value: { ok: true, message: 'Restarting to install version 1.2.0…' },
    });
    expect(updater.installs).toBe(1);
  });

  it('stops automatic checks when the setting is turned off through the window', async () => {
    const updater = scriptedUpdater();
    a = await createAppHostHarness({ updater: updater.port });
    await a.invoke('updateSettings', { checkForUpdates: false });
    await a.h.advance(2 * CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
    await a.invoke('updateSettings', { checkForUpdates: true });
    await a.h.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
  });
});
