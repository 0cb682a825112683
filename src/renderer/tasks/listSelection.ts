import type { TaskKey } from '../../shared/watchedTask';

/**
 * The tasks picked in the list, for acting on several at once. `anchor` is where a Shift-range starts:
 * the last task clicked or toggled without Shift.
 */
export interface ListSelection {
  readonly keys: ReadonlySet<TaskKey>;
  readonly anchor: TaskKey | null;
}

export const NO_SELECTION: ListSelection = { keys: new Set(), anchor: null };

export function selectOnly(key: TaskKey): ListSelection {
  return { keys: new Set([key]), anchor: key };
}

/** Ctrl/Cmd-click: adds the task, or takes it out again. */
export function toggle(selection: ListSelection, key: TaskKey): ListSelection {
  const keys = new Set(selection.keys);
  if (keys.has(key)) keys.delete(key);
  else keys.add(key);
  return { keys, anchor: key };
}

/** Shift-click or Shift+arrow: every task from the anchor to `key`, in the order the list shows. */
export function extendTo(selection: ListSelection, order: readonly TaskKey[], key: TaskKey): ListSelection {
  const anchor = selection.anchor !== null && order.includes(selection.anchor) ? selection.anchor : key;
  const from = order.indexOf(anchor);
  const to = order.indexOf(key);
  if (to < 0) return selection;
  const [low, high] = from <= to ? [from, to] : [to, from];
  return { keys: new Set(order.slice(low, high + 1)), anchor };
}

export function selectAll(order: readonly TaskKey[], current: TaskKey | null): ListSelection {
  return { keys: new Set(order), anchor: current ?? order[0] ?? null };
}

/** The selected tasks still shown, in list order. */
export function selectedInOrder(selection: ListSelection, order: readonly TaskKey[]): TaskKey[] {
  return selection.keys.size === 0 ? [] : order.filter((key) => selection.keys.has(key));
}

/** Where the cursor goes once `removed` left the list: the next task below them, else the one above. */
export function nextAfterRemoval(order: readonly TaskKey[], removed: readonly TaskKey[]): TaskKey | null {
  const gone = new Set(removed);
  const last = Math.max(...removed.map((key) => order.indexOf(key)));
  for (let i = last + 1; i < order.length; i++)
    if (!gone.has(order[i] as TaskKey)) return order[i] as TaskKey;
  for (let i = last - 1; i >= 0; i--) if (!gone.has(order[i] as TaskKey)) return order[i] as TaskKey;
  return null;
}
