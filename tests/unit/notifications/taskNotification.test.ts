import { describe, expect, it } from 'vitest';
import {
  notificationForStatusChange,
  notificationForStop,
} from '../../../src/main/core/notifications/taskNotification';
import { outcomeSentences, taskOutcome } from '../../../src/shared/format/taskOutcome';
import type { WatchedTask } from '../../../src/shared/watchedTask';
import { T0, UUID, watchedTask } from './watchedTaskFixture';

const BOTH = { notifyOnSuccess: true, notifyOnFailure: true };
const AFTER_4_MIN_12_S = T0 + (4 * 60 + 12) * 1000;

function finished(overrides: Partial<WatchedTask>): WatchedTask {
  return watchedTask({ lastCheckAt: AFTER_4_MIN_12_S, finishedAt: AFTER_4_MIN_12_S, ...overrides });
}

describe('notificationForStatusChange: success', () => {
  it('says what is ready, which one, its run and how long it took', () => {
    const task = finished({ status: 'SUCCESS', label: 'Chapter 1', runId: 4242 });
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH)).toEqual({
      type: 'task',
      taskKey: `story:${UUID}`,
      outcome: 'succeeded',
      taskName: 'Chapter 1',
      title: 'Story ready',
      body: 'Chapter 1 (run 4242) after 4 min 12 s',
      sound: 'system',
    });
  });

  it('names an unlabelled task by the start of its id', () => {
    const task = finished({ status: 'SUCCESS', runId: 7 });
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH)?.body).toBe(
      '3f2a9c1e… (run 7) after 4 min 12 s',
    );
  });

  it("uses the kind's title from the task-kind table", () => {
    const task = finished({ kind: 'text-to-sound', status: 'SUCCESS', label: 'Rain' });
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH)?.title).toBe(
      'Sound effect ready',
    );
  });

  it('leaves out what it does not know (no run id, no finish time)', () => {
    const task = watchedTask({ status: 'SUCCESS', label: 'Intro' });
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH)?.body).toBe('Intro');
  });

  it('notifies a task whose very first answer is already final', () => {
    const task = finished({ status: 'SUCCESS', label: 'Old job' });
    expect(notificationForStatusChange({ previousStatus: null, task }, BOTH)?.title).toBe('Story ready');
  });
});

describe('notificationForStatusChange: failures', () => {
  it.each([
    ['ERROR', 'Dub failed'],
    ['TIMEOUT', 'Dub timed out'],
    ['PAYMENT_REQUIRED', 'Dub ran out of credits'],
  ])('%s reads "%s"', (status, title) => {
    const task = finished({ kind: 'dub', status, label: 'Trailer' });
    const notification = notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH);
    expect(notification?.title).toBe(title);
    expect(notification?.outcome).toBe('failed');
    expect(notification?.taskKey).toBe(`dub:${UUID}`);
  });

  it('shows the exception reason and the message', () => {
    const task = finished({
      kind: 'dub',
      status: 'ERROR',
      label: 'Trailer',
      exceptionReason: 'HARMFUL_CONTENT_DETECTED',
      message: 'The source contains disallowed content',
    });
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH)?.body).toBe(
      'Trailer after 4 min 12 s — Harmful content detected: The source contains disallowed content. Submit the job again once its cause is fixed.',
    );
  });

  it('shows whichever of reason and message there is, once', () => {
    const reasonOnly = finished({
      kind: 'dub',
      status: 'ERROR',
      label: 'T',
      exceptionReason: 'SOURCE_TOO_LONG',
    });
    const messageOnly = finished({ kind: 'dub', status: 'ERROR', label: 'T', message: 'Out of credits' });
    const same = finished({
      kind: 'dub',
      status: 'PAYMENT_REQUIRED',
      label: 'T',
      exceptionReason: 'PAYMENT_REQUIRED',
      message: 'PAYMENT_REQUIRED',
    });
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task: reasonOnly }, BOTH)?.body).toBe(
      'T after 4 min 12 s — Source too long. Submit the job again once its cause is fixed.',
    );
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task: messageOnly }, BOTH)?.body).toBe(
      'T after 4 min 12 s — Out of credits. Submit the job again once its cause is fixed.',
    );
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task: same }, BOTH)?.body).toBe(
      'T after 4 min 12 s — The CAMB.AI account ran out of credits for this job. Top up your CAMB.AI credits, then resubmit it.',
    );
  });

  it('says how long it ran, and what to do about a timeout', () => {
    const task = finished({ kind: 'dub', status: 'TIMEOUT', label: 'Trailer' });
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH)?.body).toBe(
      'Trailer after 4 min 12 s — CAMB.AI gave up on this job. Submit it again.',
    );
  });

  it('keeps a huge message (an object message as JSON) to one line or two', () => {
    const task = finished({
      status: 'ERROR',
      label: 'T',
      message: JSON.stringify({ detail: 'x'.repeat(1900) }),
    });
    const body = notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH)?.body ?? '';
    expect(body.length).toBeLessThan(200);
    expect(body.endsWith('…')).toBe(true);
  });
});

