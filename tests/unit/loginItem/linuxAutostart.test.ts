import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyLinuxAutostart,
  autostartEntry,
  quoteExecArgument,
} from '../../../src/main/core/loginItem/linuxAutostart';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function tempConfigHome(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-autostart-'));
  folders.push(folder);
  return folder;
}

const ENTRY = {
  name: 'CAMB Watch',
  comment: 'Watches CAMB.AI jobs',
  executable: '/opt/CAMB Watch/camb-watch',
};

describe('Linux launch at login (XDG autostart)', () => {
  it('quotes an Exec argument only when it must, escaping what the specification names', () => {
    expect(quoteExecArgument('/usr/bin/camb-watch')).toBe('/usr/bin/camb-watch');
    expect(quoteExecArgument('/opt/CAMB Watch/camb-watch')).toBe('"/opt/CAMB Watch/camb-watch"');
    expect(quoteExecArgument('/home/a"b/$HOME/`x`\\y')).toBe('"/home/a\\"b/\\$HOME/\\`x\\`\\\\y"');
  });

  it('writes one entry that starts the app, without a way to inject other keys', () => {
    const entry = autostartEntry({ ...ENTRY, executable: '/tmp/evil\nExec=rm -rf ~/%f' });
    expect(entry.split('\n').filter((line) => line.startsWith('Exec='))).toEqual([
      'Exec="/tmp/evil Exec=rm -rf ~/%%f"',
    ]);
    expect(autostartEntry(ENTRY)).toContain('Exec="/opt/CAMB Watch/camb-watch"\n');
  });

  it('passes the arguments after the program, each quoted as needed', () => {
    expect(autostartEntry({ ...ENTRY, arguments: ['--hidden'] })).toContain(
      'Exec="/opt/CAMB Watch/camb-watch" --hidden\n',
    );
  });

  it('adds the entry when enabled and removes it when disabled', async () => {
    const configHome = tempConfigHome();
    const file = await applyLinuxAutostart(true, { ...ENTRY, configHome });
    // Named as the app's desktop file (its id), as the portals' background/autostart entries are.
    expect(file).toBe(path.join(configHome, 'autostart', 'ai.cambwatch.app.desktop'));
    expect(fs.readFileSync(file, 'utf8')).toBe(autostartEntry(ENTRY));
    await applyLinuxAutostart(false, { ...ENTRY, configHome });
    expect(fs.existsSync(file)).toBe(false);
    // Disabling twice, or before it was ever enabled, is not an error.
    await applyLinuxAutostart(false, { ...ENTRY, configHome });
  });
});
