import { describe, expect, it } from 'vitest';
import { chimePlayers, soundPlan } from '../../../src/main/core/notifications/notificationSound';

describe('soundPlan', () => {
  it('none is silent; system is the desktop’s sound; the chime is silent with the app’s own sound', () => {
    expect(soundPlan('none')).toEqual({ silent: true, playChime: false });
    expect(soundPlan('system')).toEqual({ silent: false, playChime: false });
    expect(soundPlan('chime')).toEqual({ silent: true, playChime: true });
  });
});

describe('chimePlayers', () => {
  it('uses the player each desktop comes with', () => {
    expect(chimePlayers('darwin', '/A/chime.wav')).toEqual([{ command: 'afplay', args: ['/A/chime.wav'] }]);
    expect(chimePlayers('linux', '/a/chime.wav').map((p) => p.command)).toEqual([
      'paplay',
      'pw-play',
      'aplay',
    ]);
  });

  it('quotes the path for PowerShell, so a folder with a quote in its name cannot break out', () => {
    const [player] = chimePlayers('win32', "C:\\Users\\O'Brien\\chime.wav");
    expect(player?.command).toBe('powershell.exe');
    expect(player?.args.at(-1)).toBe(
      "(New-Object System.Media.SoundPlayer 'C:\\Users\\O''Brien\\chime.wav').PlaySync()",
    );
  });
});
