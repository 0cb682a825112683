import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import { silentLogger } from '../../../src/main/core/logging/logger';
import {
  CHECK_INTERVAL_MS,
  createUpdateController,
  FIRST_CHECK_DELAY_MS,
  INSTALL_ON_QUIT_LIMIT_MS,
  UPDATER_SILENCE_LIMIT_MS,
  updatesNotAvailable,
} from '../../../src/main/core/updates';
import type { UpdateState } from '../../../src/shared/updateState';
import { scriptedUpdater } from '../../support/scriptedUpdater';

const HOUR = 3600_000;

function rig(automatic = true) {
  const clock = new VirtualClock();
  const updater = scriptedUpdater();
  const controller = createUpdateController({
    clock,
    logger: silentLogger,
    availability: { available: true },
    updater: updater.port,
  });
  const seen: UpdateState[] = [];
  controller.onChange((state) => seen.push(state));
  return { clock, updater, controller, seen, start: () => controller.start(automatic) };
}

describe('update controller: when it checks', () => {
  it('checks shortly after launch, then every few hours, in virtual time', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await clock.advance(1);
    expect(updater.checks).toBe(1);
    expect(controller.state()).toEqual({ phase: 'checking' });
    await updater.answer({ type: 'not-available' });
    expect(controller.state()).toEqual({ phase: 'idle', checkedAt: clock.now() });

    await clock.advance(CHECK_INTERVAL_MS - 1);
    expect(updater.checks).toBe(1);
    await clock.advance(1);
    expect(updater.checks).toBe(2);
    expect(CHECK_INTERVAL_MS).toBeGreaterThanOrEqual(2 * HOUR);
  });

  it('never starts a check while a download goes on, however long it takes', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    updater.emit({ type: 'available', version: '1.2.0' });
    for (let elapsed = 0; elapsed < 3 * CHECK_INTERVAL_MS; elapsed += 60_000) {
      updater.emit({ type: 'progress', percent: (100 * elapsed) / (3 * CHECK_INTERVAL_MS) });
      await clock.advance(60_000);
    }
    expect(updater.checks).toBe(1);
    expect(controller.checkNow()).toEqual({ ok: false, message: 'Version 1.2.0 is already downloading.' });
    expect(updater.checks).toBe(1);
  });

  it('never checks when the setting is off, and resumes when it is turned on again', async () => {
    const { clock, updater, controller, start } = rig(false);
    start();
    await clock.advance(2 * CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
    expect(controller.state()).toEqual({ phase: 'idle', checkedAt: null });

    controller.setAutomatic(true);
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
    await updater.answer({ type: 'not-available' });
    controller.setAutomatic(false);
    await clock.advance(2 * CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
  });

  it('checks when asked, even with automatic checks off, and the next automatic one waits a full interval', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(1000);
    expect(controller.checkNow()).toEqual({ ok: true, message: 'Checking for updates…' });
    expect(controller.checkNow()).toEqual({ ok: false, message: 'Already checking for updates.' });
    await updater.answer({ type: 'not-available' });
    await clock.advance(CHECK_INTERVAL_MS - 1);
    expect(updater.checks).toBe(1);
    await clock.advance(1);
    expect(updater.checks).toBe(2);

    const off = rig(false);
    off.start();
    expect(off.controller.checkNow().ok).toBe(true);
    expect(off.updater.checks).toBe(1);
  });

  it('stops checking once a version is downloaded, and restarts only then', async () => {
    const { clock, updater, controller, seen, start } = rig();
    start();
    expect(controller.restartToUpdate()).toEqual({
      ok: false,
      message: 'No update is ready to install yet.',
    });
    await clock.advance(FIRST_CHECK_DELAY_MS);
    await updater.answer({ type: 'available', version: '1.2.0' });
    updater.emit({ type: 'progress', percent: 41.7 });
    updater.emit({ type: 'progress', percent: 41.9 });
    updater.emit({ type: 'progress', percent: 100 });
    updater.emit({ type: 'downloaded', version: '1.2.0' });
    expect(seen).toEqual([
      { phase: 'checking' },
      { phase: 'downloading', version: '1.2.0', percent: 0 },
      { phase: 'downloading', version: '1.2.0', percent: 41 },
      { phase: 'downloading', version: '1.2.0', percent: 100 },
      { phase: 'ready', version: '1.2.0' },
    ]);
    await clock.advance(3 * CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
    expect(controller.checkNow()).toEqual({
      ok: false,
      message: 'Version 1.2.0 is ready: restart to update.',
    });
    expect(controller.restartToUpdate()).toEqual({
      ok: true,
      message: 'Restarting to install version 1.2.0…',
    });
    expect(updater.installsAsked).toEqual([{ relaunch: true }]);
    expect(controller.restartToUpdate()).toEqual({
      ok: false,
      message: 'Version 1.2.0 is already being installed.',
    });
    expect(updater.installs).toBe(1);
  });

  it('stops listening and checking once disposed', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    controller.dispose();
    await clock.advance(2 * CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
    expect(updater.listenerCount).toBe(0);
  });
});

