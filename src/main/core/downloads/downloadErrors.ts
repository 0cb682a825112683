import { diskFaultOf, errorCodes, type DiskFaultKind } from '../diskFaults';

/**
 * Why a download failed, in a sentence a user can act on. Node's fetch (undici) wraps network trouble
 * in a TypeError("fetch failed") whose `cause` holds the code; Electron's net.fetch says `net::ERR_…`;
 * the file system says ENOSPC, EACCES…; downloadFile throws the two below.
 */

/** The file server answered, but not with the file. */
export class FileServerAnswer extends Error {
  constructor(readonly httpStatus: number) {
    super(`the file server answered HTTP ${httpStatus}`);
    this.name = 'FileServerAnswer';
  }
}

/** The connection ended before the declared size arrived. */
export class IncompleteDownload extends Error {
  constructor(
    readonly receivedBytes: number,
    readonly totalBytes: number,
  ) {
    super(`the connection ended after ${receivedBytes} of ${totalBytes} bytes`);
    this.name = 'IncompleteDownload';
  }
}

/** The server declared, or sent, more than any result file should be (an endless stream, a gzip bomb). */
export class DownloadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is over the ${maxBytes}-byte limit`);
    this.name = 'DownloadTooLarge';
  }
}

/** Nothing arrived for the stall timeout: the server holds the connection open and sends nothing. */
export class DownloadStalled extends Error {
  constructor(readonly stallMs: number) {
    super(`no bytes for ${stallMs} ms`);
    this.name = 'DownloadStalled';
  }
}

/** A redirect led somewhere the first link could not have gone; `reason` is the policy's sentence. */
export class RedirectRefused extends Error {
  constructor(readonly reason: string) {
    super(`a redirect was refused: ${reason}`);
    this.name = 'RedirectRefused';
  }
}

const EXPIRED = 'The link has expired: try again to get a fresh one.';
const DROPPED = 'The connection dropped before the file was complete: try again.';
const UNREACHABLE = 'The file server cannot be reached: check your connection and try again.';
const TOO_SLOW = 'The file server took too long to answer: try again in a while.';

/** Error codes (from the error and each of its causes: undici nests them), then the errors' names. */
function codesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { name } = current as { name?: unknown };
    if (typeof name === 'string') names.push(name);
    current = (current as { cause?: unknown }).cause;
  }
  return [...errorCodes(error), ...names];
}

/**
 * A disk fault (what the code means: diskFaults' table) said for the folder the file goes into: "your
 * Downloads folder", or the folder chosen for saving results automatically. A read-only disk and a folder
 * without permission read alike here: either way, the fix is another folder or its rights.
 */
function diskFaultSentence(kind: DiskFaultKind, folder: string): string {
  switch (kind) {
    case 'full':
      return 'The disk is full: free some space and try again.';
    case 'read-only':
    case 'not-allowed':
      return `CAMB Watch may not write into ${folder}: check its permissions and try again.`;
    case 'folder-missing':
      return `${capitalised(folder)} is missing: create it (or plug in its drive) and try again.`;
    case 'name-too-long':
      return `${capitalised(folder)} is nested too deep for this file’s name: choose a shorter folder and try again.`;
    case 'too-many-open-files':
      return 'Too many files are open to save the download: close some programs or windows and try again.';
    case 'taken-over':
      return 'Another CAMB Watch program took over its folder: quit one of them and try again.';
  }
}

function capitalised(words: string): string {
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** The folder a manual download goes into, in words. */
export const DOWNLOADS_FOLDER_IN_WORDS = 'your Downloads folder';

function describeHttpStatus(status: number): string {
  if (status === 401 || status === 403 || status === 404 || status === 410) return EXPIRED;
  if (status === 429) return 'The file server asked us to slow down: try again in a minute.';
  if (status >= 500) return 'The file server had a problem: try again in a while.';
  return 'The file server refused the download: try again to get a fresh link.';
}

/** Faults of the network and the file server; the disk's are diskFaults'. */
const BY_CODE: readonly (readonly [RegExp, string])[] = [
  [/^ENOTFOUND$|^EAI_AGAIN$|^ERR_NAME_NOT_RESOLVED$|^ERR_INTERNET_DISCONNECTED$/u, UNREACHABLE],
  [
    /^ECONNREFUSED$|^EHOSTUNREACH$|^ENETUNREACH$|^ERR_CONNECTION_REFUSED$|^ERR_ADDRESS_UNREACHABLE$/u,
    UNREACHABLE,
  ],
  [
    /^ETIMEDOUT$|^TimeoutError$|^UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT$|^ERR_(CONNECTION_)?TIMED_OUT$/u,
    TOO_SLOW,
  ],
  [
    /^ECONNRESET$|^EPIPE$|^ECONNABORTED$|^UND_ERR_SOCKET$|^ERR_CONNECTION_(RESET|CLOSED|ABORTED)$|^ERR_CONTENT_LENGTH_MISMATCH$/u,
    DROPPED,
  ],
  [
    /^ERR_CERT_|^CERT_|^UNABLE_TO_VERIFY_LEAF_SIGNATURE$|^DEPTH_ZERO_SELF_SIGNED_CERT$/u,
    'The file server’s certificate is not valid, so the download was stopped.',
  ],
];

function formatGiB(bytes: number): string {
  const gib = bytes / 2 ** 30;
  return gib >= 1 ? `${Math.round(gib * 10) / 10} GiB` : `${Math.max(1, Math.round(bytes / 2 ** 20))} MiB`;
}

/** One sentence for the user; the raw error goes to the log only. */
export function describeDownloadError(
  error: unknown,
  cancelled: boolean,
  folder: string = DOWNLOADS_FOLDER_IN_WORDS,
): string {
  if (cancelled) return 'The download was cancelled.';
  if (error instanceof FileServerAnswer) return describeHttpStatus(error.httpStatus);
  if (error instanceof IncompleteDownload) return DROPPED;
  if (error instanceof DownloadTooLarge)
    return `The file server sent more than ${formatGiB(error.maxBytes)}, far more than a result should be, so the download was stopped.`;
  if (error instanceof DownloadStalled)
    return 'The file server stopped sending the file, so the download was stopped: try again in a while.';
  if (error instanceof RedirectRefused)
    return `The file server passed the download on to a link CAMB Watch refuses. ${error.reason} Try again later, or tell CAMB.AI support.`;
  const fault = diskFaultOf(error);
  if (fault !== null) return diskFaultSentence(fault.kind, folder);
  if (codesOf(error).includes('NoFreeName'))
    return `There are already 999 files of this name in ${folder}: move some away and try again.`;
  for (const code of codesOf(error)) {
    const match = BY_CODE.find(([pattern]) => pattern.test(code));
    if (match !== undefined) return match[1];
  }
  return 'Something went wrong while downloading: try again.';
}
