import './app.css';
import { Keyboard } from 'lucide-react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import { taskKey } from '../../shared/watchedTask';
import { Banners } from '../banners/Banners';
import { LazyInsightsView } from '../insights/LazyInsightsView';
import { NoticeToasts } from '../notices/NoticeToasts';
import { useNotices } from '../notices/useNotices';
import { SettingsView } from '../settings/SettingsView';
import { FocusRequestContext, type FocusRequests } from '../state/focusRequest';
import { INITIAL_NAVIGATION, navigate, type RevealRequest, type View } from '../state/navigation';
import { kindChangeNotice, type KindChange } from '../tasks/kindChangeUndo';
import { TASK_FILTERS } from '../state/taskCategory';
import { useBridge } from '../state/bridgeContext';
import { WindowContexts } from './WindowContexts';
import { TaskStoreContext } from '../state/useTaskStore';
import { TasksView } from './TasksView';
import { useAppConnection } from '../state/useAppConnection';
import { useEscapeHidesWindow } from './useEscapeHidesWindow';
import { useNarrowWindow } from './useNarrowWindow';
import { ShortcutsDialog } from '../keyboard/ShortcutsDialog';
import { useKeyboardShortcuts } from '../keyboard/useKeyboardShortcuts';
import { runQuickAction, type QuickAction, type QuickActionRunner } from '../tasks/quickActions';
import { useUndoShortcut } from '../tasks/useUndoShortcut';
import { NOTICE_TOPIC_FILTER } from '../notices/noticeTopicFilter';

interface RevealOptions {
  readonly highlight?: boolean;
  readonly focusDetail?: boolean;
}