describe('update controller: failures', () => {
  it('shows a failed check in words, never in the updater message, and tries again an interval later', async () => {
    const { clock, updater, controller, seen, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    // electron-updater emits its error, then the check's promise rejects with the same error.
    updater.emit({ type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    await updater.reject('net::ERR_INTERNET_DISCONNECTED');
    expect(seen.at(-1)).toEqual({
      phase: 'error',
      message:
        'The update server could not be reached: check your connection. CAMB Watch will try again later.',
    });
    expect(seen.filter((state) => state.phase === 'error')).toHaveLength(1);
    await clock.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    expect(controller.state()).toEqual({ phase: 'checking' });
  });

  it('ends a check whose promise rejects without an error event', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    await updater.reject(
      'HttpError: 404 Not Found "method: GET url: https://github.com/camb-watch/camb-watch/releases/latest-linux.yml"',
    );
    expect(controller.state()).toEqual({
      phase: 'error',
      message: 'No update information was found for this version. CAMB Watch will try again later.',
    });
  });

  it('treats a check that answers without an event as finding nothing', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    await updater.answer();
    expect(controller.state()).toEqual({ phase: 'idle', checkedAt: clock.now() });
  });

  it('turns a failed download into an error, never a stuck progress bar', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    await updater.answer({ type: 'available', version: '1.2.0' });
    updater.emit({ type: 'progress', percent: 12 });
    updater.emit({ type: 'error', message: 'sha512 checksum mismatch, expected abc, got def' });
    expect(controller.state()).toEqual({
      phase: 'error',
      message: 'The downloaded update could not be verified, so it was not installed.',
    });
    expect(controller.checkNow().ok).toBe(true);
  });
});

/** A controller with version 1.2.0 downloaded and ready to install. */
async function readyRig() {
  const r = rig();
  r.start();
  await r.clock.advance(FIRST_CHECK_DELAY_MS);
  await r.updater.answer({ type: 'available', version: '1.2.0' });
  r.updater.emit({ type: 'downloaded', version: '1.2.0' });
  return r;
}

