import './tasksView.css';
import { ArrowLeft, Plus } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import { AddTaskForm, type PastedId } from '../tasks/AddTaskForm';
import { CheckAllButton } from '../tasks/CheckAllButton';
import { EmptyState } from '../tasks/EmptyState';
import { pollingHold } from '../tasks/pollingHold';
import { RowQuickActions } from '../tasks/RowQuickActions';
import type { TaskFilter } from '../state/taskCategory';
import { TaskDetail } from '../tasks/TaskDetail';
import type { KindChanged } from '../tasks/TaskKindControl';
import { TaskFilters } from '../tasks/TaskFilters';
import { TaskList, type ListHandle } from '../tasks/TaskList';
import type { HeldArrangement } from '../tasks/heldOrder';
import { useFocusRequests, useFocusTarget } from '../state/focusRequest';
import type { FocusRequest, RevealRequest } from '../state/navigation';
import { NO_SELECTION, selectOnly, type ListSelection } from '../tasks/listSelection';
import { useRemoveWithUndo } from '../tasks/removeWithUndo';
import { RemovalConfirm, type PendingRemoval } from '../tasks/RemovalConfirm';
import { removalQuestion } from '../tasks/removalQuestion';
import { useMarkSeenWhenShown } from '../tasks/useMarkSeenWhenShown';
import type { AppStatus } from '../state/appStatus';
import { useBridge } from '../state/bridgeContext';
import { DoNotDisturbIndicator } from '../settings/DoNotDisturbIndicator';
import { useExpectedFinish } from '../estimates/useEstimate';
import { usePasteOutsideFields } from './usePasteOutsideFields';
import { useTaskListVersion, useTaskStore } from '../state/useTaskStore';

export interface TasksViewProps {
  readonly status: AppStatus;
  /** A narrow window (a tray popover): the list and the details are two screens. */
  readonly narrow: boolean;
  /** In a narrow window: the details screen is shown instead of the list. */
  readonly detailsOpen: boolean;
  readonly filter: TaskFilter;
  readonly query: string;
  readonly selectedKey: TaskKey | null;
  readonly highlightKey: TaskKey | null;
  readonly reveal: RevealRequest | null;
  readonly onRevealed: (request: RevealRequest) => void;
  readonly onFilter: (filter: TaskFilter) => void;
  readonly onQuery: (query: string) => void;
  readonly onSelect: (key: TaskKey) => void;
  readonly onPick: (key: TaskKey) => void;
  readonly onOpen: (key: TaskKey) => void;
  /** Back from the details screen to the list (narrow window). */
  readonly onBack: () => void;
  readonly onAdded: (task: WatchedTask, added: boolean) => void;
  readonly onRemoved: (key: TaskKey) => void;
  /** The open task is watched as another kind now, under a new key. */
  readonly onKindChanged?: KindChanged;
  /** Where the title bar holds the view's own buttons (Add task, Check all now), once it is drawn. */
  readonly titleBarSlot?: HTMLElement | null;
}

/**
 * The watch list beside the selected task's details; in a narrow window, one or the other with a way
 * back. The add form folds away behind "Add task" (always in a narrow window), and pasting an id or a
 * create-call answer anywhere outside a text field opens it filled.
 */
