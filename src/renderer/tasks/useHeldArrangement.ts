import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { TaskKey } from '../../shared/watchedTask';
import { useTaskStore } from '../state/useTaskStore';
import { keepHeldPlaces, newEndings, sameOrder, type HeldArrangement } from './heldOrder';
import type { ListArrangement } from './listRows';

function subscribeFocus(listener: () => void): () => void {
  window.addEventListener('focus', listener);
  window.addEventListener('blur', listener);
  return () => {
    window.removeEventListener('focus', listener);
    window.removeEventListener('blur', listener);
  };
}

const windowFocused = () => document.hasFocus();

function holdOf(reason: string, arrangement: ListArrangement, isUnseen: (key: TaskKey) => boolean) {
  return { reason, arrangement, unseen: new Set(arrangement.keys.filter(isUnseen)) };
}

export interface HeldList {
  /** The rows as the list shows them. */
  readonly arrangement: ListArrangement;
  /** Endings that arrived while held and sort elsewhere: the "3 new ↑" pill's count (0: no pill). */
  readonly waiting: number;
  /** Lets go of the hold: the list is sorted anew (the pill). */
  readonly resort: () => void;
}

/**
 * Holds the list's order while the window has focus (Gitify's "delay notification state", asked for in
 * gitify-app/gitify#482): endings, seen marks and failures change rows in place, and new endings wait
 * behind a pill. The list is sorted anew when the window is shown or focused again, when the pill is
 * pressed, when the user changes the filter, search, order or grouping, or asks for it (Mark all seen).
 * The hold is kept by the caller's owner (`kept`, `keep`), so it outlives the list while a small window
 * shows a task's details instead: coming back finds every row where it was.
 */
export function useHeldArrangement(
  live: ListArrangement,
  inputs: string,
  kept: HeldArrangement | null,
  keep: (held: HeldArrangement) => void,
): HeldList {
  const store = useTaskStore();
  const focused = useSyncExternalStore(subscribeFocus, windowFocused);
  const isUnseen = (key: TaskKey) => store.get(key)?.unseen === true;
  const reason = `${inputs}|${store.resortCount()}`;
  const resort = () => store.requestResort();

  // Shown again (a tray popover opens, a window comes back to the front): a fresh order.
  useEffect(() => {
    const onShown = () => {
      if (document.visibilityState === 'visible') store.requestResort();
    };
    window.addEventListener('focus', onShown);
    document.addEventListener('visibilitychange', onShown);
    return () => {
      window.removeEventListener('focus', onShown);
      document.removeEventListener('visibilitychange', onShown);
    };
  }, [store]);

  // Nobody is looking (no focus), or the user asked for another list: it follows the live order.
  const renew = kept === null || kept.reason !== reason || (!focused && kept.arrangement !== live);
  const current = renew ? holdOf(reason, live, isUnseen) : kept;
  useEffect(() => {
    if (current !== kept) keep(current);
  });
  const arrangement = useMemo(
    () =>
      current.arrangement === live
        ? live
        : keepHeldPlaces(current.arrangement, live, (key) => store.get(key) !== undefined),
    [current, live, store],
  );
  const waiting = sameOrder(arrangement.keys, live.keys)
    ? 0
    : newEndings(current, arrangement.keys, isUnseen);
  return { arrangement, waiting, resort };
}
