import { describe, expect, it } from 'vitest';
import { trayMenuEntries, type TrayMenuEntry } from '../../../src/main/core/tray/trayMenu';
import { trayModel } from '../../../src/main/core/tray/trayModel';

const ONLINE = { connectivity: 'online', authProblem: false, paused: false } as const;
const NOW = new Date(2026, 2, 10, 14, 30).getTime();
const labels = (entries: readonly TrayMenuEntry[]) =>
  entries.flatMap((entry) => (entry.type === 'separator' ? [] : [entry.label]));

describe('the tray menu: Do not disturb', () => {
  const model = trayModel([], ONLINE, NOW);

  it('offers an hour or until tomorrow while off, after the polling entry and before Quit', () => {
    const entries = trayMenuEntries(model, false, null, { until: null, now: NOW });
    expect(labels(entries)).toEqual([
      'Open CAMB Watch',
      'Add task from clipboard',
      'Check all now',
      'Pause polling',
      'Do not disturb for 1 hour',
      'Do not disturb until tomorrow',
      'Quit',
    ]);
    expect(entries.find((e) => e.type === 'action' && e.label === 'Do not disturb for 1 hour')).toMatchObject(
      {
        action: 'doNotDisturbHour',
      },
    );
  });

  it('while on, says until when and offers to turn it off', () => {
    const until = new Date(2026, 2, 11, 8).getTime();
    const entries = trayMenuEntries(model, false, null, { until, now: NOW });
    expect(entries).toContainEqual({ type: 'note', label: 'Do not disturb until Wed 08:00' });
    expect(entries).toContainEqual({
      type: 'action',
      action: 'doNotDisturbOff',
      label: 'Turn off Do not disturb',
    });
    expect(labels(entries)).not.toContain('Do not disturb for 1 hour');
  });

  it('an end time already past reads as off', () => {
    expect(labels(trayMenuEntries(model, false, null, { until: NOW - 1, now: NOW }))).toContain(
      'Do not disturb for 1 hour',
    );
  });

  it('leaves the menu as it was for callers that do not show it', () => {
    expect(labels(trayMenuEntries(model, false))).not.toContain('Do not disturb for 1 hour');
  });
});
