import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ResultView } from '../../shared/contract';
import type { TaskKey } from '../../shared/watchedTask';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';

export type ResultViewState =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly view: Extract<ResultView, { ok: true }> }
  | { readonly state: 'failed'; readonly message: string; readonly needsTargetLanguage: boolean };

/**
 * A finished task's result, fetched once when its details are shown (one request), and again on "Try
 * again". It lives only as long as the details: links expire after about a day, so it is never kept.
 * `targetLanguage` null means "not yet known": nothing is fetched until it is.
 */
export function useResultView(key: TaskKey, targetLanguage: string | null | undefined) {
  const bridge = useBridge();
  const [attempt, setAttempt] = useState(0);
  // Each fetch answers one request: until the current one is answered, the result is loading.
  const request = useMemo(() => ({ key, targetLanguage, attempt }), [key, targetLanguage, attempt]);
  const [answer, setAnswer] = useState<{
    readonly request: typeof request;
    readonly result: ResultViewState;
  }>();

  useEffect(() => {
    const { targetLanguage: language } = request;
    if (language === null) return;
    let current = true;
    bridge
      .fetchResult({ key: request.key, ...(language === undefined ? {} : { targetLanguage: language }) })
      .then(
        (view): ResultViewState =>
          view.ok
            ? { state: 'loaded', view }
            : { state: 'failed', message: view.message, needsTargetLanguage: view.needsTargetLanguage },
        (error: unknown): ResultViewState => ({
          state: 'failed',
          message: errorMessage(error),
          needsTargetLanguage: false,
        }),
      )
      .then((next) => {
        if (current) setAnswer({ request, result: next });
      });
    return () => {
      current = false;
    };
  }, [bridge, request]);

  const result: ResultViewState =
    targetLanguage === null ? IDLE : answer?.request === request ? answer.result : LOADING;
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { result, retry };
}

const IDLE: ResultViewState = { state: 'idle' };
const LOADING: ResultViewState = { state: 'loading' };
