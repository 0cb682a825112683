import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { TEST_API_KEY } from '../../support/watchServiceHarness';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;

afterEach(async () => {
  expect(a.everythingThePageSaw()).not.toContain(TEST_API_KEY);
  await a.close();
});

describe('app host: requests from the window', () => {
  it('refuses an action the contract does not have', async () => {
    a = await createAppHostHarness();
    expect(await a.invoke('readApiKey')).toEqual({
      ok: false,
      error: 'CAMB Watch has no action called "readApiKey".',
    });
    expect(await a.invoke('toString')).toMatchObject({ ok: false });
  });

  it('refuses a payload outside the schema in words, and adds nothing', async () => {
    a = await createAppHostHarness();
    expect(await a.invoke('addTask', { kind: 'story', taskId: 42 })).toEqual({
      ok: false,
      error: 'taskId: The task id must be text',
    });
    expect(await a.invoke('addTask', { kind: 'podcast', taskId: 'x' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^kind: /u),
    });
    expect(await a.invoke('addTask', { kind: 'story', taskId: 'x', extra: true })).toMatchObject({
      ok: false,
      error: expect.stringContaining('extra'),
    });
    expect(await a.invoke('removeTask', { key: '../../etc' })).toMatchObject({ ok: false });
    expect(a.h.service.list()).toEqual([]);
  });

  it("answers an invalid task id with the core's message and keeps the list unchanged", async () => {
    a = await createAppHostHarness();
    expect(await a.invoke('addTask', { kind: 'story', taskId: 'has space' })).toEqual({
      ok: true,
      value: { ok: false, error: 'A task id cannot contain spaces: "has space"' },
    });
    expect(a.h.service.list()).toEqual([]);
    expect(a.eventsOf('taskChanged')).toEqual([]);
  });

  it('adds a pasted create-call answer, sends per-task changes, and reaches SUCCESS', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('story', 'job-1', [step.pending({ polls: 1 }), step.success(4242)]);
    const added = await a.invoke('addTask', {
      kind: 'story',
      taskId: '{"task_id": "job-1"}',
      label: '  Chapter   1 ',
    });
    expect(added).toMatchObject({ ok: true, value: { ok: true, added: true, task: { label: 'Chapter 1' } } });
    await a.h.advance(60_000);
    const statuses = a.eventsOf('taskChanged').map((event) => event.task.status);
    expect(statuses).toContain('PENDING');
    expect(statuses.at(-1)).toBe('SUCCESS');
    // Per-task updates: every event names one task.
    expect(a.eventsOf('taskChanged').every((event) => event.task.taskId === 'job-1')).toBe(true);
    expect(a.h.run.notifications()).toMatchObject([{ type: 'task', outcome: 'succeeded' }]);

    expect(await a.invoke('addTask', { kind: 'story', taskId: 'job-1' })).toMatchObject({
      value: { ok: true, added: false },
    });
    expect(await a.invoke('removeTask', { key: 'story:job-1' })).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect(a.eventsOf('tasksRemoved')).toEqual([{ keys: ['story:job-1'] }]);
  });

  it('draws the first window from one snapshot on the core clock', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('dub', 'd-1', step.pending());
    a.h.service.add('dub', 'd-1', 'Trailer');
    await a.h.settle();
    const snapshot = (await a.invoke('getSnapshot')) as { ok: true; value: Record<string, unknown> };
    expect(snapshot.value).toMatchObject({
      tasks: [{ kind: 'dub', taskId: 'd-1', label: 'Trailer', status: 'PENDING' }],
      state: { connectivity: 'online', authProblem: null },
      keyStatus: { present: true, where: 'memory', storeWhere: 'memory', storeProblem: null },
      storeRecovery: null,
      now: a.h.clock.now(),
      host: 'web',
    });
  });

  it('applies "launch at login" to the OS when it changes, and only then', async () => {
    a = await createAppHostHarness();
    expect(await a.invoke('updateSettings', { launchAtLogin: true })).toMatchObject({
      value: { launchAtLogin: true },
    });
    await a.invoke('updateSettings', { responsiveness: 'eager' });
    expect(a.loginItem).toEqual([true]);
    expect(await a.invoke('updateSettings', { responsiveness: 'instant' })).toMatchObject({ ok: false });
    expect(a.eventsOf('settingsChanged').map((settings) => settings.responsiveness)).toEqual([
      'balanced',
      'eager',
    ]);
  });

  it('changes the window shortcut only through the action that claims it', async () => {
    a = await createAppHostHarness();
    expect(await a.invoke('updateSettings', { windowShortcut: 'CommandOrControl+Alt+C' })).toMatchObject({
      ok: false,
    });
    expect(await a.invoke('setWindowShortcut', { shortcut: 'CommandOrControl+Alt+C' })).toEqual({
      ok: true,
      value: { ok: true, message: 'Shortcut saved.' },
    });
    expect(a.eventsOf('settingsChanged').at(-1)?.windowShortcut).toBe('CommandOrControl+Alt+C');
    expect(await a.invoke('setWindowShortcut', { shortcut: 'Alt+F4' })).toMatchObject({ ok: false });
    // A browser tab is no popover: Escape leaves it be.
    expect(await a.invoke('hideWindow', {})).toEqual({ ok: true, value: { hidden: false } });
  });

  it('pauses and resumes polling, and tells the window', async () => {
    a = await createAppHostHarness();
    await a.invoke('setPollingPaused', { paused: true });
    await a.invoke('setPollingPaused', { paused: false });
    expect(a.stateChanges((state) => ({ paused: state.pollingPaused, suspended: state.suspended }))).toEqual([
      { paused: true, suspended: false },
      { paused: false, suspended: false },
    ]);
  });

  it('exports and imports the watch list', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('story', 's-1', step.pending());
    a.h.service.add('story', 's-1');
    const exported = (await a.invoke('exportWatchList')) as {
      value: { json: string; suggestedFileName: string };
    };
    expect(exported.value.suggestedFileName).toMatch(/^camb-watch-\d{4}-\d\d-\d\d\.json$/u);
    await a.invoke('removeTask', { key: 'story:s-1' });
    expect(await a.invoke('importWatchList', { json: exported.value.json })).toEqual({
      ok: true,
      value: { added: ['story:s-1'], alreadyWatched: [], rejected: [] },
    });
    expect(await a.invoke('importWatchList', { json: 'not json' })).toMatchObject({
      value: { added: [], rejected: [{ index: null }] },
    });
  });
});