describe('notificationForStatusChange: when it stays quiet', () => {
  const success = finished({ status: 'SUCCESS' });
  const failure = finished({ status: 'ERROR' });

  it('for statuses that are not final, documented or not', () => {
    for (const status of ['PENDING', 'FAILED', 'QUEUED', '']) {
      expect(
        notificationForStatusChange({ previousStatus: null, task: finished({ status }) }, BOTH),
      ).toBeNull();
    }
    expect(notificationForStatusChange({ previousStatus: null, task: watchedTask() }, BOTH)).toBeNull();
  });

  it('for a task that was already finished', () => {
    expect(notificationForStatusChange({ previousStatus: 'SUCCESS', task: success }, BOTH)).toBeNull();
    expect(notificationForStatusChange({ previousStatus: 'ERROR', task: success }, BOTH)).toBeNull();
  });

  it('for a muted task', () => {
    expect(
      notificationForStatusChange({ previousStatus: 'PENDING', task: { ...success, muted: true } }, BOTH),
    ).toBeNull();
  });

  it('for a task already notified (after a restart, say)', () => {
    expect(
      notificationForStatusChange({ previousStatus: 'PENDING', task: { ...failure, notified: true } }, BOTH),
    ).toBeNull();
  });

  it('for an outcome the user switched off, and only that one', () => {
    const noSuccess = { notifyOnSuccess: false, notifyOnFailure: true };
    const noFailure = { notifyOnSuccess: true, notifyOnFailure: false };
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task: success }, noSuccess)).toBeNull();
    expect(
      notificationForStatusChange({ previousStatus: 'PENDING', task: failure }, noSuccess),
    ).not.toBeNull();
    expect(notificationForStatusChange({ previousStatus: 'PENDING', task: failure }, noFailure)).toBeNull();
    expect(
      notificationForStatusChange({ previousStatus: 'PENDING', task: success }, noFailure),
    ).not.toBeNull();
  });

  it('notifies after an unknown status turns final', () => {
    expect(notificationForStatusChange({ previousStatus: 'FAILED', task: success }, BOTH)).not.toBeNull();
  });
});

describe('notificationForStop: a task CAMB.AI will not report on', () => {
  const stopped = (overrides: Partial<WatchedTask>) =>
    watchedTask({
      kind: 'story',
      label: 'Chapter 9',
      stoppedReason: 'CAMB.AI does not know this task.',
      stopCause: 'not-found',
      ...overrides,
    });

  it('says what to check, in the words the list uses', () => {
    const task = stopped({});
    const notification = notificationForStop(task, { ...BOTH, soundOnFailure: 'chime' });
    expect(notification).toMatchObject({
      title: 'Story stopped',
      outcome: 'failed',
      sound: 'chime',
      body: `Chapter 9 — ${outcomeSentences(taskOutcome(task))}`,
    });
    expect(notification?.body).toContain('Check the id and its kind');
  });

  it('names the kind that knows the id, when the probe found one', () => {
    expect(notificationForStop(stopped({ suggestedKind: 'dub' }), BOTH)?.body).toBe(
      'Chapter 9 — CAMB.AI does not know this id as a story task, but as a dub task. Open it to switch.',
    );
  });

  it('stays quiet for a muted task, with failure notifications off, or a task not stopped', () => {
    expect(notificationForStop(stopped({ muted: true }), BOTH)).toBeNull();
    expect(notificationForStop(stopped({}), { ...BOTH, notifyOnFailure: false })).toBeNull();
    expect(notificationForStop(watchedTask({ status: 'PENDING' }), BOTH)).toBeNull();
  });
});

describe('failure notifications say what to do, as the list does', () => {
  it.each(['ERROR', 'TIMEOUT', 'PAYMENT_REQUIRED'])(
    '%s carries the next step of the shared wording',
    (status) => {
      const task = finished({ status, label: 'T' });
      const next = taskOutcome(task).nextStep;
      expect(next).not.toBeNull();
      expect(notificationForStatusChange({ previousStatus: 'PENDING', task }, BOTH)?.body).toContain(next);
    },
  );
});
