import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../src/main/core/camb/classifyNetworkError';

/** What undici's fetch throws: TypeError('fetch failed') with the socket error as cause. */
function undiciError(code: string, nested: 'cause' | 'aggregate' = 'cause'): TypeError {
  const inner = Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
  const cause = nested === 'aggregate' ? new AggregateError([inner], 'all attempts failed') : inner;
  return new TypeError('fetch failed', { cause });
}

/** What Electron's net.fetch throws: a plain Error naming Chromium's net error. */
function electronError(name: string): Error {
  return new Error(`net::${name}`);
}

const host = 'client.camb.ai';

describe('classifyNetworkError', () => {
  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['EPIPE', 'reset'],
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['ETIMEDOUT', 'timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['EHOSTUNREACH', 'other'],
    ['ESOMETHINGNEW', 'other'],
  ])('undici %s is %s', (code, reason) => {
    const outcome = classifyNetworkError(undiciError(code), { host });
    expect(outcome).toMatchObject({ type: 'network', reason });
    expect(outcome.message).toContain(`Could not reach ${host}`);
    expect(outcome.message).toContain(code);
  });

  it('finds the code inside an AggregateError (happy eyeballs)', () => {
    expect(classifyNetworkError(undiciError('ECONNREFUSED', 'aggregate'))).toMatchObject({
      reason: 'refused',
    });
  });

  it.each([
    ['ERR_CONNECTION_REFUSED', 'refused'],
    ['ERR_CONNECTION_RESET', 'reset'],
    ['ERR_NAME_NOT_RESOLVED', 'dns'],
    ['ERR_TIMED_OUT', 'timeout'],
    ['ERR_INTERNET_DISCONNECTED', 'other'],
    ['ERR_CERT_AUTHORITY_INVALID', 'other'],
  ])('Electron net::%s is %s', (name, reason) => {
    expect(classifyNetworkError(electronError(name), { host })).toMatchObject({ type: 'network', reason });
  });

  it('words an offline machine plainly', () => {
    expect(classifyNetworkError(electronError('ERR_INTERNET_DISCONNECTED'), { host }).message).toBe(
      'Could not reach client.camb.ai: this computer is offline (ERR_INTERNET_DISCONNECTED)',
    );
  });

  it('an abort is a timeout, and our own timer firing is one whatever was thrown', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(classifyNetworkError(abort, { host, timeoutMs: 15_000 })).toEqual({
      type: 'network',
      reason: 'timeout',
      message: 'Could not reach client.camb.ai: no answer within 15 s',
    });
    expect(classifyNetworkError(new TypeError('terminated'), { timedOut: true })).toMatchObject({
      reason: 'timeout',
    });
  });

  it('never throws, whatever is thrown at it', () => {
    const hostile = {
      get code(): string {
        throw new Error('getter');
      },
      toString: () => {
        throw new Error('no');
      },
    };
    for (const thrown of [
      undefined,
      null,
      'boom',
      42,
      {},
      { code: 5 },
      new Error(''),
      Object.create(null),
      hostile,
    ]) {
      const outcome = classifyNetworkError(thrown);
      expect(outcome.type).toBe('network');
      expect(outcome.message.length).toBeGreaterThan(0);
    }
  });

  it('survives a cause cycle', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(classifyNetworkError(a)).toMatchObject({ type: 'network', reason: 'other' });
  });

  describe('a redirect that Electron net.fetch cancels (redirect: manual)', () => {
    const redirectMessage = 'CAMB.AI answered with a redirect, which is not followed; check CAMB_API_BASE';

    it.each([
      ['as Electron throws it', new Error('Redirect was cancelled')],
      ['in other spellings', new Error('net::ERR_ABORTED: redirect was canceled')],
      ['wrapped by a caller', new TypeError('fetch failed', { cause: new Error('Redirect was cancelled') })],
    ])('is the redirect it is, not a network failure, %s', (_, thrown) => {
      expect(classifyNetworkError(thrown, { host })).toEqual({ type: 'malformed', message: redirectMessage });
    });

    it('leaves other cancellations as they were', () => {
      expect(classifyNetworkError(new Error('net::ERR_ABORTED'), { host })).toMatchObject({
        type: 'network',
      });
    });
  });
});
