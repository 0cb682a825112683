/** The sound chosen per outcome reaches the desktop notification; Do not disturb works from the tray menu. */
import type * as ChildProcess from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { startFakeNotificationDaemon } from '../support/fakeNotificationDaemon';
import { hasDbusDaemon, startPrivateSessionBus } from '../support/privateSessionBus';
import { notificationControl } from './support/electronStandIn';
import { notifications } from './support/wiredApp';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

// The chime is played by the desktop's own player: recorded here, never started. The session bus
// question (is there a tray host?) goes to the run's stand-in gdbus as usual.
const played = vi.hoisted(() => [] as { command: string; args: readonly string[] }[]);
vi.mock('node:child_process', async (importOriginal) => {
  const original = await importOriginal<typeof ChildProcess>();
  const sessionBusClients = new Set(['gdbus', 'dbus-send']);
  return {
    ...original,
    execFile: (
      command: string,
      args: readonly string[],
      options: ChildProcess.ExecFileOptions,
      done: (error: Error | null, stdout: string) => void,
    ) => {
      if (sessionBusClients.has(command))
        return original.execFile(command, args, options, (error, stdout) => done(error, String(stdout)));
      played.push({ command, args });
      done(null, '');
      return undefined;
    },
  };
});

// A player installed where PATH says, as on a desktop with PulseAudio: the app runs it by that full path.
const playerFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-player-'));
const PLAYER = path.join(playerFolder, 'paplay');
fs.writeFileSync(PLAYER, '#!/bin/sh\n', { mode: 0o755 });
const originalPath = process.env['PATH'];
process.env['PATH'] = `${playerFolder}${path.delimiter}${originalPath ?? ''}`;
afterAll(() => {
  process.env['PATH'] = originalPath;
  fs.rmSync(playerFolder, { recursive: true, force: true });
});

const suite = wiringSuite();
/** A job's first answer, then the notification round's second: real time, as the shell runs on it. */
const FINISH = { timeout: 8_000 };
afterEach(() => {
  played.length = 0;
});

/** A job whose first answer is already its end. */
function finishedJob(outcome: 'success' | 'failure'): string {
  const id = randomUUID();
  suite
    .server()
    .addTask('story', id, outcome === 'success' ? step.success(7) : step.error('SOURCE_TOO_LONG'));
  return id;
}

describe('notification sounds', () => {
  it('a silent success, and a failure with the app’s chime', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    await wired.invoke('updateSettings', { soundOnSuccess: 'none', soundOnFailure: 'chime' });

    await wired.invoke('addTask', { kind: 'story', taskId: finishedJob('success') });
    await expect
      .poll(() => notifications.find((shown) => shown.title === 'Story ready')?.silent, FINISH)
      .toBe(true);
    expect(played).toEqual([]);

    await wired.invoke('addTask', { kind: 'story', taskId: finishedJob('failure') });
    await expect
      .poll(() => notifications.find((shown) => shown.title === 'Story failed')?.silent, FINISH)
      .toBe(true);
    expect(played).toHaveLength(1);
    expect(played[0]?.args.join(' ')).toMatch(/resources[/\\]sounds[/\\]chime\.wav/u);
    // By its full path, never a bare name the current folder could answer to.
    expect(played[0]?.command).toBe(process.platform === 'linux' ? PLAYER : played[0]?.command);
    expect(path.isAbsolute(played[0]?.command ?? '')).toBe(true);
  });

  it('no chime beside a notification the desktop refused: the chime follows Electron’s show', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    await wired.invoke('updateSettings', { soundOnFailure: 'chime' });
    notificationControl.failing = true;
    await wired.invoke('addTask', { kind: 'story', taskId: finishedJob('failure') });
    await expect.poll(() => notifications.some((shown) => shown.title === 'Story failed'), FINISH).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(played).toEqual([]);
  });

  it('the system’s own sound by default: not silent, no chime', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    await wired.invoke('addTask', { kind: 'story', taskId: finishedJob('success') });
    await expect
      .poll(() => notifications.find((shown) => shown.title === 'Story ready')?.silent, FINISH)
      .toBe(false);
    expect(played).toEqual([]);
  });
});

