import { describe, expect, it } from 'vitest';
import { explainKeychainError } from '../../../src/main/core/secrets/keychainProblems';

describe('explainKeychainError', () => {
  // The messages keytar/libsecret really produce (ENVIRONMENT.md, and measured on Debian 12).
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no D-Bus session (run it inside a desktop session)'],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'no Secret Service is running (install gnome-keyring or KeePassXC)',
    ],
    [
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      'the keyring is locked (unlock it, e.g. by logging in to the desktop)',
    ],
    [
      'Cannot create an item in a locked collection',
      'the keyring is locked (unlock it, e.g. by logging in to the desktop)',
    ],
    [
      'libsecret-1.so.0: cannot open shared object file: No such file or directory',
      'libsecret is not installed (install libsecret-1-0)',
    ],
    ["Cannot find package 'keytar' imported from /app/out/cli/main.js", 'the keytar module is not installed'],
    [
      'The module keytar.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115.',
      'keytar was built for another Node.js or Electron version (reinstall it)',
    ],
  ])('explains "%s"', (raw, reason) => {
    expect(explainKeychainError(new Error(raw))).toBe(reason);
  });

  it('keeps the first line of an unknown failure, with the key masked', () => {
    const key = 'key-0123456789abcdef';
    expect(explainKeychainError(new Error(`Weird failure storing ${key}\n  at somewhere`), [key])).toBe(
      'Weird failure storing [redacted]',
    );
  });

  it('copes with non-Error throws and empty or very long messages', () => {
    expect(explainKeychainError('plain string')).toBe('plain string');
    expect(explainKeychainError(new Error(''))).toBe('the keychain failed without saying why');
    expect(explainKeychainError(new Error('x'.repeat(500)))).toBe(`${'x'.repeat(200)}…`);
  });
});
