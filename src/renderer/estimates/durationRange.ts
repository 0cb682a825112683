import { formatDuration } from '../../shared/format/duration';

/** "3–9 min", or "40 s–2 min" when the ends need different units; one unit each, as a glance wants. */
export function formatDurationRange(lowMs: number, highMs: number): string {
  const low = formatDuration(lowMs, { units: 1 });
  const high = formatDuration(highMs, { units: 1 });
  if (low === high) return low;
  const [lowCount, lowUnit] = low.split(' ');
  const [, highUnit] = high.split(' ');
  return lowUnit === highUnit && lowCount !== undefined ? `${lowCount}–${high}` : `${low}–${high}`;
}
