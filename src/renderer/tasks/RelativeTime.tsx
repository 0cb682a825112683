import { useNow } from '../state/coreClock';
import { formatDuration } from '../../shared/format/duration';
import { formatAgo, formatClockTime, formatUntil } from './relativeTime';

interface RelativeTimeProps {
  readonly at: number;
  /** past: "3 min ago"; future: "in 20 s". */
  readonly direction: 'past' | 'future';
  /** A future time that is an estimate: "in about 20 s". */
  readonly approximate?: boolean;
}

/** A relative time that ticks once a second against the core's clock; the exact time is in the tooltip. */
export function RelativeTime({ at, direction, approximate = false }: RelativeTimeProps) {
  const now = useNow();
  const text = direction === 'past' ? formatAgo(at, now) : formatUntil(at, now, approximate);
  return (
    <time dateTime={new Date(at).toISOString()} title={formatClockTime(at)}>
      {text}
    </time>
  );
}

/** How long a job has been running, ticking with the core's clock: "4 min". */
export function RunningTime({ since }: { readonly since: number }) {
  const now = useNow();
  return (
    <time
      dateTime={`PT${Math.max(0, Math.floor((now - since) / 1000))}S`}
      title={`Added ${formatClockTime(since)}`}
    >
      {formatDuration(now - since, { units: 1 })}
    </time>
  );
}
