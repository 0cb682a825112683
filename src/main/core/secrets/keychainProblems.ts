import { clipText } from '../../../shared/format/clipText';
import { createRedactor } from '../logging';

/** Known failures of keytar / libsecret / D-Bus (plain Errors: only the message tells them apart). */
const KNOWN_REASONS: readonly { readonly pattern: RegExp; readonly reason: string }[] = [
  {
    pattern:
      /Cannot autolaunch D-Bus|Unable to autolaunch a dbus-daemon|DBUS_SESSION_BUS_ADDRESS|machine-id/i,
    reason: 'no D-Bus session (run it inside a desktop session)',
  },
  {
    pattern: /Could not connect: |Failed to connect to socket|Connection refused/i,
    reason: 'the D-Bus session cannot be reached',
  },
  {
    pattern: /org\.freedesktop\.secrets was not provided|ServiceUnknown/i,
    reason: 'no Secret Service is running (install gnome-keyring or KeePassXC)',
  },
  {
    pattern: /Object does not exist at path .*\/collection\/login|locked collection|is locked/i,
    reason: 'the keyring is locked (unlock it, e.g. by logging in to the desktop)',
  },
  { pattern: /Timeout was reached|NoReply/i, reason: 'the Secret Service did not answer' },
  {
    pattern: /libsecret-1\.so/i,
    reason: 'libsecret is not installed (install libsecret-1-0)',
  },
  {
    pattern: /NODE_MODULE_VERSION|compiled against a different Node\.js|invalid ELF|wrong ELF class/i,
    reason: 'keytar was built for another Node.js or Electron version (reinstall it)',
  },
  {
    pattern: /Cannot find (module|package) ['"]?keytar|keytar\.node/i,
    reason: 'the keytar module is not installed',
  },
];

const MAX_RAW_REASON_LENGTH = 200;

/**
 * A short reason for a keychain failure, in words a user can act on. Unknown failures keep their own first
 * line, with `secrets` (the key being stored, if any) masked out.
 */
export function explainKeychainError(error: unknown, secrets: readonly string[] = []): string {
  const raw = error instanceof Error ? error.message : String(error);
  const known = KNOWN_REASONS.find(({ pattern }) => pattern.test(raw));
  if (known) return known.reason;
  const firstLine =
    createRedactor(() => secrets)
      .redact(raw)
      .split('\n')[0]
      ?.trim() ?? '';
  if (firstLine === '') return 'the keychain failed without saying why';
  // The reason's first MAX_RAW_REASON_LENGTH characters stay whole, then the mark of the cut.
  return clipText(firstLine, MAX_RAW_REASON_LENGTH + 1);
}
