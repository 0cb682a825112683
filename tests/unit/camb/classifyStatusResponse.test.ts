import { describe, expect, it } from 'vitest';
import { classifyStatusResponse } from '../../../src/main/core/camb/classifyStatusResponse';
import { answer, RECEIVED_AT } from './answers';

describe('classifyStatusResponse: 2xx', () => {
  it('reads a pending report', () => {
    expect(classifyStatusResponse(answer(200, { status: 'PENDING', run_id: null }))).toEqual({
      type: 'status',
      status: 'PENDING',
      runId: null,
      exceptionReason: null,
      message: null,
    });
  });

  it('reads run_id, exception_reason and a string message', () => {
    const outcome = classifyStatusResponse(
      answer(200, {
        status: 'ERROR',
        run_id: 4242,
        exception_reason: 'HARMFUL_CONTENT_DETECTED',
        message: 'nope',
      }),
    );
    expect(outcome).toEqual({
      type: 'status',
      status: 'ERROR',
      runId: 4242,
      exceptionReason: 'HARMFUL_CONTENT_DETECTED',
      message: 'nope',
    });
  });

  it('keeps an object message as its JSON text', () => {
    const outcome = classifyStatusResponse(
      answer(200, { status: 'ERROR', run_id: null, message: { code: 7, text: 'quota' } }),
    );
    expect(outcome).toMatchObject({ type: 'status', message: '{"code":7,"text":"quota"}' });
  });

  it('keeps unknown statuses verbatim', () => {
    for (const status of ['FAILED', 'processing', 'Queued ⏳']) {
      expect(classifyStatusResponse(answer(200, { status, run_id: null }))).toMatchObject({
        type: 'status',
        status,
      });
    }
  });

  it('accepts a missing run_id and a numeric-string run_id, ignoring extra fields', () => {
    expect(classifyStatusResponse(answer(200, { status: 'PENDING' }))).toMatchObject({ runId: null });
    expect(classifyStatusResponse(answer(200, { status: 'SUCCESS', run_id: '17', eta: 3 }))).toMatchObject({
      runId: 17,
    });
  });

  it('treats any 2xx code alike', () => {
    expect(classifyStatusResponse(answer(203, { status: 'PENDING' }))).toMatchObject({ type: 'status' });
  });

  it.each([
    ['malformed JSON', '{"status": "PENDING", "run_id": ', /not JSON \(HTTP 200\): \{"status"/],
    ['an empty body', '', /empty answer/],
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>Down for maintenance</title></head></html>',
      /HTML page titled "Down for maintenance"/,
    ],
    ['JSON without status', { ok: true }, /not the task status.*status/],
    ['a JSON array', [1, 2], /not the task status/],
    ['a JSON string', '"PENDING"', /not the task status/],
    ['an empty status', { status: '' }, /status/],
    ['a fractional run_id', { status: 'SUCCESS', run_id: 1.5 }, /run_id/],
  ])('reports %s as malformed', (_what, body, message) => {
    const outcome = classifyStatusResponse(answer(200, body));
    expect(outcome.type).toBe('malformed');
    if (outcome.type === 'malformed') expect(outcome.message).toMatch(message);
  });

  it('does not dump a whole HTML page into the message', () => {
    const page = `<html><body>${'<p>lorem ipsum</p>'.repeat(500)}</body></html>`;
    const outcome = classifyStatusResponse(answer(200, page, { 'content-type': 'text/html' }));
    expect(outcome).toEqual({
      type: 'malformed',
      message: 'CAMB.AI sent an HTML page (HTTP 200) where JSON was expected',
    });
  });
});

