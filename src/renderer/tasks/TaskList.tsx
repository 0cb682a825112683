import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TaskKey } from '../../shared/watchedTask';
import { useTaskListVersion, useTaskStore } from '../app/useTaskStore';
import type { PollingHold } from './pollingHold';
import { matchesSearch, passesFilter, type TaskFilter } from './taskCategory';
import { TaskRow } from './TaskRow';
import { FALLBACK_RECT, measureRowWith, observeListRect } from './virtualListRect';

/**
 * A first guess at a row's height, until it is measured: rows are as tall as what they say (a name and
 * times; a line or two more when a task ended badly or waits), so most are shorter than the tallest.
 */
export const ESTIMATED_ROW_HEIGHT = 64;

export interface RevealRequest {
  readonly key: TaskKey;
  /** Changes on every request, so asking twice for the same task scrolls again. */
  readonly nonce: number;
}

interface TaskListProps {
  readonly filter: TaskFilter;
  readonly query: string;
  readonly selectedKey: TaskKey | null;
  readonly highlightKey: TaskKey | null;
  readonly reveal: RevealRequest | null;
  /** The reveal request was carried out: it must not scroll again when the list is shown anew. */
  readonly onRevealed: () => void;
  /** Why the app checks nothing at the moment, if it does not: waiting rows say so. */
  readonly hold: PollingHold | null;
  /** The selection moved (arrow keys and the like). */
  readonly onSelect: (key: TaskKey) => void;
  /** A row was clicked. */
  readonly onPick: (key: TaskKey) => void;
  /** Enter on the list: move to the selected task's details. */
  readonly onOpen: (key: TaskKey) => void;
}

const measureRow = measureRowWith(ESTIMATED_ROW_HEIGHT);

const optionId = (index: number) => `task-option-${index}`;

/**
 * The watch list, virtualised: only the rows in view (plus a few) exist in the page, so 1,000 tasks scroll
 * as smoothly as ten. A listbox: arrow keys, Home/End and Page Up/Down move the selection.
 */
export function TaskList(props: TaskListProps) {
  const { filter, query, selectedKey, highlightKey, reveal, hold, onRevealed, onSelect, onPick, onOpen } =
    props;
  const store = useTaskStore();
  const version = useTaskListVersion();
  const keys = useMemo(() => {
    void version;
    return store.keys().filter((key) => {
      const task = store.get(key);
      return task !== undefined && passesFilter(task, filter) && matchesSearch(task, query);
    });
  }, [store, version, filter, query]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => keys[index] ?? index,
    overscan: 6,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeListRect,
    measureElement: measureRow,
  });

  const scrollToKey = useCallback(
    (key: TaskKey) => {
      const index = keys.indexOf(key);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [keys, virtualizer],
  );

  const revealNonce = reveal?.nonce;
  const revealKey = reveal?.key;
  useEffect(() => {
    if (revealKey === undefined) return;
    scrollToKey(revealKey);
    onRevealed();
    // Only a new request scrolls; the list changing under a past request must not pull the view back.
  }, [revealNonce]);

  const selectedIndex = selectedKey === null ? -1 : keys.indexOf(selectedKey);

  function move(index: number) {
    const key = keys[Math.max(0, Math.min(keys.length - 1, index))];
    if (key === undefined) return;
    onSelect(key);
    scrollToKey(key);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight || FALLBACK_RECT.height) / ESTIMATED_ROW_HEIGHT),
    );
    const moves: Record<string, () => void> = {
      ArrowDown: () => move(selectedIndex + 1),
      ArrowUp: () => move(selectedIndex < 0 ? 0 : selectedIndex - 1),
      Home: () => move(0),
      End: () => move(keys.length - 1),
      PageDown: () => move(selectedIndex + page),
      PageUp: () => move(selectedIndex - page),
      Enter: () => selectedKey !== null && selectedIndex >= 0 && onOpen(selectedKey),
    };
    const action = moves[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  }

  if (keys.length === 0) {
    return (
      <p className="task-list-empty">
        No task matches this filter{query.trim() !== '' ? ' and search' : ''}.
      </p>
    );
  }
  const items = virtualizer.getVirtualItems();
  const selectedRendered = items.some((item) => item.index === selectedIndex);
  return (
    <div
      ref={scrollRef}
      className="task-list"
      role="listbox"
      aria-label={`Watched tasks (${keys.length} shown)`}
      tabIndex={0}
      aria-activedescendant={selectedRendered ? optionId(selectedIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="task-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const key = keys[item.index];
          if (key === undefined) return null;
          return (
            <TaskRow
              key={key}
              taskKey={key}
              id={optionId(item.index)}
              index={item.index}
              setSize={keys.length}
              top={item.start}
              selected={key === selectedKey}
              highlighted={key === highlightKey}
              hold={hold}
              measure={virtualizer.measureElement}
              onSelect={onPick}
            />
          );
        })}
      </div>
    </div>
  );
}
