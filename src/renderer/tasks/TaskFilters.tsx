import { useRef } from 'react';
import type { ListGrouping, ListOrder } from '../../shared/taskOrder';
import { useFocusTarget } from '../state/focusRequest';
import { useTaskListVersion, useTaskStore } from '../state/useTaskStore';
import { ListViewOptions } from './ListViewOptions';
import { FILTER_TITLES, TASK_FILTERS, type TaskFilter } from '../state/taskCategory';

interface TaskFiltersProps {
  readonly filter: TaskFilter;
  readonly query: string;
  readonly order: ListOrder;
  readonly grouping: ListGrouping;
  readonly onFilter: (filter: TaskFilter) => void;
  readonly onQuery: (query: string) => void;
  readonly onOrder: (order: ListOrder) => void;
  readonly onGrouping: (grouping: ListGrouping) => void;
}

/**
 * All / Active / Finished / Failed / Succeeded with their counts, a search over what a row says (label,
 * id, kind, status, failure reason, run id), and how the list is sorted and grouped.
 */
export function TaskFilters(props: TaskFiltersProps) {
  const { filter, query, onFilter, onQuery } = props;
  const store = useTaskStore();
  useTaskListVersion();
  const counts = store.filterCounts();
  const searchRef = useRef<HTMLInputElement>(null);
  // Ctrl/Cmd+F puts the cursor in the search field.
  useFocusTarget('search', searchRef);
  return (
    <div className="task-filters">
      <div role="group" aria-label="Show tasks" className="segmented">
        {TASK_FILTERS.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={filter === name}
            className={filter === name ? 'is-active' : undefined}
            onClick={() => onFilter(name)}
          >
            {FILTER_TITLES[name]} <span className="count">({counts[name]})</span>
          </button>
        ))}
      </div>
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label="Search tasks by label, id, kind, status, failure reason or run id"
        placeholder="Search name, id, status, run id"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
      />
      <ListViewOptions
        order={props.order}
        grouping={props.grouping}
        onOrder={props.onOrder}
        onGrouping={props.onGrouping}
      />
    </div>
  );
}
