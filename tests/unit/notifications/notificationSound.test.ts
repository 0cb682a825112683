import { describe, expect, it } from 'vitest';
import { chimePlayers, soundPlan } from '../../../src/main/core/notifications/notificationSound';

describe('soundPlan', () => {
  it('none is silent; system is the desktop’s sound; the chime is silent with the app’s own sound', () => {
    expect(soundPlan('none')).toEqual({ silent: true, playChime: false });
    expect(soundPlan('system')).toEqual({ silent: false, playChime: false });
    expect(soundPlan('chime')).toEqual({ silent: true, playChime: true });
  });
});

/** A machine whose executable files are `files`, with this PATH and current folder. */
function machine(
  files: readonly string[],
  env: Record<string, string | undefined> = {},
  cwd = '/home/ana/Downloads',
) {
  return { env, cwd, isExecutable: (file: string) => files.includes(file) };
}

describe('chimePlayers', () => {
  it('on macOS runs afplay from /usr/bin, whatever the current folder holds', () => {
    expect(chimePlayers('darwin', '/A/chime.wav', machine(['/home/ana/Downloads/afplay']))).toEqual([
      { command: '/usr/bin/afplay', args: ['/A/chime.wav'] },
    ]);
  });

  it('on Windows runs PowerShell from the Windows folder, never by bare name from the current folder', () => {
    const command = (env: Record<string, string | undefined>) =>
      chimePlayers('win32', 'C:\\App\\chime.wav', machine([], env, 'C:\\Users\\ana\\Downloads'))[0]?.command;
    expect(command({ SystemRoot: 'D:\\Windows' })).toBe(
      'D:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(command({ windir: 'C:\\WINDOWS' })).toBe(
      'C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    // Not said, or said as something that is not a drive and folder: where Windows is installed by default.
    const fallback = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
    expect(command({})).toBe(fallback);
    expect(command({ SystemRoot: '.\\planted' })).toBe(fallback);
    expect(command({ SystemRoot: '\\\\evil-share\\Windows' })).toBe(fallback);
    expect(command({ SystemRoot: '\\Windows' })).toBe(fallback);
  });

  it('on Linux finds each player once in PATH’s full folders or the system’s, never in the current folder', () => {
    const planted = [
      '/home/ana/Downloads/paplay',
      '/home/ana/Downloads/bin/paplay',
      '/home/ana/Downloads/aplay',
    ];
    const installed = ['/opt/pipewire/bin/pw-play', '/usr/bin/aplay'];
    const env = { PATH: '.::bin:/home/ana/Downloads:/opt/pipewire/bin:/usr/local/bin' };
    expect(chimePlayers('linux', '/a/chime.wav', machine([...planted, ...installed], env))).toEqual([
      { command: '/opt/pipewire/bin/pw-play', args: ['/a/chime.wav'] },
      { command: '/usr/bin/aplay', args: ['-q', '/a/chime.wav'] },
    ]);
  });

  it('on Linux tries paplay, pw-play, then aplay, and leaves out what is not installed', () => {
    const all = ['/usr/bin/paplay', '/usr/bin/pw-play', '/bin/aplay'];
    expect(
      chimePlayers('linux', '/a/c.wav', machine(all, { PATH: '/usr/bin' })).map((p) => p.command),
    ).toEqual(all);
    expect(chimePlayers('linux', '/a/c.wav', machine([], {}))).toEqual([]);
  });

  it('quotes the path for PowerShell, so a folder with a quote in its name cannot break out', () => {
    const [player] = chimePlayers('win32', "C:\\Users\\O'Brien\\chime.wav", machine([]));
    expect(player?.args.at(-1)).toBe(
      "(New-Object System.Media.SoundPlayer 'C:\\Users\\O''Brien\\chime.wav').PlaySync()",
    );
  });
});
