import { taskKindInfo, resultNeedsTargetLanguage } from '../../../shared/taskKinds';
import type { TaskKind } from '../../../shared/taskKinds';
import type { Clock } from '../clock';
import type { CambAnswer } from './answerBody';
import { DEFAULT_CAMB_API_BASE, parseBaseUrl } from './baseUrl';
import { classifyNetworkError } from './classifyNetworkError';
import { classifyResultResponse, isAudioContentType } from './classifyResultResponse';
import { classifyStatusResponse } from './classifyStatusResponse';
import type { Malformed, NetworkFailure, StatusOutcome } from './outcomes';
import { endpointName, fillPathTemplate } from './pathTemplate';
import { redactSecret } from './redactSecret';
import type {
  NoResultEndpoint,
  ResultOutcome,
  ResultPart,
  TargetLanguageRequired,
  TaskResult,
} from './resultOutcomes';

/** `fetch`'s shape; the shell passes Electron's net.fetch (system proxy), the CLI and tests Node's fetch. */
export type CambFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface CambClientOptions {
  readonly fetch: CambFetch;
  /** Default https://client.camb.ai/apis; see resolveBaseUrl for CAMB_API_BASE. */
  readonly baseUrl?: string;
  /** Read on every request, so a changed key takes effect at once. The caller guarantees there is one. */
  readonly getApiKey: () => string;
  /** Drives the request timeout, so tests can expire it in virtual time. */
  readonly clock: Clock;
  /** A request with no complete answer after this long is abandoned. Default 15 000. */
  readonly timeoutMs?: number;
  /** An answer body beyond this many bytes is not read on (malformed). Default 16 MiB. */
  readonly maxBodyBytes?: number;
  readonly userAgent?: string;
}

export interface GetResultOptions {
  /** Needed by kinds whose result lives per language (translated-story). */
  readonly targetLanguage?: string;
}

export interface CambClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /** `GET /<kind>/{task_id}`, classified. Never throws for anything the network or server does. */
  getStatus(kind: TaskKind, taskId: string): Promise<StatusOutcome>;
  /** The kind's result endpoint(s) for a run, normalised. Never throws for anything the network or server does. */
  getResult(kind: TaskKind, runId: number | string, options?: GetResultOptions): Promise<ResultOutcome>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Far above any status or result (long transcripts run to a few MB), far below what hurts memory. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export function createCambClient(options: CambClientOptions): CambClient {
  const baseUrl = parseBaseUrl(options.baseUrl ?? DEFAULT_CAMB_API_BASE);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const host = new URL(baseUrl).host;
  const { clock } = options;

  async function request(path: string, apiKey: string): Promise<CambAnswer | NetworkFailure | Malformed> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = clock.setTimer(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const headers: Record<string, string> = { 'x-api-key': apiKey, accept: 'application/json' };
    if (options.userAgent !== undefined) headers['user-agent'] = options.userAgent;
    try {
      // Redirects are not followed: a custom header like x-api-key would travel to any Location.
      const response = await options.fetch(`${baseUrl}${path}`, {
        method: 'GET',
        headers,
        redirect: 'manual',
        signal: controller.signal,
      });
      const bodyText = isAudioContentType(response.headers)
        ? await discardBody(response)
        : await readBodyText(response, maxBodyBytes);
      if (bodyText === null) {
        return {
          type: 'malformed',
          message: `CAMB.AI sent an answer larger than ${formatBytes(maxBodyBytes)} (HTTP ${response.status}), which was not read to the end`,
        };
      }
      // Masked here, before the classifiers shorten what they quote: a cut can leave a piece of an echoed
      // key that the final redaction no longer recognises.
      return {
        httpStatus: response.status,
        headers: response.headers,
        bodyText: redactSecret(bodyText, apiKey),
        receivedAt: clock.now(),
      };
    } catch (error) {
      return classifyNetworkError(error, { timedOut, timeoutMs, host });
    } finally {
      clock.clearTimer(timer);
    }
  }

  async function getStatus(kind: TaskKind, taskId: string): Promise<StatusOutcome> {
    const apiKey = options.getApiKey();
    const path = fillPathTemplate(taskKindInfo(kind).statusPath, { task_id: taskId });
    const answer = await request(path, apiKey);
    const outcome = 'type' in answer ? answer : classifyStatusResponse(answer);
    return redactSecret(outcome, apiKey);
  }

  async function getResult(
    kind: TaskKind,
    runId: number | string,
    resultOptions: GetResultOptions = {},
  ): Promise<ResultOutcome> {
    const refusal = resultRequestProblem(kind, resultOptions);
    if (refusal !== null) return refusal;
    const info = taskKindInfo(kind);
    const targetLanguage = resultOptions.targetLanguage?.trim();
    const apiKey = options.getApiKey();
    const parts: ResultPart[] = [];
    // One endpoint after the other: the first failure is the answer, and the second request is not wasted.
    for (const template of info.resultPaths) {
      const path = fillPathTemplate(template, { run_id: String(runId), target_language: targetLanguage });
      const answer = await request(path, apiKey);
      if ('type' in answer) return redactSecret(answer, apiKey);
      const part = classifyResultResponse(answer, endpointName(template));
      if (part.type !== 'result-part') return redactSecret(part, apiKey);
      parts.push(part);
    }
    return redactSecret({ type: 'result', result: mergeResultParts(kind, runId, parts) }, apiKey);
  }

  return { baseUrl, timeoutMs, getStatus, getResult };
}

