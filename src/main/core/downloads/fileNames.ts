/**
 * What a result file holds, from the API field its link came in: it decides which extensions the saved
 * file may carry. A name from a link is the server's to choose, so the extension is checked against what
 * the field can hold, never trusted: a "dubbed video" is never saved as `setup.exe` or `Invoice.lnk`.
 */
export type FileKind = 'video' | 'audio' | 'text' | 'unknown';

/** Whose file-name rules apply: 255 UTF-8 bytes on Linux and macOS, 255 UTF-16 units on Windows. */
export type NameRules = 'posix' | 'windows';

const VIDEO = ['mp4', 'm4v', 'mov', 'webm', 'mkv'];
const AUDIO = ['wav', 'mp3', 'flac', 'aac', 'm4a', 'ogg', 'oga', 'opus', 'webm'];
const TEXT = ['txt', 'srt', 'vtt', 'json'];

const ALLOWED: Readonly<Record<FileKind, readonly string[]>> = {
  video: VIDEO,
  audio: AUDIO,
  text: TEXT,
  unknown: [...VIDEO, ...AUDIO, ...TEXT],
};

/** The extension a file gets when its own name carries none that fits (`.bin` opens in nothing). */
const DEFAULT_EXTENSION: Readonly<Record<FileKind, string>> = {
  video: 'mp4',
  audio: 'wav',
  text: 'txt',
  unknown: 'bin',
};

/**
 * Extensions a desktop runs, opens with a script host or mounts when double-clicked: Windows (PE, shell
 * links, script hosts, installers, Office-free HTML apps), macOS (bundles, disk images, packages, Terminal
 * scripts) and Linux (desktop entries, shell scripts, AppImages, packages). A name ending in one of these
 * loses it (the kind's own extension takes its place) rather than keep it in the middle, where it could
 * read as the real type. A media or text type of another field is kept ("launch.wav" from a video field);
 * anything else that does not fit the kind stays part of the stem ("clip.v2.mp4").
 */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows: programs, libraries, installers, links and their script hosts.
  ...['exe', 'com', 'scr', 'pif', 'cpl', 'dll', 'sys', 'drv', 'ocx', 'msi', 'msp', 'mst', 'msc', 'msix'],
  ...['appx', 'appxbundle', 'msixbundle', 'appref-ms', 'application', 'gadget', 'lnk', 'url', 'website'],
  ...['scf', 'shb', 'shs', 'inf', 'reg', 'hta', 'htm', 'html', 'xhtml', 'mht', 'mhtml', 'svg', 'chm'],
  ...['bat', 'cmd', 'ps1', 'psm1', 'psd1', 'ps1xml', 'vb', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'ws', 'wsf'],
  ...['wsc', 'wsh', 'jar', 'jnlp', 'iso', 'img', 'vhd', 'vhdx', 'library-ms', 'settingcontent-ms', 'xll'],
  ...['docm', 'xlsm', 'pptm', 'one', 'search-ms'],
  // macOS: bundles, installers, disk images, Terminal and AppleScript.
  ...['app', 'dmg', 'pkg', 'mpkg', 'command', 'tool', 'terminal', 'workflow', 'scpt', 'applescript'],
  ...['webloc', 'inetloc', 'fileloc', 'kext', 'prefpane', 'saver', 'action'],
  // Linux and Unix: desktop entries, scripts, packages.
  ...['desktop', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'fish', 'run', 'bin', 'appimage', 'deb', 'rpm'],
  ...['snap', 'flatpakref', 'py', 'pyw', 'pl', 'rb', 'php', 'elf', 'out'],
]);

/**
 * Code points that show nothing, or turn text around, so a name can look like what it is not:
 * `report.pdf` + 40 × U+3164 + `.exe` reads as a PDF. Default_Ignorable_Code_Point covers the Hangul
 * fillers (U+115F, U+1160, U+3164, U+FFA0), zero-width characters, bidi controls and variation selectors;
 * Cc/Cf/Cs add controls, formats and lone surrogates; Zl/Zp line breaks; U+2800 is a blank Braille cell.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u2800]/gu;
/** Any kind of space (tab, no-break, em, ideographic…) becomes one plain space, before controls go. */
const SPACES = /[\t\n\v\f\r\p{Zs}]+/gu;
/**
 * What Windows refuses in a name, and the path separators of every system. (sanitize-filename does this
 * and the device names, but it wipes "NUL.mp3" whole and always cuts at 255 UTF-8 bytes, which splits
 * names Windows would keep whole: the few rules it has are written here instead.)
 */
