import { useEffect, useRef, useState } from 'react';
import type { Insights } from '../../shared/contract';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { useDurationsVersion } from '../estimates/useDurations';
import { KindInsight } from './KindInsight';
import './insights.css';

type Loaded =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'ready'; readonly insights: Insights };

interface InsightsViewProps {
  readonly onClose: () => void;
}

function sinceDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/**
 * How long watched jobs took over the last 30 days, per kind, and how they ended. Asked for again whenever
 * a job finishes (the learned durations change), so it fills up while it is open. Loaded only when opened:
 * the window's first script stays small.
 */
export default function InsightsView({ onClose }: InsightsViewProps) {
  const bridge = useBridge();
  const durationsVersion = useDurationsVersion();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    let cancelled = false;
    bridge.getInsights().then(
      (insights) => {
        if (!cancelled) setLoaded({ phase: 'ready', insights });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ phase: 'failed', message: errorMessage(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [bridge, durationsVersion]);

  const kinds =
    loaded.phase === 'ready' ? loaded.insights.kinds.filter((kind) => kind.succeeded + kind.failed > 0) : [];
  return (
    <section
      className="insights-view"
      aria-labelledby="insights-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        // Taken: the same Escape must not also put the window away (useEscapeHidesWindow).
        event.preventDefault();
        onClose();
      }}
    >
      <div className="view-header">
        <h2 id="insights-title" ref={headingRef} tabIndex={-1}>
          Insights
        </h2>
        <button type="button" onClick={onClose}>
          Back to tasks
        </button>
      </div>
      {loaded.phase === 'loading' && <p role="status">Loading how long jobs took…</p>}
      {loaded.phase === 'failed' && (
        <p role="alert" className="field-error">
          Could not load the insights: {loaded.message}
        </p>
      )}
      {loaded.phase === 'ready' && (
        <>
          <p className="muted-text">
            How long watched jobs took since {sinceDate(loaded.insights.since)} (the last 30 days), and how
            they ended.
          </p>
          {kinds.length === 0 ? (
            <div className="insights-empty">
              <h3>Nothing has finished yet</h3>
              <p>
                When a job you watch finishes, how long it took shows here, and the watch list uses it to say
                how long similar jobs have left.
              </p>
            </div>
          ) : (
            kinds.map((kind) => <KindInsight key={kind.kind} {...kind} />)
          )}
        </>
      )}
    </section>
  );
}
