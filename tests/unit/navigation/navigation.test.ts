import { describe, expect, it } from 'vitest';
import {
  INITIAL_NAVIGATION,
  navigate,
  type NavigationAction,
  type NavigationState,
} from '../../../src/renderer/state/navigation';
import type { TaskKey, WatchedTask } from '../../../src/shared/watchedTask';
import { savedTask } from '../../support/savedWatchList';

const A = 'story:a' as TaskKey;
const B = 'story:b' as TaskKey;
/** A finished story, as the list holds it. */
const finished = savedTask('a', { label: 'Chapter 1' }) as unknown as WatchedTask;

/** A request the state holds (the test fails if there is none). */
function requested<T>(request: T | null): T {
  if (request === null) throw new Error('expected a request');
  return request;
}

/** The state after each action in turn, from `from`. */
function walk(from: NavigationState, ...actions: NavigationAction[]): NavigationState {
  return actions.reduce(navigate, from);
}

describe('navigation: views', () => {
  it('opens Settings with the cursor on its heading, and only when it is not open already', () => {
    const settings = navigate(INITIAL_NAVIGATION, { type: 'showView', view: 'settings' });
    expect(settings.view).toBe('settings');
    expect(settings.focus).toEqual({ target: 'settingsHeading' });
    const done = navigate(settings, { type: 'focused', request: requested(settings.focus) });
    expect(navigate(done, { type: 'showView', view: 'settings' })).toBe(done);
  });

  it('"Add API key" opens Settings on the key field, again each time it is asked', () => {
    const first = navigate(INITIAL_NAVIGATION, { type: 'addApiKey' });
    expect(first).toMatchObject({ view: 'settings', focus: { target: 'settingsApiKey' } });
    const again = navigate(navigate(first, { type: 'focused', request: requested(first.focus) }), {
      type: 'addApiKey',
    });
    expect(again.focus).toEqual({ target: 'settingsApiKey' });
    expect(again.focus).not.toBe(first.focus);
  });

  it('Ctrl+F and Ctrl+N come back to the tasks (from the details screen too) and ask for their field', () => {
    const inSettings = walk(
      INITIAL_NAVIGATION,
      { type: 'pick', key: A, narrow: true },
      { type: 'addApiKey' },
    );
    expect(navigate(inSettings, { type: 'search' })).toMatchObject({
      view: 'tasks',
      detailsOpen: false,
      focus: { target: 'search' },
    });
    expect(navigate(inSettings, { type: 'addTask' })).toMatchObject({
      view: 'tasks',
      focus: { target: 'addForm' },
    });
  });
});

describe('navigation: the list and the details', () => {
  it('a click in a small window opens the details screen with the cursor on them; in a wide one it selects', () => {
    expect(navigate(INITIAL_NAVIGATION, { type: 'pick', key: A, narrow: true })).toMatchObject({
      selectedKey: A,
      detailsOpen: true,
      focus: { target: 'detailHeading' },
    });
    expect(navigate(INITIAL_NAVIGATION, { type: 'pick', key: A, narrow: false })).toMatchObject({
      selectedKey: A,
      detailsOpen: false,
      focus: null,
    });
  });

  it('Enter opens the details (a screen of their own only in a small window)', () => {
    const selected = navigate(INITIAL_NAVIGATION, { type: 'select', key: A });
    expect(navigate(selected, { type: 'openDetails', narrow: false })).toMatchObject({
      detailsOpen: false,
      focus: { target: 'detailHeading' },
    });
    expect(navigate(selected, { type: 'openDetails', narrow: true }).detailsOpen).toBe(true);
  });

  it('back to the list: the open row is scrolled to and the list has the cursor', () => {
    const back = walk(INITIAL_NAVIGATION, { type: 'pick', key: A, narrow: true }, { type: 'backToList' });
    expect(back).toMatchObject({
      detailsOpen: false,
      selectedKey: A,
      reveal: { key: A },
      focus: { target: 'list' },
    });
  });

  it('a removed task is no longer selected, and the cursor goes back to the list', () => {
    const open = navigate(INITIAL_NAVIGATION, { type: 'pick', key: A, narrow: true });
    expect(navigate(open, { type: 'removed', key: A })).toMatchObject({
      selectedKey: null,
      detailsOpen: false,
      focus: { target: 'list' },
    });
    expect(navigate(open, { type: 'removed', key: B }).selectedKey).toBe(A);
  });

  it('a task watched as another kind: the details follow it to its new key', () => {
    const open = navigate(INITIAL_NAVIGATION, { type: 'select', key: A });
    expect(navigate(open, { type: 'rekeyed', key: B })).toMatchObject({
      selectedKey: B,
      reveal: { key: B },
      focus: { target: 'detailHeading' },
    });
  });
});