describe.skipIf(!hasDbusDaemon)('notification sounds over D-Bus (Linux, a daemon that shows buttons)', () => {
  it('the daemon is asked for silence where the user chose the chime, which plays once the daemon took the notice', async () => {
    const bus = await startPrivateSessionBus();
    const daemon = await startFakeNotificationDaemon(bus.address, ['actions', 'body', 'sound']);
    try {
      const wired = await suite.launch({
        profile: returningProfile(),
        apiKey: API_KEY,
        args: ['--hidden'],
        env: { DBUS_SESSION_BUS_ADDRESS: bus.address },
      });
      await wired.started();
      await wired.invoke('updateSettings', { soundOnSuccess: 'system', soundOnFailure: 'chime' });

      await wired.invoke('addTask', { kind: 'story', taskId: finishedJob('success') });
      const ready = await daemon.nextNotify();
      expect(ready.summary).toBe('Story ready');
      expect(ready.hints['suppress-sound']).toBeUndefined();
      expect(played).toEqual([]);

      await wired.invoke('addTask', { kind: 'story', taskId: finishedJob('failure') });
      const failed = await daemon.nextNotify();
      expect(failed.summary).toBe('Story failed');
      expect(failed.hints['suppress-sound']).toBe(true);
      await expect.poll(() => played.length, FINISH).toBe(1);
      expect(played[0]?.args.join(' ')).toMatch(/resources[/\\]sounds[/\\]chime\.wav/u);
      // Shown by the daemon alone, not a second time through Electron.
      expect(notifications.map((shown) => shown.title)).toEqual([]);
    } finally {
      await daemon.stop();
      bus.stop();
    }
  });
});

describe('Do not disturb from the tray menu', () => {
  it('holds what finishes, and turning it off shows one summary', async () => {
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    const menu = () => {
      const current = wired.tray().menu;
      if (current === null) throw new Error('The tray has no menu');
      return current;
    };
    expect(menu().labels).toEqual(
      expect.arrayContaining(['Do not disturb for 1 hour', 'Do not disturb until tomorrow']),
    );

    menu().click('Do not disturb for 1 hour');
    expect(menu().labels).toContain('Turn off Do not disturb');
    expect(menu().labels.find((label) => label.startsWith('Do not disturb until '))).toMatch(/\d\d:\d\d$/u);
    const settings = (await wired.invoke('getSettings', {})) as { value: { doNotDisturbUntil: number } };
    expect(settings.value.doNotDisturbUntil).toBeGreaterThan(Date.now() + 59 * 60_000);

    const shownBefore = notifications.length;
    const ok = finishedJob('success');
    const bad = finishedJob('failure');
    await wired.invoke('addTask', { kind: 'story', taskId: ok });
    await wired.invoke('addTask', { kind: 'story', taskId: bad });
    // The notification round closes a second after the finishes and marks both outcomes dealt with just
    // before it offers them to Do not disturb (notificationRound.ts): nothing may come out of it.
    await expect
      .poll(async () => {
        const listed = (await wired.invoke('listTasks', {})) as {
          value: { tasks: { finishedAt: number | null; notified: boolean }[] };
        };
        return listed.value.tasks.filter((task) => task.finishedAt !== null && task.notified).length;
      }, FINISH)
      .toBe(2);
    expect(notifications.slice(shownBefore).map((shown) => shown.title)).toEqual([]);

    menu().click('Turn off Do not disturb');
    await expect
      .poll(() => notifications.slice(shownBefore).map((shown) => shown.body))
      .toEqual(['2 jobs finished while Do not disturb was on: 1 succeeded, 1 failed.']);
    expect(menu().labels).toContain('Do not disturb for 1 hour');
  });

  it('until tomorrow: kept when the app starts again', async () => {
    const profile = returningProfile();
    const first = await suite.launch({ profile, apiKey: API_KEY, args: ['--hidden'] });
    await first.started();
    first.tray().menu?.click('Do not disturb until tomorrow');
    expect(first.tray().menu?.labels).toContain('Turn off Do not disturb');
    await first.quit();

    const second = await suite.launch({ profile, apiKey: API_KEY, args: ['--hidden'] });
    await second.started();
    expect(second.tray().menu?.labels).toContain('Turn off Do not disturb');
  });
});
