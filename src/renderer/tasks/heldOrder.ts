import type { TaskKey } from '../../shared/watchedTask';
import type { ListArrangement, ListRow } from './listRows';

/**
 * The list as it was arranged when the user started looking, kept while they look: the rows stay where
 * they were when a job ends, is opened (and so seen) or fails, instead of jumping under the pointer.
 */
export interface HeldArrangement {
  /** What the hold is for (filter, search, order, grouping, and each re-sort): another one starts a new hold. */
  readonly reason: string;
  readonly arrangement: ListArrangement;
  /** The endings already unseen then: any other unseen ending is new since, and waits behind the pill. */
  readonly unseen: ReadonlySet<TaskKey>;
}

/**
 * The held rows, as the list shows them now: every held task still watched, in its held place (its row
 * says what changed); a task the list did not have then where the live order puts it among them. Group
 * headers keep their place and count what is under them; an emptied group goes.
 */
export function keepHeldPlaces(
  held: ListArrangement,
  live: ListArrangement,
  stillWatched: (key: TaskKey) => boolean,
): ListArrangement {
  const heldKeys = new Set(held.keys);
  const liveIndex = new Map(live.keys.map((key, index) => [key, index]));
  const kept = held.keys.filter(stillWatched);
  // Each task new to the list goes before the first kept task the live order puts after it.
  const before = new Map<TaskKey, TaskKey[]>();
  const atEnd: TaskKey[] = [];
  for (const key of live.keys) {
    if (heldKeys.has(key)) continue;
    const at = liveIndex.get(key) ?? 0;
    const next = kept.find((other) => (liveIndex.get(other) ?? Number.POSITIVE_INFINITY) > at);
    if (next === undefined) atEnd.push(key);
    else before.set(next, [...(before.get(next) ?? []), key]);
  }

  const keys: TaskKey[] = [];
  const rows: ListRow[] = [];
  const counts: number[] = [];
  const addTask = (key: TaskKey) => {
    rows.push({ type: 'task', key, position: keys.length });
    keys.push(key);
    if (counts.length > 0) counts[counts.length - 1] = (counts.at(-1) ?? 0) + 1;
  };
  const headerAt: number[] = [];
  for (const row of held.rows) {
    if (row.type === 'header') {
      headerAt.push(rows.length);
      counts.push(0);
      rows.push(row);
      continue;
    }
    for (const key of before.get(row.key) ?? []) addTask(key);
    if (stillWatched(row.key)) addTask(row.key);
  }
  atEnd.forEach(addTask);
  if (headerAt.length === 0) return { keys, rows };
  // Headers with their new counts; one with nothing under it any more goes.
  const counted = new Map(headerAt.map((index, group) => [index, counts[group] ?? 0]));
  const withHeaders = rows.flatMap((row, index): ListRow[] => {
    if (row.type !== 'header') return [row];
    const count = counted.get(index) ?? 0;
    return count === 0 ? [] : [{ ...row, count }];
  });
  return { keys, rows: withHeaders };
}

/** Endings that arrived while the list was held: unseen now, not then, and shown. */
export function newEndings(
  held: HeldArrangement,
  shown: readonly TaskKey[],
  isUnseen: (key: TaskKey) => boolean,
): number {
  return shown.filter((key) => isUnseen(key) && !held.unseen.has(key)).length;
}

/** Whether two arrangements list the same tasks in the same order. */
export function sameOrder(a: readonly TaskKey[], b: readonly TaskKey[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}