describe('classifyStatusResponse: errors', () => {
  it('401 and 403 are auth-rejected, reading {"error", "status"}', () => {
    expect(classifyStatusResponse(answer(401, { error: 'Invalid API key', status: 401 }))).toEqual({
      type: 'auth-rejected',
      httpStatus: 401,
      message: 'CAMB.AI rejected the API key (HTTP 401): Invalid API key',
    });
    expect(classifyStatusResponse(answer(403, { error: 'No access to dubbing', status: 403 }))).toEqual({
      type: 'auth-rejected',
      httpStatus: 403,
      message: 'CAMB.AI refused access with this API key (HTTP 403): No access to dubbing',
    });
  });

  it('401 with a {"detail"} body or no body still reads well', () => {
    expect(classifyStatusResponse(answer(401, { detail: 'Not authenticated' }))).toMatchObject({
      message: 'CAMB.AI rejected the API key (HTTP 401): Not authenticated',
    });
    expect(classifyStatusResponse(answer(401))).toMatchObject({
      message: 'CAMB.AI rejected the API key (HTTP 401)',
    });
  });

  it('404 is not-found, reading {"detail"}', () => {
    expect(classifyStatusResponse(answer(404, { detail: 'Task not found' }))).toEqual({
      type: 'not-found',
      message: 'CAMB.AI does not know this task (HTTP 404): Task not found',
    });
  });

  it('404 with an {"error"} body', () => {
    expect(classifyStatusResponse(answer(404, { error: 'no such task', status: 404 }))).toMatchObject({
      type: 'not-found',
      message: 'CAMB.AI does not know this task (HTTP 404): no such task',
    });
  });

  it('422 is invalid with its details', () => {
    const body = {
      detail: [
        { loc: ['path', 'task_id'], msg: 'value is not a valid uuid', type: 'type_error.uuid' },
        { loc: ['query', 'x', 0], msg: 'field required', type: 'value_error.missing' },
      ],
    };
    expect(classifyStatusResponse(answer(422, body))).toEqual({
      type: 'invalid',
      details: body.detail,
      message:
        'CAMB.AI rejected the request as invalid (HTTP 422): task_id: value is not a valid uuid; x.0: field required',
    });
  });

  it('422 tolerates other detail shapes', () => {
    expect(classifyStatusResponse(answer(422, { detail: 'bad id' }))).toEqual({
      type: 'invalid',
      details: [],
      message: 'CAMB.AI rejected the request as invalid (HTTP 422): bad id',
    });
    expect(classifyStatusResponse(answer(422, { detail: [{ message: 'odd' }, 'plain'] }))).toMatchObject({
      type: 'invalid',
      details: [
        { loc: [], msg: '{"message":"odd"}', type: '' },
        { loc: [], msg: 'plain', type: '' },
      ],
    });
    expect(classifyStatusResponse(answer(422, 'not json'))).toMatchObject({ type: 'invalid', details: [] });
  });

  it('other 4xx codes are invalid requests', () => {
    for (const code of [400, 405, 409, 413]) {
      expect(classifyStatusResponse(answer(code, { detail: 'nope' })).type).toBe('invalid');
    }
    expect(classifyStatusResponse(answer(410, { detail: 'gone' })).type).toBe('not-found');
  });

  it('429 is rate-limited, with Retry-After in seconds', () => {
    expect(classifyStatusResponse(answer(429, { detail: 'slow down' }, { 'retry-after': '30' }))).toEqual({
      type: 'rate-limited',
      retryAfterMs: 30_000,
      message: 'CAMB.AI is rate limiting requests (HTTP 429); it asks to wait 30 s',
    });
  });

  it('429 reads Retry-After as an HTTP date relative to when the answer arrived', () => {
    const date = new Date(RECEIVED_AT + 90_000).toUTCString();
    expect(classifyStatusResponse(answer(429, '', { 'retry-after': date }))).toMatchObject({
      retryAfterMs: 90_000,
    });
  });

  it('429 without or with an unreadable Retry-After has retryAfterMs null', () => {
    expect(classifyStatusResponse(answer(429))).toMatchObject({ type: 'rate-limited', retryAfterMs: null });
    expect(classifyStatusResponse(answer(429, '', { 'retry-after': 'soon' }))).toMatchObject({
      retryAfterMs: null,
    });
  });

  it('5xx is a server error; a proxy HTML page is summarised by its title', () => {
    const page =
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    expect(classifyStatusResponse(answer(502, page, { 'content-type': 'text/html' }))).toEqual({
      type: 'server-error',
      httpStatus: 502,
      message: 'CAMB.AI had a server problem (HTTP 502): an HTML page titled "502 Bad Gateway"',
    });
  });

  it('5xx text and JSON bodies are quoted briefly', () => {
    expect(classifyStatusResponse(answer(500, 'Internal Server Error'))).toMatchObject({
      httpStatus: 500,
      message: 'CAMB.AI had a server problem (HTTP 500): Internal Server Error',
    });
    expect(classifyStatusResponse(answer(503, { detail: 'Service Unavailable' }))).toMatchObject({
      message: 'CAMB.AI had a server problem (HTTP 503): Service Unavailable',
    });
    const long = classifyStatusResponse(answer(500, 'x'.repeat(5000)));
    expect(long.type === 'server-error' && long.message.length).toBeLessThan(300);
  });

  it('408 and 425 are transient server-side problems', () => {
    expect(classifyStatusResponse(answer(408)).type).toBe('server-error');
    expect(classifyStatusResponse(answer(425)).type).toBe('server-error');
  });

  it('a redirect is not followed and names where it pointed', () => {
    expect(
      classifyStatusResponse(answer(301, '', { location: 'https://elsewhere.example/apis/story/1' })),
    ).toEqual({
      type: 'malformed',
      message:
        'CAMB.AI answered with a redirect (HTTP 301) to https://elsewhere.example/apis/story/1, which is not followed; check CAMB_API_BASE',
    });
  });

  it('codes outside the HTTP families are malformed', () => {
    expect(classifyStatusResponse(answer(0)).type).toBe('malformed');
    expect(classifyStatusResponse(answer(150)).type).toBe('malformed');
  });
});