describe('update controller: a check that never answers (electron-builder #4618)', () => {
  it('gives the check up after the silence limit, says so in words, and checks again an interval later', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    await clock.advance(UPDATER_SILENCE_LIMIT_MS - 1);
    expect(controller.state()).toEqual({ phase: 'checking' });
    await clock.advance(1);
    expect(controller.state()).toEqual({
      phase: 'error',
      message: 'The update server did not answer within 5 minutes. CAMB Watch will try again later.',
    });
    expect(updater.abandoned).toBe(1);
    // Check now works again at once, and so does the schedule.
    expect(controller.checkNow()).toEqual({ ok: true, message: 'Checking for updates…' });
    expect(updater.checks).toBe(2);
    await updater.reject('never answered'); // the abandoned first check, settling at last
    expect(controller.state()).toEqual({ phase: 'checking' });
    await updater.answer({ type: 'not-available' });
    expect(controller.state()).toEqual({ phase: 'idle', checkedAt: clock.now() });
    await clock.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(3);
  });

  it('the automatic schedule goes on after a stalled check, with nobody pressing anything', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS + UPDATER_SILENCE_LIMIT_MS);
    expect(controller.state().phase).toBe('error');
    await clock.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    expect(controller.state()).toEqual({ phase: 'checking' });
  });

  it('a late answer of the abandoned check does not overwrite what came after', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS + UPDATER_SILENCE_LIMIT_MS);
    controller.checkNow();
    // The stalled check's promise settles after all, while the second one runs. (Its events are the
    // port's to drop: the shell's stops listening to the abandoned updater, see tests/wiring/updates.)
    await updater.answer();
    expect(controller.state()).toEqual({ phase: 'checking' });
  });

  it('a download that keeps reporting progress is never given up; one that goes silent is', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    await updater.answer({ type: 'available', version: '1.2.0' });
    for (let percent = 10; percent <= 50; percent += 10) {
      await clock.advance(UPDATER_SILENCE_LIMIT_MS - 1000);
      updater.emit({ type: 'progress', percent });
    }
    expect(controller.state()).toEqual({ phase: 'downloading', version: '1.2.0', percent: 50 });
    await clock.advance(UPDATER_SILENCE_LIMIT_MS);
    expect(controller.state()).toEqual({
      phase: 'error',
      message:
        'The download of version 1.2.0 stopped: the update server sent nothing for 5 minutes. CAMB Watch will try again later.',
    });
    expect(updater.abandoned).toBe(1);
  });

  it('a downloaded version is never given up, however long it waits', async () => {
    const { clock, updater, controller } = await readyRig();
    await clock.advance(10 * UPDATER_SILENCE_LIMIT_MS);
    expect(controller.state()).toEqual({ phase: 'ready', version: '1.2.0' });
    expect(updater.abandoned).toBe(0);
  });
});

describe('update controller: the user quits (never a log-off: electron-builder #7807)', () => {
  it('with nothing downloaded, quits at once and installs nothing', async () => {
    const { clock, updater, controller, start } = rig();
    start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    await updater.answer({ type: 'available', version: '1.2.0' });
    let quits = 0;
    controller.quitInstallingUpdate(() => (quits += 1));
    expect(quits).toBe(1);
    expect(updater.installs).toBe(0);
  });

  it('with a version downloaded, installs it without starting the app again', async () => {
    const { clock, updater, controller } = await readyRig();
    let quits = 0;
    controller.quitInstallingUpdate(() => (quits += 1));
    expect(updater.installsAsked).toEqual([{ relaunch: false }]);
    // The installer quits the app itself; the plain quit is only the fallback.
    expect(quits).toBe(0);
    expect(controller.restartToUpdate().ok).toBe(false);
    await clock.advance(INSTALL_ON_QUIT_LIMIT_MS);
    expect(quits).toBe(1);
  });

  it('quits all the same when the installer refuses', async () => {
    const { updater, controller } = await readyRig();
    let quits = 0;
    controller.quitInstallingUpdate(() => (quits += 1));
    updater.emit({ type: 'error', message: "No update filepath provided, can't quit and install" });
    expect(quits).toBe(1);
  });

  it('a refused "Restart to update" is said in words, and the app keeps running', async () => {
    const { updater, controller } = await readyRig();
    expect(controller.restartToUpdate().ok).toBe(true);
    updater.emit({ type: 'error', message: 'Code signature at URL file:///x did not pass validation' });
    expect(controller.state()).toEqual({
      phase: 'error',
      message:
        'The update could not be installed. The downloaded update could not be verified, so it was not installed.',
    });
  });
});

describe('update controller: where it cannot update', () => {
  it('never checks, and says why to every action', async () => {
    const clock = new VirtualClock();
    const controller = updatesNotAvailable(
      clock,
      silentLogger,
      'Updates are not checked in a development run.',
    );
    controller.start(true);
    await clock.advance(2 * CHECK_INTERVAL_MS);
    expect(controller.state()).toEqual({
      phase: 'unavailable',
      reason: 'Updates are not checked in a development run.',
    });
    expect(controller.checkNow()).toEqual({
      ok: false,
      message: 'Updates are not checked in a development run.',
    });
    expect(controller.restartToUpdate().ok).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });
});
