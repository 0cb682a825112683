import { useRef, type KeyboardEvent } from 'react';
import type { ListGrouping, ListOrder } from '../../shared/taskOrder';
import { useFocusTarget } from '../state/focusRequest';
import { useTaskListVersion, useTaskStore } from '../state/useTaskStore';
import { ListViewOptions } from './ListViewOptions';
import { MarkAllSeenButton } from './MarkAllSeenButton';
import { FILTER_TITLES, TASK_FILTERS, type TaskFilter } from '../state/taskCategory';

interface TaskFiltersProps {
  readonly filter: TaskFilter;
  readonly query: string;
  readonly order: ListOrder;
  readonly grouping: ListGrouping;
  readonly compact: boolean;
  readonly onFilter: (filter: TaskFilter) => void;
  readonly onQuery: (query: string) => void;
  readonly onOrder: (order: ListOrder) => void;
  readonly onGrouping: (grouping: ListGrouping) => void;
  readonly onCompact: (compact: boolean) => void;
  /** ↓ in the search field: into the results. */
  readonly onIntoResults: () => void;
  /** Enter in the search field: the first match's details. */
  readonly onOpenFirst: () => void;
  /** Escape in the search field: the search is cleared (by the caller) and the cursor goes back to the list. */
  readonly onLeaveSearch: () => void;
}

/** "1,001" is "1K" where room is short: the menu shows the size, the list says the exact count. */
const compactCount = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/**
 * The list's one toolbar line: a search over what a row says (label, id, kind, status, failure reason, run
 * id), which tasks to show (All / Active / Finished / Failed / Succeeded with their counts, one control:
 * one Tab stop, the arrow keys or 1–5 change it), the View menu, and Mark all seen once something ended.
 */
export function TaskFilters(props: TaskFiltersProps) {
  const { filter, query, onFilter, onQuery } = props;
  const store = useTaskStore();
  useTaskListVersion();
  const counts = store.filterCounts();
  const searchRef = useRef<HTMLInputElement>(null);
  // Ctrl/Cmd+F puts the cursor in the search field.
  useFocusTarget('search', searchRef);

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    const keys: Record<string, () => void> = {
      ArrowDown: props.onIntoResults,
      Enter: props.onOpenFirst,
      Escape: () => {
        onQuery('');
        props.onLeaveSearch();
      },
    };
    const action = keys[event.key];
    if (action === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Taken here: Escape must not also put the window away, Enter must not submit anything else.
    event.preventDefault();
    action();
  }

  return (
    <div className="task-filters">
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label="Search tasks by label, id, kind, status, failure reason or run id"
        aria-keyshortcuts="/ Control+F"
        placeholder="Search"
        title="Search name, id, status, reason or run id (↓ to the results, Enter opens the first)"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onSearchKey}
      />
      <select
        className="filter-select"
        aria-label="Show tasks"
        aria-keyshortcuts="1 2 3 4 5"
        title="Which tasks to show (keys 1–5)"
        value={filter}
        onChange={(event) => onFilter(event.target.value as TaskFilter)}
      >
        {TASK_FILTERS.map((name) => (
          <option key={name} value={name}>
            {FILTER_TITLES[name]} ({compactCount.format(counts[name])})
          </option>
        ))}
      </select>
      <ListViewOptions
        order={props.order}
        grouping={props.grouping}
        compact={props.compact}
        onOrder={props.onOrder}
        onGrouping={props.onGrouping}
        onCompact={props.onCompact}
      />
      <MarkAllSeenButton />
    </div>
  );
}