/** The connected window: header, banners, the task or settings view, and the notices. */
export function AppShell() {
  const bridge = useBridge();
  const narrow = useNarrowWindow();
  useEscapeHidesWindow();
  const { notices, add: addNotice, dismiss, undoLast } = useNotices(narrow);
  useUndoShortcut(undoLast);
  const [nav, go] = useReducer(navigate, INITIAL_NAVIGATION);
  const { view, selectedKey } = nav;
  // The title bar's place for the tasks view's own buttons (Add task, Check all now).
  const [titleBarSlot, setTitleBarSlot] = useState<HTMLDivElement | null>(null);

  const revealRef = useRef<(key: TaskKey, options?: RevealOptions) => void>(() => undefined);
  const { connection, store, clock, dispatch, retry } = useAppConnection(bridge, {
    onNotice: addNotice,
    onShowTask: (key) => revealRef.current(key, { focusDetail: true }),
  });

  /** Selects a task and scrolls it into view, clearing a filter or search that would hide it. */
  const revealTask = useCallback(
    (key: TaskKey, options: RevealOptions = {}) =>
      go({ type: 'revealTask', key, task: store.get(key), ...options }),
    [store],
  );
  useEffect(() => {
    revealRef.current = revealTask;
  }, [revealTask]);

  const focusRequests = useMemo<FocusRequests>(
    () => ({
      request: nav.focus,
      focusOn: (target) => go({ type: 'focus', target }),
      focused: (request) => go({ type: 'focused', request }),
    }),
    [nav.focus],
  );
  useEffect(() => {
    // The components that draw each target took their request first (a child's effects run before its
    // parent's); one still here has no element drawn to take it and is dropped — except the add form,
    // which the tasks view opens on this request and which takes it when it appears.
    if (nav.focus !== null && nav.focus.target !== 'addForm') go({ type: 'focused', request: nav.focus });
  }, [nav.focus]);

  const quickAction = useCallback<QuickActionRunner>(
    (action, key) => {
      const task = store.get(key);
      if (task !== undefined) void runQuickAction(action, task, bridge).then(addNotice);
    },
    [store, bridge, addNotice],
  );

  /** O, C and R: act on the task the list or the details are on. */
  function onCurrentTask(action: QuickAction) {
    if (view !== 'tasks') return;
    if (selectedKey === null) {
      addNotice({
        level: 'info',
        text: 'Select a task first: click it, or use ↑ and ↓ in the list.',
        key: null,
      });
      return;
    }
    quickAction(action, selectedKey);
  }

  useKeyboardShortcuts({
    search: () => go({ type: 'search' }),
    add: () => go({ type: 'addTask' }),
    // Ctrl+, (Cmd+, on macOS) opens Settings, as in most desktop apps.
    settings: () => go({ type: 'showView', view: 'settings' }),
    openResult: () => onCurrentTask('openResult'),
    copyId: () => onCurrentTask('copyId'),
    checkNow: () => onCurrentTask('checkNow'),
    help: () => go({ type: 'help', open: true }),
    // 1–5: All, Active, Finished, Failed, Succeeded.
    showFilter: (key) => {
      const filter = TASK_FILTERS[Number(key) - 1];
      if (view === 'tasks' && filter !== undefined) go({ type: 'filter', filter });
    },
  });

  const select = useCallback((key: TaskKey) => go({ type: 'select', key }), []);
  /** A click on a row: select it; in a narrow window that also opens its details screen. */
  const pick = useCallback((key: TaskKey) => go({ type: 'pick', key, narrow }), [narrow]);
  const onRevealed = useCallback((request: RevealRequest) => go({ type: 'revealed', request }), []);
  const showView = (next: View) => go({ type: 'showView', view: next });

  function onAdded(task: WatchedTask, added: boolean) {
    // The answer can come before the taskChanged event; never overwrite a newer state with it.
    const key = taskKey(task.kind, task.taskId);
    if (store.get(key) === undefined) store.upsert(task);
    revealTask(key, { highlight: !added });
  }

  function onRemoved(key: TaskKey) {
    store.remove([key]);
    go({ type: 'removed', key });
  }

  /** A task re-keyed by a change of kind: the details follow it to its new key, with focus on them. */
  function onKindChanged(from: TaskKey, change: KindChange) {
    const { task } = change;
    const key = taskKey(task.kind, task.taskId);
    store.remove([from]);
    // A merged task took this one's label and mute: the answer is newer than what the list holds.
    store.upsert(task);
    go({ type: 'rekeyed', key });
    addNotice(kindChangeNotice(change, bridge, addNotice));
  }

  if (connection.phase !== 'ready') {
    return (
      <main className="app-loading">
        <h1>CAMB Watch</h1>
        {connection.phase === 'loading' ? (
          <p role="status">Loading your watch list…</p>
        ) : (
          <div role="alert">
            <p>CAMB Watch could not load the watch list: {connection.message}</p>
            <button type="button" onClick={retry}>
              Try again
            </button>
          </div>
        )}
      </main>
    );
  }

  const { status } = connection;
  return (
    <TaskStoreContext.Provider value={store}>
      <FocusRequestContext.Provider value={focusRequests}>
        <WindowContexts
          clock={clock}
          addNotice={addNotice}
          quickAction={quickAction}
          onKindChanged={onKindChanged}
        >
          <div className={status.settings.compactDensity ? 'app is-compact' : 'app'}>
            <header className="app-header">
              <h1>CAMB Watch</h1>
              <div ref={setTitleBarSlot} className="title-bar-tools" />
              <nav aria-label="Views" className="app-nav">
                <button
                  type="button"
                  aria-current={view === 'tasks' ? 'page' : undefined}
                  onClick={() => showView('tasks')}
                >
                  Tasks
                </button>
                <button
                  type="button"
                  aria-current={view === 'insights' ? 'page' : undefined}
                  onClick={() => showView('insights')}
                >
                  Insights
                </button>
                <button
                  type="button"
                  aria-current={view === 'settings' ? 'page' : undefined}
                  aria-keyshortcuts="Control+Comma"
                  onClick={() => showView('settings')}
                >
                  Settings
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Keyboard shortcuts"
                  aria-keyshortcuts="?"
                  title="Keyboard shortcuts (?)"
                  onClick={() => go({ type: 'help', open: true })}
                >
                  <Keyboard aria-hidden="true" size={18} />
                </button>
              </nav>
            </header>
            <main className="app-main">
              <Banners
                status={status}
                onAddKey={() => go({ type: 'addApiKey' })}
                onResume={() => void bridge.setPollingPaused({ paused: false }).catch(() => undefined)}
                onDismissRecovery={() => dispatch({ type: 'dismissRecovery' })}
                onNotice={addNotice}
              />
              {view === 'insights' ? (
                <LazyInsightsView onClose={() => showView('tasks')} />
              ) : view === 'settings' ? (
                <SettingsView status={status} narrow={narrow} onClose={() => showView('tasks')} />
              ) : (
                <TasksView
                  status={status}
                  narrow={narrow}
                  detailsOpen={nav.detailsOpen}
                  filter={nav.filter}
                  query={nav.query}
                  selectedKey={selectedKey}
                  highlightKey={nav.highlightKey}
                  reveal={nav.reveal}
                  onRevealed={onRevealed}
                  onFilter={(filter) => go({ type: 'filter', filter })}
                  onQuery={(query) => go({ type: 'query', query })}
                  onSelect={select}
                  onPick={pick}
                  onOpen={() => go({ type: 'openDetails', narrow })}
                  onBack={() => go({ type: 'backToList' })}
                  onAdded={onAdded}
                  onRemoved={onRemoved}
                  onKindChanged={onKindChanged}
                  titleBarSlot={titleBarSlot}
                />
              )}
            </main>
            <aside aria-label="Notices" className="toasts-region">
              <NoticeToasts
                notices={notices}
                onDismiss={dismiss}
                onShowTask={(key) => revealTask(key, { focusDetail: true })}
                onShowTasks={(keys, topic) => {
                  // The list filtered to what the notice told of, the first of them under the cursor.
                  go({ type: 'filter', filter: NOTICE_TOPIC_FILTER[topic] });
                  const [first] = keys;
                  if (first !== undefined) revealTask(first);
                  go({ type: 'focus', target: 'list' });
                }}
              />
            </aside>
            {nav.helpOpen && <ShortcutsDialog onClose={() => go({ type: 'help', open: false })} />}
          </div>
        </WindowContexts>
      </FocusRequestContext.Provider>
    </TaskStoreContext.Provider>
  );
}
