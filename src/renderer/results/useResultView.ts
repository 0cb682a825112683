import { useCallback, useEffect, useState } from 'react';
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
  const [result, setResult] = useState<ResultViewState>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (targetLanguage === null) {
      setResult({ state: 'idle' });
      return;
    }
    let current = true;
    setResult({ state: 'loading' });
    bridge
      .fetchResult({ key, ...(targetLanguage === undefined ? {} : { targetLanguage }) })
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
        if (current) setResult(next);
      });
    return () => {
      current = false;
    };
  }, [bridge, key, targetLanguage, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { result, retry };
}
