import { parseRetryAfter } from './retryAfter';
import { describeErrorBody, parseJson, readValidationDetails } from './answerBody';
import type { CambAnswer } from './answerBody';
import type { Malformed, RequestFailure } from './outcomes';

/** What was asked for, so a 404 can say "no such task" or "no such run". */
export type RequestSubject = 'task' | 'result';

const NOT_FOUND_PHRASE: Record<RequestSubject, string> = {
  task: 'CAMB.AI does not know this task',
  result: 'CAMB.AI has no result for this run',
};

function withBody(phrase: string, answer: CambAnswer): string {
  const said = describeErrorBody(answer);
  return said === null ? phrase : `${phrase}: ${said}`;
}

function http(answer: CambAnswer): string {
  return `(HTTP ${answer.httpStatus})`;
}

/**
 * Classifies every answer that is not a 2xx. The mapping follows what a retry can change: auth needs a new
 * key, 404 and other 4xx need different input, 429/408/5xx may pass by themselves.
 */
export function classifyFailureAnswer(answer: CambAnswer, subject: RequestSubject): RequestFailure {
  const status = answer.httpStatus;
  if (status === 401) {
    return {
      type: 'auth-rejected',
      httpStatus: 401,
      message: withBody(`CAMB.AI rejected the API key ${http(answer)}`, answer),
    };
  }
  if (status === 403) {
    return {
      type: 'auth-rejected',
      httpStatus: 403,
      message: withBody(`CAMB.AI refused access with this API key ${http(answer)}`, answer),
    };
  }
  if (status === 404 || status === 410) {
    return { type: 'not-found', message: withBody(`${NOT_FOUND_PHRASE[subject]} ${http(answer)}`, answer) };
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), answer.receivedAt);
    const wait = retryAfterMs === null ? '' : `; it asks to wait ${Math.ceil(retryAfterMs / 1000)} s`;
    return {
      type: 'rate-limited',
      retryAfterMs,
      message: `CAMB.AI is rate limiting requests ${http(answer)}${wait}`,
    };
  }
  if (status === 408 || status === 425 || status >= 500) {
    return {
      type: 'server-error',
      httpStatus: status,
      message: withBody(`CAMB.AI had a server problem ${http(answer)}`, answer),
    };
  }
  if (status >= 400) {
    const json = parseJson(answer.bodyText);
    const detail =
      json.ok && json.value !== null && typeof json.value === 'object' && 'detail' in json.value
        ? json.value.detail
        : undefined;
    return {
      type: 'invalid',
      details: readValidationDetails(detail),
      message: withBody(`CAMB.AI rejected the request as invalid ${http(answer)}`, answer),
    };
  }
  if (status >= 300 && status < 400) {
    const location = answer.headers.get('location');
    return redirectNotFollowed(`${http(answer)}${location === null ? '' : ` to ${location}`}`);
  }
  return { type: 'malformed', message: `CAMB.AI answered with an unexpected HTTP status ${http(answer)}` };
}

/**
 * A redirect, however it showed itself: as a 3xx answer (Node's fetch) or as the error Electron's net.fetch
 * throws instead. Redirects are not followed: the x-api-key header would go wherever the Location points.
 * `detail` is what is known of it (status, target), or '' when nothing is.
 */
export function redirectNotFollowed(detail: string): Malformed {
  const said = detail === '' ? '' : ` ${detail}`;
  return {
    type: 'malformed',
    message: `CAMB.AI answered with a redirect${said}, which is not followed; check CAMB_API_BASE`,
  };
}

export function isSuccessStatus(httpStatus: number): boolean {
  return httpStatus >= 200 && httpStatus < 300;
}