describe('navigation: going to a task', () => {
  it('clears a filter or a search that would hide it, and keeps one that shows it', () => {
    const hiding = walk(
      INITIAL_NAVIGATION,
      { type: 'filter', filter: 'failed' },
      { type: 'query', query: 'x' },
    );
    expect(navigate(hiding, { type: 'revealTask', key: A, task: finished })).toMatchObject({
      filter: 'all',
      query: '',
      selectedKey: A,
      reveal: { key: A },
    });
    const showing = walk(
      INITIAL_NAVIGATION,
      { type: 'filter', filter: 'succeeded' },
      { type: 'query', query: 'chap' },
    );
    expect(navigate(showing, { type: 'revealTask', key: A, task: finished })).toMatchObject({
      filter: 'succeeded',
      query: 'chap',
    });
  });

  it('from Settings, to the details with the cursor on them (a notification, a notice\u2019s "Show")', () => {
    const inSettings = navigate(INITIAL_NAVIGATION, { type: 'showView', view: 'settings' });
    expect(
      navigate(inSettings, { type: 'revealTask', key: A, task: finished, focusDetail: true }),
    ).toMatchObject({
      view: 'tasks',
      detailsOpen: true,
      focus: { target: 'detailHeading' },
    });
  });

  it('marks a task the add form found already watched, until the cursor moves', () => {
    const found = navigate(INITIAL_NAVIGATION, {
      type: 'revealTask',
      key: A,
      task: finished,
      highlight: true,
    });
    expect(found.highlightKey).toBe(A);
    expect(navigate(found, { type: 'select', key: B }).highlightKey).toBeNull();
  });
});

describe('navigation: one-shot requests', () => {
  it('a carried-out request is gone; a newer one is not cleared by the answer to an older one', () => {
    const first = navigate(INITIAL_NAVIGATION, { type: 'revealTask', key: A, task: finished });
    const second = navigate(first, { type: 'revealTask', key: B, task: undefined });
    expect(navigate(second, { type: 'revealed', request: requested(first.reveal) }).reveal).toEqual({
      key: B,
    });
    expect(navigate(second, { type: 'revealed', request: requested(second.reveal) }).reveal).toBeNull();

    const focusing = navigate(INITIAL_NAVIGATION, { type: 'search' });
    const newer = navigate(focusing, { type: 'focus', target: 'addForm' });
    expect(navigate(newer, { type: 'focused', request: requested(focusing.focus) }).focus).toEqual({
      target: 'addForm',
    });
    expect(navigate(newer, { type: 'focused', request: requested(newer.focus) }).focus).toBeNull();
  });

  it('asking twice for the same place makes two requests, so the second moves focus again', () => {
    const once = navigate(INITIAL_NAVIGATION, { type: 'addTask' });
    const twice = navigate(once, { type: 'addTask' });
    expect(twice.focus).toEqual(once.focus);
    expect(twice.focus).not.toBe(once.focus);
  });

  it('the shortcuts dialog opens and closes', () => {
    const open = navigate(INITIAL_NAVIGATION, { type: 'help', open: true });
    expect(open.helpOpen).toBe(true);
    expect(navigate(open, { type: 'help', open: false }).helpOpen).toBe(false);
  });
});
