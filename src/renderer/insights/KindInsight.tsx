import { formatDuration } from '../../shared/format/duration';
import type { Insights } from '../../shared/contract';
import { taskKindInfo } from '../../shared/taskKinds';
import { formatRange } from '../../shared/format/estimateText';
import { DurationChart } from './DurationChart';
import { durationSpread, type DurationSpread } from './durationScale';
import { plural } from '../../shared/format/sentence';

/** One kind's figures, as getInsights gives them. */
export type KindRuns = Insights['kinds'][number];

/** "12 finished: 11 succeeded, 1 failed". */
export function outcomeCounts({ succeeded, failed }: Pick<KindRuns, 'succeeded' | 'failed'>): string {
  return `${succeeded + failed} finished: ${succeeded} succeeded, ${failed} failed`;
}

/** What the chart shows, in words: its accessible name. */
export function chartLabel(title: string, spread: DurationSpread): string {
  const took = (ms: number) => formatDuration(ms, { units: 1 });
  if (spread.count === 1) return `${title}: 1 job took ${took(spread.longestMs)}`;
  return (
    `${title}: ${plural(spread.count, 'job')} took ${formatRange(spread.shortestMs, spread.longestMs)}, ` +
    `the middle half ${formatRange(spread.lowerQuartileMs, spread.upperQuartileMs)}, ` +
    `median ${took(spread.medianMs)}`
  );
}

/** One kind of job: how many ended which way, and how long they took, as a chart and in a line of text. */
export function KindInsight({ kind, runs, succeeded, failed }: KindRuns) {
  const title = taskKindInfo(kind).title;
  const spread = durationSpread(runs.map((run) => run.durationMs));
  const headingId = `insight-${kind}`;
  const anyFailed = runs.some((run) => !run.succeeded);
  return (
    <section className="kind-insight" aria-labelledby={headingId}>
      <div className="kind-insight-header">
        <h3 id={headingId}>{title}</h3>
        <p className="kind-insight-counts">{outcomeCounts({ succeeded, failed })}</p>
      </div>
      {spread === null ? (
        <p className="muted-text">
          How long they took is not known: the app did not see them from start to end.
        </p>
      ) : (
        <>
          <div className="duration-chart-frame">
            <DurationChart runs={runs} spread={spread} label={chartLabel(title, spread)} />
          </div>
          <p className="kind-insight-summary muted-text" aria-hidden="true">
            {spread.count > 1
              ? `Usually ${formatRange(spread.lowerQuartileMs, spread.upperQuartileMs)} (median ${formatDuration(spread.medianMs, { units: 1 })})`
              : `Took ${formatDuration(spread.medianMs, { units: 1 })}`}
            {anyFailed && (
              <span className="kind-insight-legend">
                {' · '}
                <span className="legend-run">●</span> succeeded <span className="legend-failed">×</span>{' '}
                failed
              </span>
            )}
          </p>
        </>
      )}
    </section>
  );
}
