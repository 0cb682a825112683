export {
  createCambClient,
  mergeResultParts,
  resultRequestProblem,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
} from './cambClient';
export type { CambClient, CambClientOptions, CambFetch, GetResultOptions } from './cambClient';
export {
  DEFAULT_CAMB_API_BASE,
  InvalidBaseUrlError,
  baseUrlSchema,
  parseBaseUrl,
  resolveBaseUrl,
} from './baseUrl';
export { classifyStatusResponse } from './classifyStatusResponse';
export { classifyResultResponse } from './classifyResultResponse';
export { classifyFailureAnswer } from './classifyFailure';
export { classifyNetworkError } from './classifyNetworkError';
export { parseRetryAfter } from './retryAfter';
export { redactSecret } from './redactSecret';
export type { CambAnswer, HeaderLookup } from './answerBody';
export * from './outcomes';
export type * from './resultOutcomes';
export { atLeastBackoff } from './retryAfter';
