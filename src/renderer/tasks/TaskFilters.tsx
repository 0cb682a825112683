import { useTaskListVersion, useTaskStore } from '../app/useTaskStore';
import { FILTER_TITLES, TASK_FILTERS, type TaskFilter } from './taskCategory';

interface TaskFiltersProps {
  readonly filter: TaskFilter;
  readonly query: string;
  readonly onFilter: (filter: TaskFilter) => void;
  readonly onQuery: (query: string) => void;
}

/** All / Active / Finished / Failed with their counts, and a search over label, id and kind. */
export function TaskFilters({ filter, query, onFilter, onQuery }: TaskFiltersProps) {
  const store = useTaskStore();
  useTaskListVersion();
  const counts = store.filterCounts();
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
        type="search"
        className="search"
        aria-label="Search tasks by label, id or kind"
        placeholder="Search label, id or kind"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
      />
    </div>
  );
}
