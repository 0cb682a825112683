/**
 * Where the person is in the window: which view is open, the task the list and the details are on, the
 * list's filter and search, the details screen of a small window, the shortcuts dialog — and the two
 * one-shot requests a change of place makes: scroll a row into view, and move keyboard focus somewhere.
 * A pure reducer, so every way through the window is a transition a unit test can walk.
 *
 * Requests are objects: a new one is a new object (effects that carry them out depend on it), and the
 * component that carried one out says so (`revealed`, `focused`), so a view drawn again later does not
 * repeat it.
 */
import type { TaskKey, WatchedTask } from '../../shared/watchedTask';
import { matchesSearch, passesFilter, type TaskFilter } from './taskCategory';

export type View = 'tasks' | 'settings' | 'insights';

/** The elements navigation moves keyboard focus to (each owned by the component that draws it). */
export type FocusTarget =
  'detailHeading' | 'list' | 'emptyState' | 'search' | 'addForm' | 'settingsHeading' | 'settingsApiKey';

export interface FocusRequest {
  readonly target: FocusTarget;
}

/** Scroll this task's row into view (once: the list changing later must not pull the view back). */
export interface RevealRequest {
  readonly key: TaskKey;
}

export interface NavigationState {
  readonly view: View;
  readonly filter: TaskFilter;
  readonly query: string;
  /** The list's current row, whose details are shown. */
  readonly selectedKey: TaskKey | null;
  /** A task the add form found already watched: its row is marked. */
  readonly highlightKey: TaskKey | null;
  /** Small window only: the selected task's details are shown instead of the list. */
  readonly detailsOpen: boolean;
  /** The keyboard shortcuts dialog. */
  readonly helpOpen: boolean;
  readonly reveal: RevealRequest | null;
  readonly focus: FocusRequest | null;
}

export const INITIAL_NAVIGATION: NavigationState = {
  view: 'tasks',
  filter: 'all',
  query: '',
  selectedKey: null,
  highlightKey: null,
  detailsOpen: false,
  helpOpen: false,
  reveal: null,
  focus: null,
};

export type NavigationAction =
  /** A header button, a banner's link, Escape in Settings or Insights, Ctrl+,. */
  | { readonly type: 'showView'; readonly view: View }
  /** "Add API key": Settings with the cursor in the key field. */
  | { readonly type: 'addApiKey' }
  /**
   * Go to a task (a notification, a notice's "Show", a task just added): select it, scroll to it, and
   * clear a filter or search that hides it. `task` is the task as the list holds it (undefined if not
   * yet), to tell whether the filter hides it.
   */
  | {
      readonly type: 'revealTask';
      readonly key: TaskKey;
      readonly task: WatchedTask | undefined;
      readonly highlight?: boolean;
      /** Open its details with the cursor on them (its own screen in a small window). */
      readonly focusDetail?: boolean;
    }
  /** The list's cursor moved (arrows, a click in a wide window). */
  | { readonly type: 'select'; readonly key: TaskKey }
  /** A click on a row: in a small window it also opens the details screen. */
  | { readonly type: 'pick'; readonly key: TaskKey; readonly narrow: boolean }
  /** Enter on the list: to the selected task's details. */
  | { readonly type: 'openDetails'; readonly narrow: boolean }
  /** Back (or Escape) from the details screen to the list, on the row that was open. */
  | { readonly type: 'backToList' }
  /** The task was removed: nothing is selected if it was, and focus goes back to the list. */
  | { readonly type: 'removed'; readonly key: TaskKey }
  /** The open task is watched as another kind now, under a new key: the details follow it. */
  | { readonly type: 'rekeyed'; readonly key: TaskKey }
  | { readonly type: 'filter'; readonly filter: TaskFilter }
  | { readonly type: 'query'; readonly query: string }
  /** Ctrl+F: the search field of the list. */
  | { readonly type: 'search' }
  /** Ctrl+N: the add form's id field. */
  | { readonly type: 'addTask' }
  | { readonly type: 'help'; readonly open: boolean }
  /** Focus moves to `target` (e.g. the add form opened by its button). */
  | { readonly type: 'focus'; readonly target: FocusTarget }
  | { readonly type: 'revealed'; readonly request: RevealRequest }
  | { readonly type: 'focused'; readonly request: FocusRequest };

const focusOn = (target: FocusTarget): FocusRequest => ({ target });

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'showView':
      if (action.view === state.view) return state;
      // Settings opens with the cursor on its heading, so a screen reader starts reading there.
      return {
        ...state,
        view: action.view,
        focus: action.view === 'settings' ? focusOn('settingsHeading') : state.focus,
      };
    case 'addApiKey':
      return { ...state, view: 'settings', focus: focusOn('settingsApiKey') };
    case 'revealTask': {
      const { key, task } = action;
      const hidden =
        task !== undefined && (!passesFilter(task, state.filter) || !matchesSearch(task, state.query));
      const focusDetail = action.focusDetail === true;
      return {
        ...state,
        view: 'tasks',
        selectedKey: key,
        highlightKey: action.highlight === true ? key : null,
        ...(hidden ? { filter: 'all', query: '' } : {}),
        reveal: { key },
        detailsOpen: focusDetail,
        focus: focusDetail ? focusOn('detailHeading') : state.focus,
      };
    }
    case 'select':
      return { ...state, selectedKey: action.key, highlightKey: null };
    case 'pick':
      return action.narrow
        ? {
            ...state,
            selectedKey: action.key,
            highlightKey: null,
            detailsOpen: true,
            focus: focusOn('detailHeading'),
          }
        : { ...state, selectedKey: action.key, highlightKey: null };
    case 'openDetails':
      return { ...state, detailsOpen: action.narrow || state.detailsOpen, focus: focusOn('detailHeading') };
    case 'backToList':
      return {
        ...state,
        detailsOpen: false,
        reveal: state.selectedKey === null ? state.reveal : { key: state.selectedKey },
        focus: focusOn('list'),
      };
    case 'removed':
      // The Remove button is gone with the task: keyboard focus goes back to the list, not to the page.
      return {
        ...state,
        selectedKey: state.selectedKey === action.key ? null : state.selectedKey,
        detailsOpen: false,
        focus: focusOn('list'),
      };
    case 'rekeyed':
      return {
        ...state,
        selectedKey: action.key,
        highlightKey: null,
        reveal: { key: action.key },
        focus: focusOn('detailHeading'),
      };
    case 'filter':
      return { ...state, filter: action.filter };
    case 'query':
      return { ...state, query: action.query };
    case 'search':
      return { ...state, view: 'tasks', detailsOpen: false, focus: focusOn('search') };
    case 'addTask':
      return { ...state, view: 'tasks', focus: focusOn('addForm') };
    case 'help':
      return { ...state, helpOpen: action.open };
    case 'focus':
      return { ...state, focus: focusOn(action.target) };
    case 'revealed':
      return state.reveal === action.request ? { ...state, reveal: null } : state;
    case 'focused':
      return state.focus === action.request ? { ...state, focus: null } : state;
  }
}
