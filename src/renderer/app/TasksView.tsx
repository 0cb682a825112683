import type { RefObject } from 'react';
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import { AddTaskForm } from '../tasks/AddTaskForm';
import { CheckAllButton } from '../tasks/CheckAllButton';
import { EmptyState } from '../tasks/EmptyState';
import type { TaskFilter } from '../tasks/taskCategory';
import { TaskDetail } from '../tasks/TaskDetail';
import { TaskFilters } from '../tasks/TaskFilters';
import { TaskList, type RevealRequest } from '../tasks/TaskList';
import type { AppStatus } from './appStatus';
import { useTaskListVersion, useTaskStore } from './useTaskStore';

export interface TasksViewProps {
  readonly status: AppStatus;
  readonly filter: TaskFilter;
  readonly query: string;
  readonly selectedKey: TaskKey | null;
  readonly highlightKey: TaskKey | null;
  readonly reveal: RevealRequest | null;
  readonly onRevealed: () => void;
  readonly detailHeadingRef: RefObject<HTMLHeadingElement | null>;
  readonly onFilter: (filter: TaskFilter) => void;
  readonly onQuery: (query: string) => void;
  readonly onSelect: (key: TaskKey) => void;
  readonly onOpen: (key: TaskKey) => void;
  readonly onAdded: (task: WatchedTask, added: boolean) => void;
  readonly onRemoved: (key: TaskKey) => void;
}

/** The watch list beside the selected task's details (stacked in a narrow window). */
export function TasksView(props: TasksViewProps) {
  const { status, selectedKey, detailHeadingRef } = props;
  const store = useTaskStore();
  useTaskListVersion();
  return (
    <div className="tasks-view">
      <div className="list-pane">
        <AddTaskForm onAdded={props.onAdded} />
        {store.size === 0 ? (
          <EmptyState />
        ) : (
          <section className="watch-list" aria-labelledby="watch-list-title">
            <div className="view-header">
              <h2 id="watch-list-title">Watch list</h2>
              <CheckAllButton />
            </div>
            <TaskFilters
              filter={props.filter}
              query={props.query}
              onFilter={props.onFilter}
              onQuery={props.onQuery}
            />
            <TaskList
              filter={props.filter}
              query={props.query}
              selectedKey={selectedKey}
              highlightKey={props.highlightKey}
              reveal={props.reveal}
              onRevealed={props.onRevealed}
              onSelect={props.onSelect}
              onOpen={props.onOpen}
            />
          </section>
        )}
      </div>
      <div className="detail-pane">
        {selectedKey !== null ? (
          <TaskDetail
            taskKey={selectedKey}
            downloads={status.downloads.get(selectedKey)}
            onRemoved={props.onRemoved}
            headingRef={detailHeadingRef}
          />
        ) : (
          store.size > 0 && <p className="muted-text detail-placeholder">Select a task to see its details.</p>
        )}
      </div>
    </div>
  );
}
