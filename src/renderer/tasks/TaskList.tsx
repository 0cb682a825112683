import './taskList.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import type { ExpectedFinish, ListGrouping, ListOrder } from '../../shared/taskOrder';
import { isWatching, type TaskKey, type WatchedTask } from '../../shared/watchedTask';
import { CoreClockContext } from '../state/coreClock';
import { useTaskListVersion, useTaskStore } from '../state/useTaskStore';
import { useFocusTarget } from '../state/focusRequest';
import type { RevealRequest } from '../state/navigation';
import { arrangeTasks } from './listRows';
import {
  extendTo,
  nextAfterRemoval,
  selectAll,
  selectedInOrder,
  selectOnly,
  toggle,
  type ListSelection,
} from './listSelection';
import type { PollingHold } from './pollingHold';
import { SelectionBar } from './SelectionBar';
import { matchesSearch, passesFilter, type TaskFilter } from '../state/taskCategory';
import { TaskRow, type ClickModifiers } from './TaskRow';
import { FALLBACK_RECT, measureRowWith, observeListRect } from './virtualListRect';
import { useHeldArrangement } from './useHeldArrangement';
import type { HeldArrangement } from './heldOrder';
import { NewEndingsPill } from './NewEndingsPill';

/** What the search field asks of the list: its first match, and the keyboard. */
export interface ListHandle {
  readonly firstKey: () => TaskKey | null;
  readonly focus: () => void;
}

/**
 * A first guess at a row's height, until it is measured: rows are as tall as what they say (a name and
 * times; a line or two more when a task ended badly or waits), so most are shorter than the tallest.
 */
export const ESTIMATED_ROW_HEIGHT = 64;
/** A running job's row has one more line: its time left. */
const ESTIMATED_RUNNING_ROW_HEIGHT = 72;

interface TaskListProps {
  readonly filter: TaskFilter;
  readonly query: string;
  readonly order: ListOrder;
  readonly grouping: ListGrouping;
  /** When a running job should end, once estimates exist: those go soonest first. */
  readonly expectedFinish?: ExpectedFinish;
  readonly selectedKey: TaskKey | null;
  /** The tasks picked for acting on together (the current one among them, unless Ctrl-clicked away). */
  readonly selection: ListSelection;
  readonly onSelection: (selection: ListSelection) => void;
  readonly highlightKey: TaskKey | null;
  readonly reveal: RevealRequest | null;
  /** The reveal request was carried out: it must not scroll again when the list is shown anew. */
  readonly onRevealed: (request: RevealRequest) => void;
  /** Why the app checks nothing at the moment, if it does not: waiting rows say so. */
  readonly hold: PollingHold | null;
  /** The selection moved (arrow keys and the like). */
  readonly onSelect: (key: TaskKey) => void;
  /** A row was clicked. */
  readonly onPick: (key: TaskKey) => void;
  /** Enter on the list: move to the selected task's details. */
  readonly onOpen: (key: TaskKey) => void;
  /** Delete, or Remove in the selection bar: `next` is where the cursor goes afterwards. */
  readonly onRemove: (keys: readonly TaskKey[], next: TaskKey | null) => void;
  /** The order held while the window has focus, kept by the view while the list is not drawn. */
  readonly held: HeldArrangement | null;
  readonly onHold: (held: HeldArrangement) => void;
  /** Filled in by the list for the search field's ↓ and Enter. */
  readonly handle?: RefObject<ListHandle | null>;
}

const measureRow = measureRowWith(ESTIMATED_ROW_HEIGHT);

const optionId = (index: number) => `task-option-${index}`;

/**
 * The watch list, virtualised: only the rows in view (plus a few) exist in the page, so 1,000 tasks scroll
 * as smoothly as ten. A multi-select listbox: arrow keys, Home/End and Page Up/Down move the cursor, with
 * Shift they select a range; Ctrl/Cmd-click adds a task, Shift-click a range; Delete removes (with Undo).
 */
