import type { CambAnswer } from '../../../src/main/core/camb/answerBody';

export const RECEIVED_AT = Date.UTC(2026, 0, 1, 12, 0, 0);

/** An HTTP answer as the classifiers see it; headers through the real Headers class. */
export function answer(
  httpStatus: number,
  body: unknown = '',
  headers: Record<string, string> = {},
  receivedAt = RECEIVED_AT,
): CambAnswer {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return { httpStatus, headers: new Headers(headers), bodyText, receivedAt };
}