const FORBIDDEN = /[/\\?<>:*|"]/gu;

/**
 * Names Windows keeps for devices, with or without an extension (`NUL.mp3` opens the null device); the
 * superscript digits count too. They get an underscore ("CON_.mp3") wherever the file is written, so a
 * folder copied to Windows later still works.
 */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/iu;

/** The longest name a folder takes: 255 bytes (Linux, macOS) or UTF-16 units (Windows). */
const NAME_LIMIT = 255;
/** Room kept for " (999)" (a second copy) and ".download" (the partial file), so neither goes over. */
const SUFFIX_ROOM = ' (999)'.length + '.download'.length;

export function nameRulesOf(platform: NodeJS.Platform): NameRules {
  return platform === 'win32' ? 'windows' : 'posix';
}

function nameLength(name: string, rules: NameRules): number {
  return rules === 'windows' ? name.length : Buffer.byteLength(name, 'utf8');
}

/** Which extensions a result field's file may have: the link names of CAMB-API.md. */
export function fileKindOfLink(linkName: string): FileKind {
  if (/^previews\[\d+\]$/u.test(linkName)) return 'audio';
  if (linkName === 'output_video_url' || linkName === 'video_url') return 'video';
  if (/^(output_audio|audio|dialogue|file|foreground_audio|background_audio)_url$/u.test(linkName))
    return 'audio';
  return 'unknown';
}

/** Visible characters only, spaces made plain and single, no leading or trailing dots or spaces. */
function visibleText(name: string): string {
  return name
    .normalize('NFC')
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(/^[.\s]+/u, '')
    .replace(/[.\s]+$/u, '');
}

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension: name.slice(dot + 1).toLowerCase() };
}

function trimEnd(stem: string): string {
  return stem.replace(/[.\s]+$/u, '');
}

function withoutDeviceName(stem: string): string {
  const dot = stem.indexOf('.');
  const first = dot === -1 ? stem : stem.slice(0, dot);
  if (!WINDOWS_DEVICE.test(first.trim())) return stem;
  return `${first.trim()}_${dot === -1 ? '' : stem.slice(dot)}`;
}

/** `stem` cut, whole code points at a time, until it and `extension` fit with room for the suffixes. */
function fitted(stem: string, extension: string, rules: NameRules): string {
  const budget = NAME_LIMIT - SUFFIX_ROOM - nameLength(`.${extension}`, rules);
  const points = [...stem];
  while (points.length > 0 && nameLength(points.join(''), rules) > budget) points.pop();
  return trimEnd(points.join(''));
}

export interface SafeNameOptions {
  readonly kind: FileKind;
  /** Used when nothing usable is left of the name (it is made safe the same way). */
  readonly fallback: string;
  readonly rules: NameRules;
}

/**
 * `name` made safe to create in the Downloads folder on any system: visible characters only, no path,
 * no hidden file, no device name, no trailing dot or space, an extension that fits `kind` (never an
 * executable one), and short enough that " (999)" and ".download" still fit.
 */
export function safeFileName(name: string, options: SafeNameOptions): string {
  const { stem: rawStem, extension: rawExtension } = splitExtension(visibleText(name));
  // A media or text type of another field ("launch.wav" as a dubbed video) is still what the server
  // says the bytes are, and none of them runs: kept, so the file opens in the right program.
  const fits = ALLOWED[options.kind].includes(rawExtension) || ALLOWED.unknown.includes(rawExtension);
  const extension = fits ? rawExtension : DEFAULT_EXTENSION[options.kind];
  let stem = rawStem;
  if (!fits && rawExtension !== '' && !EXECUTABLE_EXTENSIONS.has(rawExtension))
    stem = `${rawStem}.${rawExtension}`;
  stem = fitted(withoutDeviceName(trimEnd(stem.replace(FORBIDDEN, '_'))), extension, options.rules);
  if (stem === '') {
    if (name === options.fallback) return `camb-result.${extension}`;
    return safeFileName(options.fallback, { ...options, fallback: options.fallback });
  }
  return `${stem}.${extension}`;
}

/**
 * A file name for a downloaded result: the last segment of its URL when that is a usable name, else
 * `fallback`, made safe as safeFileName does.
 */
export function fileNameForUrl(url: string, options: SafeNameOptions): string {
  let segment: string;
  try {
    segment = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    segment = '';
  }
  return safeFileName(segment === '' ? options.fallback : segment, options);
}

/** "name.ext", then "name (2).ext", "name (3).ext"… up to " (999)", the room safeFileName keeps. */
export function* candidateNames(name: string): Generator<string> {
  const { stem, extension } = splitExtension(name);
  const dotted = extension === '' ? '' : `.${name.slice(stem.length + 1)}`;
  yield name;
  for (let copy = 2; copy <= 999; copy += 1) yield `${stem} (${copy})${dotted}`;
}
