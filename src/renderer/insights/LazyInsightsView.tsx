import { lazy, Suspense } from 'react';

// Its own chunk, fetched the first time Insights opens: the window's first script stays small.
const InsightsView = lazy(() => import('./InsightsView'));

/** The Insights view, loaded on first use. */
export function LazyInsightsView({ onClose }: { readonly onClose: () => void }) {
  return (
    <Suspense
      fallback={
        <p role="status" className="insights-loading">
          Opening insights…
        </p>
      }
    >
      <InsightsView onClose={onClose} />
    </Suspense>
  );
}
