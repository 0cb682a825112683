import { Keyboard } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import { taskKey } from '../../shared/watchedTask';
import { Banners } from '../banners/Banners';
import { LazyInsightsView } from '../insights/LazyInsightsView';
import { NoticeToasts } from '../notices/NoticeToasts';
import { useNotices } from '../notices/useNotices';
import { SettingsView, type SettingsOpening } from '../settings/SettingsView';
import { matchesSearch, passesFilter, type TaskFilter } from '../tasks/taskCategory';
import type { RevealRequest } from '../tasks/TaskList';
import { kindChangeNotice, type KindChange } from '../tasks/kindChangeUndo';
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

type View = 'tasks' | 'settings' | 'insights';

interface RevealOptions {
  readonly highlight?: boolean;
  readonly focusDetail?: boolean;
}

/** The connected window: header, banners, the task or settings view, and the notices. */
export function AppShell() {
  const bridge = useBridge();
  const narrow = useNarrowWindow();
  useEscapeHidesWindow();
  const { notices, add: addNotice, dismiss } = useNotices(narrow);
  const [view, setView] = useState<View>('tasks');
  const [settingsOpening, setSettingsOpening] = useState<SettingsOpening>({ focus: 'heading', nonce: 0 });
  const [filter, setFilter] = useState<TaskFilter>('all');
  const [query, setQuery] = useState('');
  const [selectedKey, setSelectedKey] = useState<TaskKey | null>(null);
  const [highlightKey, setHighlightKey] = useState<TaskKey | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [listFocusRequest, setListFocusRequest] = useState(0);
  /** Narrow window only: the selected task's details are shown instead of the list. */
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [addRequest, setAddRequest] = useState(0);
  const revealCount = useRef(0);
  const detailHeadingRef = useRef<HTMLHeadingElement>(null);

  const revealRef = useRef<(key: TaskKey, options?: RevealOptions) => void>(() => undefined);
  const { connection, store, clock, dispatch, retry } = useAppConnection(bridge, {
    onNotice: addNotice,
    onShowTask: (key) => revealRef.current(key, { focusDetail: true }),
  });

  /** Selects a task and scrolls it into view, clearing a filter or search that would hide it. */
  const revealTask = (key: TaskKey, options: RevealOptions = {}) => {
    setView('tasks');
    setSelectedKey(key);
    setHighlightKey(options.highlight === true ? key : null);
    const task = store.get(key);
    if (task !== undefined && (!passesFilter(task, filter) || !matchesSearch(task, query))) {
      setFilter('all');
      setQuery('');
    }
    requestReveal(key);
    setDetailsOpen(options.focusDetail === true);
    if (options.focusDetail === true) setFocusRequest((n) => n + 1);
  };

  function requestReveal(key: TaskKey) {
    revealCount.current += 1;
    setReveal({ key, nonce: revealCount.current });
  }
  useEffect(() => {
    revealRef.current = revealTask;
  });

  useEffect(() => {
    if (focusRequest > 0) detailHeadingRef.current?.focus();
  }, [focusRequest]);

  useEffect(() => {
    // Back on the list, keyboard focus is on the list with the task that was open as its current row.
    if (listFocusRequest > 0) document.querySelector<HTMLElement>('[role="listbox"]')?.focus();
  }, [listFocusRequest]);

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
    search: () => {
      setView('tasks');
      setDetailsOpen(false);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('input[type="search"]')?.focus());
    },
    add: () => {
      setView('tasks');
      setAddRequest((n) => n + 1);
    },
    // Ctrl+, (Cmd+, on macOS) opens Settings, as in most desktop apps.
    settings: () => setView('settings'),
    openResult: () => onCurrentTask('openResult'),
    copyId: () => onCurrentTask('copyId'),
    checkNow: () => onCurrentTask('checkNow'),
    help: () => setHelpOpen(true),
  });

  const select = useCallback((key: TaskKey) => {
    setSelectedKey(key);
    setHighlightKey(null);
  }, []);

  /** A click on a row: select it; in a narrow window that also opens its details screen. */
  const pick = useCallback(
    (key: TaskKey) => {
      select(key);
      if (narrow) {
        setDetailsOpen(true);
        setFocusRequest((n) => n + 1);
      }
    },
    [select, narrow],
  );

  /** Enter on the list: to the selected task's details (its own screen in a narrow window). */
  function open() {
    if (narrow) setDetailsOpen(true);
    setFocusRequest((n) => n + 1);
  }

  function backToList() {
    setDetailsOpen(false);
    if (selectedKey !== null) requestReveal(selectedKey);
    setListFocusRequest((n) => n + 1);
  }

  function onAdded(task: WatchedTask, added: boolean) {
    // The answer can come before the taskChanged event; never overwrite a newer state with it.
    const key = taskKey(task.kind, task.taskId);
    if (store.get(key) === undefined) store.upsert(task);
    revealTask(key, { highlight: !added });
  }

  function onRemoved(key: TaskKey) {
    store.remove([key]);
    setSelectedKey((current) => (current === key ? null : current));
    setDetailsOpen(false);
    // The Remove button is gone with the task: keyboard focus goes back to the list, not to the page.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="listbox"]')?.focus());
  }

  /** A task re-keyed by a change of kind: the details follow it to its new key, with focus on them. */
  function onKindChanged(from: TaskKey, change: KindChange) {
    const { task } = change;
    const key = taskKey(task.kind, task.taskId);
    store.remove([from]);
    // A merged task took this one's label and mute: the answer is newer than what the list holds.
    store.upsert(task);
    setSelectedKey(key);
    setHighlightKey(null);
    requestReveal(key);
    setFocusRequest((n) => n + 1);
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
      <WindowContexts clock={clock} addNotice={addNotice} quickAction={quickAction}>
        <div className={status.settings.compactDensity ? 'app is-compact' : 'app'}>
          <header className="app-header">
            <h1>CAMB Watch</h1>
            <nav aria-label="Views" className="app-nav">
              <button
                type="button"
                aria-current={view === 'tasks' ? 'page' : undefined}
                onClick={() => setView('tasks')}
              >
                Tasks
              </button>
              <button
                type="button"
                aria-current={view === 'insights' ? 'page' : undefined}
                onClick={() => setView('insights')}
              >
                Insights
              </button>
              <button
                type="button"
                aria-current={view === 'settings' ? 'page' : undefined}
                aria-keyshortcuts="Control+Comma"
                onClick={() => setView('settings')}
              >
                Settings
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label="Keyboard shortcuts"
                aria-keyshortcuts="?"
                title="Keyboard shortcuts (?)"
                onClick={() => setHelpOpen(true)}
              >
                <Keyboard aria-hidden="true" size={18} />
              </button>
            </nav>
          </header>
          <main className="app-main">
            <Banners
              status={status}
              onOpenSettings={() => setView('settings')}
              onAddKey={() => {
                setSettingsOpening((previous) => ({ focus: 'apiKey', nonce: previous.nonce + 1 }));
                setView('settings');
              }}
              onResume={() => void bridge.setPollingPaused({ paused: false }).catch(() => undefined)}
              onDismissRecovery={() => dispatch({ type: 'dismissRecovery' })}
              onNotice={addNotice}
            />
            {view === 'insights' ? (
              <LazyInsightsView onClose={() => setView('tasks')} />
            ) : view === 'settings' ? (
              <SettingsView
                status={status}
                opening={settingsOpening}
                onClose={() => {
                  setSettingsOpening((previous) => ({ focus: 'heading', nonce: previous.nonce + 1 }));
                  setView('tasks');
                }}
              />
            ) : (
              <TasksView
                status={status}
                narrow={narrow}
                detailsOpen={detailsOpen}
                filter={filter}
                query={query}
                selectedKey={selectedKey}
                highlightKey={highlightKey}
                reveal={reveal}
                onRevealed={() => setReveal(null)}
                detailHeadingRef={detailHeadingRef}
                onFilter={setFilter}
                onQuery={setQuery}
                onSelect={select}
                onPick={pick}
                onOpen={open}
                onBack={backToList}
                onAdded={onAdded}
                onRemoved={onRemoved}
                onKindChanged={onKindChanged}
                addRequest={addRequest}
              />
            )}
          </main>
          <aside aria-label="Notices" className="toasts-region">
            <NoticeToasts
              notices={notices}
              onDismiss={dismiss}
              onShowTask={(key) => revealTask(key, { focusDetail: true })}
            />
          </aside>
          {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
        </div>
      </WindowContexts>
    </TaskStoreContext.Provider>
  );
}