/**
 * The body as text (UTF-8, as `response.text()` reads it), or null once it grows past `maxBytes`: a proxy
 * or a misrouted CAMB_API_BASE can stream without end, and all of it would otherwise be held in memory.
 */
async function readBodyText(response: Response, maxBytes: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`;
}

/** Audio bytes are never shown, so they are not downloaded either. */
async function discardBody(response: Response): Promise<string> {
  await response.body?.cancel().catch(() => undefined);
  return '';
}

/**
 * Why a result cannot be asked for at all (the kind has no result endpoint, or needs a target language
 * that was not given), or null. Needs no key and sends nothing, so front ends can check it first.
 */
export function resultRequestProblem(
  kind: TaskKind,
  resultOptions: GetResultOptions = {},
): NoResultEndpoint | TargetLanguageRequired | null {
  if (taskKindInfo(kind).resultPaths.length === 0) {
    return {
      type: 'no-result-endpoint',
      kind,
      message: `CAMB.AI has no result endpoint for ${kind} jobs; fetch their output in CAMB.AI Studio`,
    };
  }
  const targetLanguage = resultOptions.targetLanguage?.trim();
  if (resultNeedsTargetLanguage(kind) && (targetLanguage === undefined || targetLanguage === '')) {
    return {
      type: 'target-language-required',
      kind,
      message: `${kind} results are kept per target language; say which language to fetch`,
    };
  }
  return null;
}

/** Joins the parts of a kind's endpoints (translated-tts: audio from one, texts from the other). */
export function mergeResultParts(
  kind: TaskKind,
  runId: number | string,
  parts: readonly ResultPart[],
): TaskResult {
  const texts = parts.flatMap((part) => part.texts ?? []);
  const transcript = parts.flatMap((part) => part.transcript ?? []);
  const hasTexts = parts.some((part) => part.texts !== undefined);
  const hasTranscript = parts.some((part) => part.transcript !== undefined);
  return {
    kind,
    runId,
    links: parts.flatMap((part) => part.links),
    ...(hasTexts ? { texts } : {}),
    ...(hasTranscript ? { transcript } : {}),
    details:
      parts.length === 1
        ? parts[0]?.body
        : Object.fromEntries(parts.map((part) => [part.endpoint, part.body])),
  };
}
