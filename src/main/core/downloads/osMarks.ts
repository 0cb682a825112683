import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';

/**
 * The marks a browser leaves on a downloaded file so the OS vets it before it runs or opens: Windows'
 * Mark-of-the-Web (the `Zone.Identifier` stream SmartScreen and Office Protected View read), macOS'
 * `com.apple.quarantine` (Gatekeeper), and on Linux the origin attributes Chromium writes
 * (`user.xdg.origin.url`, `user.xdg.referrer.url`, the freedesktop "Common Extended Attributes"). In the
 * desktop app Chromium downloads and marks the file itself; these are for files the core writes (the web
 * host, the CLI, saved texts).
 */
export type OsMark =
  | { readonly kind: 'xattr'; readonly name: string; readonly value: string }
  | { readonly kind: 'stream'; readonly stream: string; readonly content: string };

export interface FileOrigin {
  /** Where the bytes came from (the last link after redirects), or null for text the app wrote. */
  readonly url: string | null;
  /** The page that led there: the CAMB.AI API the link came from. */
  readonly referrer: string | null;
}

/**
 * A signed result link is a key to the file: what is kept on disk is the link without its query and
 * fragment (and never credentials), which names the place without letting anyone fetch it again.
 */
export function originForMarks(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** The marks for a file from `origin` on `platform`, `now` being when it was written. */
export function osMarksFor(platform: NodeJS.Platform, origin: FileOrigin, now: number): OsMark[] {
  const url = originForMarks(origin.url);
  const referrer = originForMarks(origin.referrer);
  if (platform === 'win32') {
    // Zone 3 is "Internet": https://learn.microsoft.com/openspecs/windows_protocols/ms-fscc (Zone.Identifier)
    // and what Chromium writes (components/services/quarantine/quarantine_win.cc).
    const lines = ['[ZoneTransfer]', 'ZoneId=3'];
    if (referrer !== null) lines.push(`ReferrerUrl=${referrer}`);
    if (url !== null) lines.push(`HostUrl=${url}`);
    return [{ kind: 'stream', stream: 'Zone.Identifier', content: `${lines.join('\r\n')}\r\n` }];
  }
  if (platform === 'darwin') {
    // flags;hex seconds;agent;event id. 0081: quarantined, by an app that is not a browser (no UUID event,
    // so no Launch Services history entry), as `xattr -w` writers commonly do.
    const seconds = Math.floor(now / 1000).toString(16);
    return [{ kind: 'xattr', name: 'com.apple.quarantine', value: `0081;${seconds};CAMB Watch;` }];
  }
  const marks: OsMark[] = [];
  if (url !== null) marks.push({ kind: 'xattr', name: 'user.xdg.origin.url', value: url });
  if (referrer !== null) marks.push({ kind: 'xattr', name: 'user.xdg.referrer.url', value: referrer });
  return marks;
}

/** Runs a program by its full path (never a bare name the current folder could answer). */
export type RunProgram = (program: string, args: readonly string[]) => Promise<void>;

const runProgram: RunProgram = (program, args) =>
  new Promise((resolve, reject) => {
    execFile(program, [...args], { timeout: 10_000 }, (error) =>
      error === null ? resolve() : reject(error),
    );
  });

/**
 * Node has no extended-attribute call: they are set with the system's own tools by full path
 * (`setfattr` from the attr package on Linux, `xattr` on macOS).
 */
const XATTR_TOOL: Partial<
  Record<NodeJS.Platform, (name: string, value: string, file: string) => [string, string[]]>
> = {
  linux: (name, value, file) => [
    '/usr/bin/setfattr',
    ['-n', name, '-v', `0s${Buffer.from(value).toString('base64')}`, '--', file],
  ],
  darwin: (name, value, file) => ['/usr/bin/xattr', ['-w', name, value, file]],
};

/**
 * Writes `marks` on `file`; resolves to the names of those that could not be written (a file system
 * without extended attributes, a system without the tool), for the log: a missing mark never fails the
 * download, as a browser's does not.
 */
export async function writeOsMarks(
  file: string,
  marks: readonly OsMark[],
  platform: NodeJS.Platform,
  run: RunProgram = runProgram,
): Promise<string[]> {
  const missed: string[] = [];
  for (const mark of marks) {
    try {
      if (mark.kind === 'stream') {
        await writeFile(`${file}:${mark.stream}`, mark.content, { flag: 'w' });
        continue;
      }
      const tool = XATTR_TOOL[platform];
      if (tool === undefined) throw new Error(`no extended attributes on ${platform}`);
      const [program, args] = tool(mark.name, mark.value, file);
      await run(program, args);
    } catch {
      missed.push(mark.kind === 'stream' ? mark.stream : mark.name);
    }
  }
  return missed;
}