export function TasksView(props: TasksViewProps) {
  const { status, narrow, selectedKey } = props;
  const store = useTaskStore();
  useTaskListVersion();
  const empty = store.size === 0;
  const [addOpen, setAddOpen] = useState(!narrow);
  const [pasted, setPasted] = useState<PastedId | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const detailHeadingRef = useRef<HTMLHeadingElement>(null);
  useFocusTarget('detailHeading', detailHeadingRef);
  const { request: focusRequest, focusOn } = useFocusRequests();
  // Ctrl/Cmd+N asks for the add form's id field: the form opens, and takes the cursor on appearing.
  const [addAsked, setAddAsked] = useState<FocusRequest | null>(null);
  if (focusRequest?.target === 'addForm' && focusRequest !== addAsked) {
    setAddAsked(focusRequest);
    setAddOpen(true);
  }
  const showAddForm = addOpen || empty;
  const showDetails = narrow && props.detailsOpen && selectedKey !== null;
  const bridge = useBridge();
  const { remove } = useRemoveWithUndo();
  const [selection, setSelection] = useState<ListSelection>(NO_SELECTION);
  // Opening a task's details is looking at it: an unseen ending becomes seen.
  useMarkSeenWhenShown(showDetails || !narrow ? selectedKey : null);

  // The cursor moved by other means (a notification, a new task): the selection follows it. Only a move:
  // a row Ctrl-clicked out of the selection stays out while the cursor stays on it.
  const [followedKey, setFollowedKey] = useState<TaskKey | null>(null);
  if (selectedKey !== followedKey) {
    setFollowedKey(selectedKey);
    if (selectedKey !== null && !selection.keys.has(selectedKey)) setSelection(selectOnly(selectedKey));
  }

  // A removal that asks first (many tasks, or unseen endings) waits here for the answer.
  const [pendingRemoval, setPendingRemoval] = useState<PendingRemoval | null>(null);

  async function removeNow(keys: readonly TaskKey[], next: TaskKey | null) {
    const gone = await remove(keys);
    if (gone.length === 0) return;
    if (selectedKey !== null && gone.includes(selectedKey)) props.onRemoved(selectedKey);
    if (next !== null) props.onSelect(next);
    setSelection(next === null ? NO_SELECTION : selectOnly(next));
    // The Remove button may be gone with the selection bar: the cursor is on the next row, in the list;
    // with nothing left, on what takes the list's place (not in the add form: Ctrl+Z must still undo).
    focusOn(store.size === 0 ? 'emptyState' : 'list');
  }

  function removeTasks(keys: readonly TaskKey[], next: TaskKey | null) {
    const tasks = keys.flatMap((key) => store.get(key) ?? []);
    const question = removalQuestion(tasks);
    if (question === null) void removeNow(keys, next);
    else setPendingRemoval({ keys, next, question });
  }

  const { listOrder, listGrouping, compactDensity } = status.settings;
  const expectedFinish = useExpectedFinish();
  const changeView = (changes: {
    listOrder?: typeof listOrder;
    listGrouping?: typeof listGrouping;
    compactDensity?: boolean;
  }) => void bridge.updateSettings(changes).catch(() => undefined);

  // ↓ and Enter in the search field reach into the list: its first match, then the keyboard is there.
  const listHandle = useRef<ListHandle | null>(null);
  // The list's held order outlives the list while a small window shows a task's details instead.
  const [heldList, setHeldList] = useState<HeldArrangement | null>(null);
  function intoResults(open: boolean) {
    const first = listHandle.current?.firstKey() ?? null;
    if (first === null) return;
    props.onSelect(first);
    if (open) props.onOpen(first);
    else listHandle.current?.focus();
  }

  usePasteOutsideFields((text) => {
    setAddOpen(true);
    setPasted({ text });
  });

  const foldRequested = useRef(false);
  useEffect(() => {
    if (!foldRequested.current || showAddForm) return;
    foldRequested.current = false;
    addButtonRef.current?.focus();
  });

  function fold() {
    foldRequested.current = true;
    setPasted(null);
    setAddOpen(false);
  }

  function onAdded(task: WatchedTask, added: boolean) {
    // In a small window the form gives its room back once the task is in the list.
    if (added && narrow) fold();
    props.onAdded(task, added);
  }

  // Escape on the details screen goes back to the list, wherever focus is, unless a dialog or an
  // inline form inside took the key for itself (they prevent it or stop it on the way).
  const onBack = useRef(props.onBack);
  useEffect(() => {
    onBack.current = props.onBack;
  });
  useEffect(() => {
    if (!showDetails) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onBack.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [showDetails]);

  const hold = pollingHold(status.state);
  // The title bar holds the view's two buttons: the list's header is one line of tools.
  const titleBarButtons = (
    <>
      {!showAddForm && (
        <button
          ref={addButtonRef}
          type="button"
          className="icon-button add-task-open"
          aria-label="Add task"
          aria-expanded={false}
          aria-keyshortcuts="Control+N Control+V"
          title="Add task (Ctrl+N, or paste an id)"
          onClick={() => {
            setAddOpen(true);
            focusOn('addForm');
          }}
        >
          <Plus aria-hidden="true" size={18} />
        </button>
      )}
      {!empty && <CheckAllButton />}
    </>
  );
  return (
    <div className={`tasks-view ${narrow ? 'is-narrow' : 'is-wide'}`}>
      {props.titleBarSlot != null && createPortal(titleBarButtons, props.titleBarSlot)}
      {showAddForm && (
        <div className="tasks-add">
          <AddTaskForm onAdded={onAdded} onClose={empty ? undefined : fold} pasted={pasted} />
        </div>
      )}
      <div className="tasks-panes">
        {!showDetails && (
          <div className="list-pane">
            {empty ? (
              <EmptyState />
            ) : (
              <section className="watch-list" aria-labelledby="watch-list-title">
                {/* For screen readers' headings list; the title bar and the tools say it to the eye. */}
                <h2 id="watch-list-title" className="watch-list-title">
                  Watch list
                </h2>
                <DoNotDisturbIndicator until={status.settings.doNotDisturbUntil} />
                <TaskFilters
                  filter={props.filter}
                  query={props.query}
                  order={listOrder}
                  grouping={listGrouping}
                  compact={compactDensity}
                  onFilter={props.onFilter}
                  onQuery={props.onQuery}
                  onOrder={(order) => changeView({ listOrder: order })}
                  onGrouping={(grouping) => changeView({ listGrouping: grouping })}
                  onCompact={(compact) => changeView({ compactDensity: compact })}
                  onIntoResults={() => intoResults(false)}
                  onOpenFirst={() => intoResults(true)}
                  onLeaveSearch={() => focusOn('list')}
                />
                <TaskList
                  filter={props.filter}
                  query={props.query}
                  order={listOrder}
                  grouping={listGrouping}
                  expectedFinish={expectedFinish}
                  selectedKey={selectedKey}
                  selection={selection}
                  onSelection={setSelection}
                  onRemove={removeTasks}
                  highlightKey={props.highlightKey}
                  reveal={props.reveal}
                  hold={hold}
                  onRevealed={props.onRevealed}
                  onSelect={props.onSelect}
                  onPick={props.onPick}
                  onOpen={props.onOpen}
                  handle={listHandle}
                  held={heldList}
                  onHold={setHeldList}
                />
                <RowQuickActions selectedKey={selectedKey} />
                {status.state.budgetNotice !== null && (
                  <p
                    className="muted-text budget-notice"
                    data-testid="budget-notice"
                    title={status.state.budgetNotice}
                  >
                    {status.state.budgetNotice}
                  </p>
                )}
                {pendingRemoval !== null && (
                  <RemovalConfirm
                    pending={pendingRemoval}
                    onAnswer={(confirmed) => {
                      setPendingRemoval(null);
                      if (confirmed) void removeNow(pendingRemoval.keys, pendingRemoval.next);
                    }}
                  />
                )}
              </section>
            )}
          </div>
        )}
        {(showDetails || !narrow) && (
          <div className="detail-pane">
            {showDetails && (
              <button type="button" className="back-button" onClick={props.onBack}>
                <ArrowLeft aria-hidden="true" size={16} /> Back to the list
              </button>
            )}
            {selectedKey !== null ? (
              <TaskDetail
                taskKey={selectedKey}
                downloads={status.downloads.get(selectedKey)}
                onRemoved={props.onRemoved}
                headingRef={detailHeadingRef}
                {...(props.onKindChanged === undefined ? {} : { onKindChanged: props.onKindChanged })}
              />
            ) : (
              !empty && <p className="muted-text detail-placeholder">Select a task to see its details.</p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
