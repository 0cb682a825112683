import { durationScale, type DurationSpread } from './durationScale';

export interface ChartRun {
  readonly durationMs: number;
  readonly succeeded: boolean;
}

interface DurationChartProps {
  readonly runs: readonly ChartRun[];
  readonly spread: DurationSpread;
  /** The chart's accessible name: what it shows, in words (a screen reader gets this, not the dots). */
  readonly label: string;
}

const BOX_TOP = 8;
const BOX_BOTTOM = 44;
const AXIS_Y = 54;
const LABEL_Y = 70;
const HEIGHT = 76;
/** Quartiles and a median of one or two runs would only hide the runs themselves. */
const MIN_RUNS_FOR_BOX = 3;

const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

/** Spreads the dots over five lanes, always the same way, so runs of equal length stay apart. */
const laneY = (index: number) => 26 + (((index * 3) % 5) - 2) * 6;

/**
 * How long one kind of job took, drawn by hand: every run a dot on a time axis (a cross when it failed),
 * over a box from the first to the third quartile with the median as a bar (from three runs on).
 * Positions are percentages of the drawing's width, so the chart fills any window without measuring it
 * and its text never scales.
 */
export function DurationChart({ runs, spread, label }: DurationChartProps) {
  const scale = durationScale(spread.longestMs);
  const x = (ms: number) => percent(scale.position(ms));
  const boxLeft = scale.position(spread.lowerQuartileMs);
  const boxWidth = Math.max(scale.position(spread.upperQuartileMs) - boxLeft, 0.004);
  return (
    <svg className="duration-chart" role="img" aria-label={label} width="100%" height={HEIGHT}>
      {spread.count >= MIN_RUNS_FOR_BOX && (
        <>
          <rect
            className="duration-chart-box"
            x={percent(boxLeft)}
            y={BOX_TOP}
            width={percent(boxWidth)}
            height={BOX_BOTTOM - BOX_TOP}
            rx={3}
          />
          <line
            className="duration-chart-median"
            x1={x(spread.medianMs)}
            x2={x(spread.medianMs)}
            y1={BOX_TOP - 2}
            y2={BOX_BOTTOM + 2}
          />
        </>
      )}
      {runs.map((run, index) =>
        run.succeeded ? (
          <circle
            key={index}
            className="duration-chart-run"
            cx={x(run.durationMs)}
            cy={laneY(index)}
            r={4.5}
          />
        ) : (
          <svg key={index} x={x(run.durationMs)} y={laneY(index)} overflow="visible" aria-hidden="true">
            <path className="duration-chart-failed" d="M-4.5 -4.5L4.5 4.5M-4.5 4.5L4.5 -4.5" />
          </svg>
        ),
      )}
      <line className="duration-chart-axis" x1="0%" x2="100%" y1={AXIS_Y} y2={AXIS_Y} />
      {scale.ticks.map((tick, index) => {
        const anchor = index === 0 ? 'start' : index === scale.ticks.length - 1 ? 'end' : 'middle';
        return (
          <g key={tick.ms}>
            <line
              className="duration-chart-axis"
              x1={x(tick.ms)}
              x2={x(tick.ms)}
              y1={AXIS_Y}
              y2={AXIS_Y + 4}
            />
            <text className="duration-chart-tick" x={x(tick.ms)} y={LABEL_Y} textAnchor={anchor}>
              {tick.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
