/**
 * Faults the fake CAMB server can answer with instead of a task's timeline: every failure of CAMB-API.md.
 * A fault is plain data; build one with `faults.*` and hand a list to `injectFaults` / `injectGlobalFaults`.
 */
import { gzipSync } from 'node:zlib';

/** Never answer: the socket stays open until the client gives up or the server closes. */
export interface HangFault {
  readonly type: 'hang';
}

/** Destroy the connection (TCP reset) without any answer. */
export interface ResetFault {
  readonly type: 'reset';
}

/** Any HTTP answer other than the timeline's. */
export interface CannedAnswer {
  readonly type: 'answer';
  /** Short name for the request log, e.g. "502 html" or "429 retry-after 30". */
  readonly name: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A 200 whose JSON body is padded to `bytes`, streamed so the server never holds it whole. */
export interface OversizedFault {
  readonly type: 'oversized';
  readonly bytes: number;
}

/**
 * A 200 with `headers`, whose `body` is sent at once; then the answer ends, hangs with the socket open
 * (a stalled or trickling server), or goes on sending 64 KiB pieces for ever (an endless stream).
 */
export interface StreamFault {
  readonly type: 'stream';
  readonly name: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly then: 'end' | 'hang' | 'endless';
}

export type Fault = HangFault | ResetFault | CannedAnswer | OversizedFault | StreamFault;

export interface ValidationDetailBody {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
}

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';

function json(
  name: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): CannedAnswer {
  return {
    type: 'answer',
    name,
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: JSON.stringify(body),
  };
}

const REASON: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** What nginx in front of an API sends when the API behind it is down. */
export function proxyErrorPage(status: number): string {
  const title = `${status} ${REASON[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

export const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><title>CAMB.AI | Scheduled maintenance</title></head>' +
  '<body><h1>We will be back soon</h1><p>CAMB.AI is down for maintenance.</p></body></html>';

export const faults = {
  hang: (): HangFault => ({ type: 'hang' }),

  reset: (): ResetFault => ({ type: 'reset' }),

  /** A status answer padded with blanks to `bytes`: valid JSON, but far larger than any answer should be. */
  oversized: (bytes: number): OversizedFault => ({ type: 'oversized', bytes }),

  /** 5xx; `html: true` sends a proxy's error page, a string sends that HTML, otherwise plain text. */
  serverError(status: 500 | 502 | 503 | 504 = 500, options: { html?: boolean | string } = {}): CannedAnswer {
    const html = options.html === true ? proxyErrorPage(status) : options.html;
    if (html === undefined || html === false) {
      return {
        type: 'answer',
        name: `${status} text`,
        status,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: REASON[status] ?? 'Server Error',
      };
    }
    return {
      type: 'answer',
      name: `${status} html`,
      status,
      headers: { 'content-type': HTML_TYPE },
      body: html,
    };
  },

  /** 429; Retry-After as seconds (number), an HTTP date (Date), verbatim (string), or absent. */
  rateLimited(retryAfter?: number | Date | string): CannedAnswer {
    const header =
      retryAfter === undefined
        ? undefined
        : retryAfter instanceof Date
          ? retryAfter.toUTCString()
          : String(retryAfter);
    return json(
      header === undefined ? '429' : `429 retry-after ${header}`,
      429,
      { detail: 'Too many requests' },
      header === undefined ? {} : { 'retry-after': header },
    );
  },

  unauthorized: (error = 'Invalid API key'): CannedAnswer => json('401', 401, { error, status: 401 }),

  forbidden: (error = 'You do not have permission to access this resource'): CannedAnswer =>
    json('403', 403, { error, status: 403 }),

  notFound: (detail = 'Task not found'): CannedAnswer => json('404', 404, { detail }),

  validationError: (
    detail: readonly ValidationDetailBody[] = [
      { loc: ['path', 'task_id'], msg: 'value is not a valid uuid', type: 'type_error.uuid' },
    ],
  ): CannedAnswer => json('422', 422, { detail }),

  /** A 200 cut off in the middle of its JSON. */
  malformedJson: (): CannedAnswer => ({
    type: 'answer',
    name: '200 malformed json',
    status: 200,
    headers: { 'content-type': JSON_TYPE },
    body: '{"status": "PENDING", "run_id": ',
  }),

  /** A 200 carrying an HTML page, as a captive portal or maintenance proxy sends. */
  html200: (html = MAINTENANCE_PAGE): CannedAnswer => ({
    type: 'answer',
    name: '200 html',
    status: 200,
    headers: { 'content-type': HTML_TYPE },
    body: html,
  }),

  /** A 200 with valid JSON of the wrong shape. */
  unexpectedJson: (body: unknown = { ok: true, data: [] }): CannedAnswer =>
    json('200 unexpected json', 200, body),

  /** A 200 status report with a status CAMB.AI does not document (the seed's example tests for FAILED). */
  unknownStatus: (status = 'FAILED'): CannedAnswer =>
    json(`200 status ${status}`, 200, { status, run_id: null }),

  /**
   * A status report whose run_id is the JSON text `runIdJson` as written, e.g. `"\"99999999999999999999\""`
   * (a string) or `99999999999999999999` (a number beyond what JavaScript holds exactly).
   */
  runIdAs: (runIdJson: string, status = 'SUCCESS'): CannedAnswer => ({
    type: 'answer',
    name: `200 run_id ${runIdJson}`,
    status: 200,
    headers: { 'content-type': JSON_TYPE },
    body: `{"status":${JSON.stringify(status)},"run_id":${runIdJson}}`,
  }),

  /** A status report whose `message` is `levels` nested lists: valid JSON that recursive readers choke on. */
  deeplyNested: (levels: number, status = 'PENDING'): CannedAnswer => ({
    type: 'answer',
    name: `200 nested ${levels} levels`,
    status: 200,
    headers: { 'content-type': JSON_TYPE },
    body: `{"status":${JSON.stringify(status)},"run_id":null,"message":${'['.repeat(levels)}${']'.repeat(levels)}}`,
  }),

  /** A status report whose message is `text` (e.g. far too long, or full of control characters). */
  statusMessage: (text: string, status = 'PENDING'): CannedAnswer =>
    json(`200 message of ${text.length} characters`, 200, { status, run_id: null, message: text }),

  /** A file that unpacks from a few kB of gzip to `decodedBytes` of zeros (a decompression bomb). */
  gzipBomb: (decodedBytes: number): StreamFault => ({
    type: 'stream',
    name: `gzip bomb of ${decodedBytes} bytes`,
    headers: { 'content-type': 'video/mp4', 'content-encoding': 'gzip' },
    body: gzipSync(Buffer.alloc(decodedBytes), { level: 9 }),
    then: 'end',
  }),

  /** A file that declares `declaredBytes`, sends `sentBytes` of them and then nothing, socket open. */
  stalledFile: (declaredBytes: number, sentBytes: number): StreamFault => ({
    type: 'stream',
    name: `stalled after ${sentBytes} of ${declaredBytes} bytes`,
    headers: { 'content-type': 'video/mp4', 'content-length': String(declaredBytes) },
    body: Buffer.alloc(sentBytes, 7),
    then: 'hang',
  }),

  /** A file with no declared length that never ends. */
  endlessFile: (): StreamFault => ({
    type: 'stream',
    name: 'endless file',
    headers: { 'content-type': 'audio/wav' },
    body: Buffer.alloc(0),
    then: 'endless',
  }),

  /** A redirect to `location` (absolute or relative), as a storage front sends to its signed URLs. */
  redirect: (location: string, status: 301 | 302 | 303 | 307 | 308 = 302): CannedAnswer => ({
    type: 'answer',
    name: `${status} to ${location}`,
    status,
    headers: { location },
    body: '',
  }),

  /** Anything else. */
  answer: (status: number, body: string, headers: Record<string, string> = {}): CannedAnswer => ({
    type: 'answer',
    name: `${status}`,
    status,
    headers,
    body,
  }),
};
