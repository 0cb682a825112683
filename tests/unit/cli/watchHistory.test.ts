import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWatchListFile, electronAppDataDir } from '../../../src/cli/watchHistory';
import { buildDurationModel } from '../../../src/shared/durations';
import { createEstimateNotes, waitEstimateText } from '../../../src/cli/waitEstimate';

describe('camb-watch wait: where the app keeps its history', () => {
  it('finds Electron’s appData folder on each system', () => {
    expect(electronAppDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config');
    expect(electronAppDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe('/xdg');
    expect(electronAppDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/ada')).toBe(
      '/home/ada/.config',
    );
    expect(electronAppDataDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support');
    expect(
      electronAppDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada'),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming');
  });

  it('reads the installed app’s watch list, or the profile CAMB_WATCH_USER_DATA names', () => {
    expect(appWatchListFile({ CAMB_WATCH_USER_DATA: '/tmp/profile' })).toBe(
      path.join('/tmp/profile', 'watch-list.json'),
    );
    expect(appWatchListFile({})).toMatch(/CAMB Watch[/\\]watch-list\.json$/u);
  });
});

describe('camb-watch wait: the estimate notes', () => {
  const model = buildDurationModel('story', []);

  it('says the estimate and what it rests on', () => {
    expect(waitEstimateText(model, 4 * 60_000)).toMatch(
      /^running 4 min · usually .+ more \(from the usual time for stories\)$/u,
    );
  });

  it('notes at the first answer, then only when the words change and a minute has passed', () => {
    const notes: string[] = [];
    const estimates = createEstimateNotes(model, 0, (text) => notes.push(text));
    estimates.stillRunning(0);
    estimates.stillRunning(3_000);
    estimates.stillRunning(30_000);
    expect(notes).toHaveLength(1);
    estimates.stillRunning(5 * 60_000);
    expect(notes).toHaveLength(2);
    expect(notes[1]).toMatch(/^running 5 min/u);
  });
});
