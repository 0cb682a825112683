import { describe, expect, it } from 'vitest';
import {
  confirmUnreadableRequest,
  confirmWatchRequest,
} from '../../../src/main/core/deepLinks/watchRequestOutcome';
import { UUID, watchedTask } from '../notifications/watchedTaskFixture';

const REQUEST = { kind: 'story', taskId: UUID, label: 'Chapter 1' } as const;

describe('confirmWatchRequest', () => {
  it('confirms a new task, naming it and pointing a click at it', () => {
    const task = watchedTask({ label: 'Chapter 1' });
    expect(confirmWatchRequest(REQUEST, { ok: true, task, added: true })).toEqual({
      level: 'success',
      title: 'Watching story',
      body: 'Chapter 1: you will be told when it finishes.',
      taskKey: `story:${UUID}`,
    });
  });

  it('says when the task was already watched', () => {
    const confirmation = confirmWatchRequest(REQUEST, { ok: true, task: watchedTask(), added: false });
    expect(confirmation).toMatchObject({
      level: 'info',
      title: 'Already watching',
      taskKey: `story:${UUID}`,
    });
    expect(confirmation.body).toContain('3f2a9c1e…');
  });

  it("passes the core's reason on when the id was refused", () => {
    expect(confirmWatchRequest(REQUEST, { ok: false, error: 'That is not a task id.' })).toEqual({
      level: 'error',
      title: 'Could not watch that story',
      body: 'That is not a task id.',
      taskKey: null,
    });
    expect(confirmUnreadableRequest('bad link').taskKey).toBeNull();
  });
});
