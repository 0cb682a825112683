/**
 * The buttons a desktop notification offers and what pressing one does (issue 19: actions in the
 * notification; "taking longer than usual" with Open in studio / Keep waiting). The shell only shows the
 * buttons and hands a press back; these are the core's decisions, end to end through a Windows toast's
 * activation arguments, which is the one way a press comes back as text.
 */
import { describe, expect, it } from 'vitest';
import {
  notificationActionPlan,
  notificationActions,
  notificationActionsShown,
  type NotificationModel,
  type TaskNotification,
} from '../../../src/main/core/notifications';
import type { FailureFacts } from '../../../src/shared/format/failureAction';
import { activationTarget, toastActionArguments } from '../../../src/main/core/notifications/windowsToast';
import { lateDub } from './taskNotificationFixture';

const late: NotificationModel = lateDub;

const running: FailureFacts = {
  kind: 'dub',
  status: 'RUNNING',
  stoppedReason: null,
  stopCause: null,
  exceptionReason: null,
  message: null,
  suggestedKind: null,
};

describe('a late job’s notification', () => {
  it('offers Open in CAMB.AI studio and Keep waiting, in words', () => {
    expect(notificationActions(late)).toEqual([
      { id: 'open-studio', label: 'Open in CAMB.AI studio' },
      { id: 'keep-waiting', label: 'Keep waiting' },
    ]);
  });

  it('opens the studio through the app’s checked way out, and Keep waiting only closes it', () => {
    const [studio, wait] = notificationActions(late).map((action) =>
      activationTarget(toastActionArguments('dub:trailer', action.id)),
    );
    expect(studio).toEqual({ taskKey: 'dub:trailer', action: 'open-studio' });
    expect(notificationActionPlan('open-studio', 'dub:trailer', running)).toEqual({
      type: 'open-link',
      url: 'https://studio.camb.ai',
    });
    expect(wait).toEqual({ taskKey: 'dub:trailer', action: 'keep-waiting' });
    expect(notificationActionPlan('keep-waiting', 'dub:trailer', running)).toEqual({ type: 'close' });
  });
});

const ready: TaskNotification = {
  type: 'task',
  taskKey: 'story:intro',
  outcome: 'succeeded',
  taskName: 'Intro',
  title: 'Story ready',
  body: 'Intro is done.',
  sound: 'system',
};

describe('an ending’s notification', () => {
  it('a ready job offers Open result, Download and Copy link, the most useful first', () => {
    expect(notificationActions(ready).map((action) => action.label)).toEqual([
      'Open result',
      'Download',
      'Copy link',
    ]);
    expect(notificationActionPlan('copy-link', 'story:intro', { ...running, status: 'SUCCESS' })).toEqual({
      type: 'copy-link',
      key: 'story:intro',
    });
  });

  it('a failure offers its one fix, in the words of the window’s button, and a failure without one none', () => {
    const failed: TaskNotification = { ...ready, outcome: 'failed', fixLabel: 'Top up credits' };
    expect(notificationActions(failed)).toEqual([{ id: 'fix-failure', label: 'Top up credits' }]);
    expect(notificationActions({ ...failed, fixLabel: null })).toEqual([]);
  });

  it('the fix is worked out from the task when pressed: a switch of kind, the studio, or nothing left to fix', () => {
    const stopped: FailureFacts = {
      ...running,
      kind: 'story',
      status: null,
      stoppedReason: 'not found',
      stopCause: 'not-found',
      suggestedKind: 'dub',
    };
    expect(notificationActionPlan('fix-failure', 'story:intro', stopped)).toEqual({
      type: 'switch-kind',
      key: 'story:intro',
      kind: 'dub',
    });
    expect(notificationActionPlan('fix-failure', 'story:intro', { ...running, status: 'ERROR' })).toEqual({
      type: 'open-link',
      url: 'https://studio.camb.ai',
    });
    expect(notificationActionPlan('fix-failure', 'story:intro', running)).toMatchObject({ type: 'refused' });
  });

  it('a button pressed after its job was removed does nothing and says so', () => {
    for (const id of ['open-result', 'download', 'copy-link', 'fix-failure', 'open-studio'] as const)
      expect(notificationActionPlan(id, 'story:intro', undefined)).toEqual({
        type: 'refused',
        message: 'That job is no longer in your watch list, so nothing was done. Add it again to act on it.',
      });
  });

  it('shows as many buttons as the system does: Windows 5 (toast schema), macOS all, Linux none', () => {
    expect(notificationActionsShown('win32')).toBe(5);
    expect(notificationActionsShown('darwin')).toBe(Number.POSITIVE_INFINITY);
    expect(notificationActionsShown('linux')).toBe(0);
  });
});
