import { clipLine } from '../../../shared/format/clipText';
import { splitKindPrefix } from '../../../shared/taskKindPrefix';
import { DEFAULT_TASK_KIND, isTaskKind, TASK_KINDS, type TaskKind } from '../../../shared/taskKinds';
import { TASK_ID_MAX_LENGTH } from '../taskId';
import { LABEL_LIMIT, parseTaskKey } from '../../../shared/watchedTask';

/** The URL scheme the app registers with the OS: `camb-watch://watch/<kind>/<task-id>?label=…`. */
export const WATCH_LINK_SCHEME = 'camb-watch';

/** A task someone asked the app to watch from outside it: a link, a command line, the clipboard. */
export interface WatchRequest {
  readonly kind: TaskKind;
  /** As given: the core's parser validates it when the task is added. */
  readonly taskId: string;
  readonly label: string | null;
}

export type WatchRequestParse =
  { readonly ok: true; readonly request: WatchRequest } | { readonly ok: false; readonly problem: string };

/** What the app was started (or re-started, as a second instance) with. */
export interface LaunchArguments {
  readonly requests: readonly WatchRequest[];
  /** One sentence per argument that could not be understood. */
  readonly problems: readonly string[];
  /** `--show`: open the window at start instead of only the tray icon. */
  readonly show: boolean;
  /** `--hidden`: started by the login item or autostart entry, so only the tray icon appears. */
  readonly hidden: boolean;
}

/** What the login item and the Linux autostart entry add to the command line: the user did not ask to see the app. */
export const STARTED_AT_LOGIN_ARGUMENT = '--hidden';

/** A link or a command line is one person's request; hundreds of tasks from one are a mistake or an attack. */
export const MAX_WATCH_REQUESTS = 50;

function cleanLabel(raw: string | null): string | null {
  if (raw === null) return null;
  const label = clipLine(raw, LABEL_LIMIT);
  return label === '' ? null : label;
}

function checkTaskId(kind: TaskKind, taskId: string, label: string | null): WatchRequestParse {
  const trimmed = taskId.trim();
  if (trimmed === '') return { ok: false, problem: 'The task id is missing.' };
  // Only the length here (the schema's cap, so a link is never accepted and then refused for it): the
  // core's parser checks the rest when the task is added, with its own words.
  if (trimmed.length > TASK_ID_MAX_LENGTH)
    return {
      ok: false,
      problem: `The task id is too long (task ids are at most ${TASK_ID_MAX_LENGTH} characters).`,
    };
  return { ok: true, request: { kind, taskId: trimmed, label } };
}

function unknownKind(kind: string): WatchRequestParse {
  return {
    ok: false,
    problem: `"${kind.slice(0, 40)}" is not a job kind CAMB Watch knows (${TASK_KINDS.join(', ')}).`,
  };
}

/** `kind:task-id`, as given to `--watch`. */
export function parseWatchArgument(value: string): WatchRequestParse {
  const parsed = parseTaskKey(value.trim());
  if (parsed !== null) return checkTaskId(parsed.kind, parsed.taskId, null);
  // Not `<known kind>:<id>`: say which part is wrong.
  const colon = value.indexOf(':');
  if (colon <= 0) return { ok: false, problem: `--watch needs <kind>:<task id>, for example story:1234.` };
  const kind = value.slice(0, colon).trim();
  return isTaskKind(kind) ? checkTaskId(kind, '', null) : unknownKind(kind);
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** `camb-watch://watch/<kind>/<task-id>?label=…`, as the OS hands it over from a browser or another app. */
export function parseWatchLink(link: string): WatchRequestParse {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return { ok: false, problem: 'That is not a CAMB Watch link.' };
  }
  if (url.protocol !== `${WATCH_LINK_SCHEME}:` || url.host !== 'watch') {
    return {
      ok: false,
      problem: `A CAMB Watch link looks like ${WATCH_LINK_SCHEME}://watch/<kind>/<task id>.`,
    };
  }
  const parts = url.pathname.split('/').filter((part) => part !== '');
  if (parts.length !== 2) {
    return {
      ok: false,
      problem: `A CAMB Watch link looks like ${WATCH_LINK_SCHEME}://watch/<kind>/<task id>.`,
    };
  }
  const [rawKind = '', rawId = ''] = parts.map((part) => decode(part) ?? '');
  if (!isTaskKind(rawKind)) return unknownKind(rawKind);
  return checkTaskId(rawKind, rawId, cleanLabel(url.searchParams.get('label')));
}

/**
 * The tasks named on a command line: `--watch kind:id` (repeatable, also `--watch=kind:id`) and deep
 * links, which Windows and Linux pass as a plain argument. Everything else (Electron's and Chromium's own
 * switches, the app path) is ignored.
 */
export function parseLaunchArguments(argv: readonly string[]): LaunchArguments {
  const requests: WatchRequest[] = [];
  const problems: string[] = [];
  let show = false;
  let hidden = false;
  let capped = false;
  const take = (parsed: WatchRequestParse) => {
    if (!parsed.ok) problems.push(parsed.problem);
    else if (requests.length < MAX_WATCH_REQUESTS) requests.push(parsed.request);
    else if (!capped) {
      capped = true;
      problems.push(`Only the first ${MAX_WATCH_REQUESTS} tasks were taken from one command.`);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--show') show = true;
    else if (arg === STARTED_AT_LOGIN_ARGUMENT) hidden = true;
    else if (arg === '--watch') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) problems.push('--watch needs <kind>:<task id>.');
      else {
        take(parseWatchArgument(value));
        i++;
      }
    } else if (arg.startsWith('--watch=')) take(parseWatchArgument(arg.slice('--watch='.length)));
    else if (arg.toLowerCase().startsWith(`${WATCH_LINK_SCHEME}:`)) take(parseWatchLink(arg));
  }
  return { requests, problems, show, hidden };
}

/**
 * What "Add task from clipboard" makes of the clipboard: `kind:id` when it starts with a known kind,
 * otherwise a story id or the JSON a create call returns (the core's parser reads both).
 */
export function parseClipboardTask(text: string): WatchRequest | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const prefixed = splitKindPrefix(trimmed);
  if (prefixed !== null) return { kind: prefixed.kind, taskId: prefixed.rest, label: null };
  return { kind: DEFAULT_TASK_KIND, taskId: trimmed, label: null };
}