export function TaskList(props: TaskListProps) {
  const { filter, query, order, grouping, expectedFinish, selectedKey, selection, highlightKey } = props;
  const { reveal, hold, onRevealed, onSelect, onPick, onOpen, onSelection, onRemove } = props;
  const store = useTaskStore();
  const clock = useContext(CoreClockContext);
  const version = useTaskListVersion();
  const live = useMemo(() => {
    void version;
    const shown: WatchedTask[] = [];
    for (const key of store.keys()) {
      const task = store.get(key);
      if (task !== undefined && passesFilter(task, filter) && matchesSearch(task, query))
        shown.push(store.holdsPlace(key) ? { ...task, unseen: true } : task);
    }
    return arrangeTasks(shown, order, grouping, clock.now(), expectedFinish);
  }, [store, version, filter, query, order, grouping, clock, expectedFinish]);
  const held = useHeldArrangement(live, `${filter}|${query}|${order}|${grouping}`, props.held, props.onHold);
  const { keys, rows } = held.arrangement;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const row = rows[index];
      if (row?.type === 'header') return 28;
      const task = row === undefined ? undefined : store.get(row.key);
      return task !== undefined && isWatching(task) ? ESTIMATED_RUNNING_ROW_HEIGHT : ESTIMATED_ROW_HEIGHT;
    },
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeListRect,
    measureElement: measureRow,
  });

  const rowIndexOf = useMemo(() => {
    const indexes = new Map<string, number>();
    rows.forEach((row, index) => indexes.set(row.key, index));
    return indexes;
  }, [rows]);

  const scrollToKey = useCallback(
    (key: TaskKey) => {
      const index = rowIndexOf.get(key);
      if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [rowIndexOf, virtualizer],
  );

  useEffect(() => {
    if (reveal === null) return;
    scrollToKey(reveal.key);
    // Done: the list changing later must not pull the view back to it.
    onRevealed(reveal);
  }, [reveal, scrollToKey, onRevealed]);
  // Back from a task's details (or after a removal), the cursor is on the list.
  useFocusTarget('list', scrollRef);
  const { handle } = props;
  useEffect(() => {
    if (handle === undefined) return;
    handle.current = { firstKey: () => keys[0] ?? null, focus: () => scrollRef.current?.focus() };
  });

  const selectedIndex = selectedKey === null ? -1 : keys.indexOf(selectedKey);
  const picked = selectedInOrder(selection, keys);

  function move(index: number, extend: boolean) {
    const key = keys[Math.max(0, Math.min(keys.length - 1, index))];
    if (key === undefined) return;
    onSelection(extend ? extendTo(selection, keys, key) : selectOnly(key));
    onSelect(key);
    scrollToKey(key);
  }

  function removePicked() {
    const targets =
      picked.length > 0 ? picked : selectedKey !== null && selectedIndex >= 0 ? [selectedKey] : [];
    if (targets.length > 0) onRemove(targets, nextAfterRemoval(keys, targets));
  }

  function onRowClick(key: TaskKey, modifiers: ClickModifiers) {
    if (modifiers.shiftKey) {
      onSelection(extendTo(selection, keys, key));
      onSelect(key);
    } else if (modifiers.ctrlKey || modifiers.metaKey) {
      const next = toggle(selection, key);
      onSelection(next);
      // Taking a task out leaves the cursor where it was; adding one moves it there.
      if (next.keys.has(key)) onSelect(key);
    } else {
      onSelection(selectOnly(key));
      onPick(key);
    }
  }

  // Rows are memoised: they get one click handler for the list's life, which reads the latest state.
  const rowClick = useRef(onRowClick);
  rowClick.current = onRowClick;
  const onRowClicked = useCallback(
    (key: TaskKey, modifiers: ClickModifiers) => rowClick.current(key, modifiers),
    [],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight || FALLBACK_RECT.height) / ESTIMATED_ROW_HEIGHT),
    );
    const extend = event.shiftKey;
    const moves: Record<string, () => void> = {
      ArrowDown: () => move(selectedIndex + 1, extend),
      ArrowUp: () => move(selectedIndex < 0 ? 0 : selectedIndex - 1, extend),
      Home: () => move(0, extend),
      End: () => move(keys.length - 1, extend),
      PageDown: () => move(selectedIndex + page, extend),
      PageUp: () => move(selectedIndex - page, extend),
      Enter: () => selectedKey !== null && selectedIndex >= 0 && onOpen(selectedKey),
      Delete: removePicked,
      // The key labelled "delete" on a Mac keyboard.
      Backspace: removePicked,
    };
    const selectsAll = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a';
    const action = selectsAll ? () => onSelection(selectAll(keys, selectedKey)) : moves[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  }

  /** Shift-click selects a range of rows, not the text between them. */
  function onMouseDown(event: MouseEvent<HTMLDivElement>) {
    if (event.shiftKey) event.preventDefault();
  }

  if (keys.length === 0) {
    return (
      <p className="task-list-empty">
        No task matches this filter{query.trim() !== '' ? ' and search' : ''}.
      </p>
    );
  }
  const items = virtualizer.getVirtualItems();
  const selectedRendered = items.some((item) => rows[item.index]?.key === selectedKey);
  return (
    <>
      {picked.length > 1 && (
        <SelectionBar
          keys={picked}
          onRemove={removePicked}
          onClear={() =>
            onSelection(selectedKey === null ? selectOnly(picked[0] as TaskKey) : selectOnly(selectedKey))
          }
        />
      )}
      <div className="task-list-frame">
        {held.waiting > 0 && (
          <NewEndingsPill
            count={held.waiting}
            onShow={() => {
              held.resort();
              virtualizer.scrollToOffset(0);
              // The pill goes away when pressed: the cursor goes to the list it sorted, not to the page.
              scrollRef.current?.focus({ preventScroll: true });
            }}
          />
        )}
        <div
          ref={scrollRef}
          className="task-list"
          role="listbox"
          aria-multiselectable="true"
          aria-label={`Watched tasks (${keys.length} shown)`}
          tabIndex={0}
          aria-activedescendant={selectedRendered ? optionId(selectedIndex) : undefined}
          onKeyDown={onKeyDown}
          onMouseDown={onMouseDown}
        >
          <div role="presentation" className="task-list-inner" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              if (row.type === 'header') {
                return (
                  <div
                    key={row.key}
                    ref={virtualizer.measureElement}
                    data-index={item.index}
                    className="task-group-header"
                    // The rows say their kind and dates themselves; the header is a visual aid.
                    aria-hidden="true"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    {row.title} <span className="count">({row.count})</span>
                  </div>
                );
              }
              return (
                <TaskRow
                  key={row.key}
                  taskKey={row.key}
                  id={optionId(row.position)}
                  index={row.position}
                  rowIndex={item.index}
                  setSize={keys.length}
                  top={item.start}
                  selected={picked.length > 0 ? selection.keys.has(row.key) : row.key === selectedKey}
                  highlighted={row.key === highlightKey}
                  query={query}
                  hold={hold}
                  measure={virtualizer.measureElement}
                  onSelect={onRowClicked}
                />
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}
