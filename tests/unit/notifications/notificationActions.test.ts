/**
 * The buttons a desktop notification offers and what pressing one does (issue 19: actions in the
 * notification; "taking longer than usual" with Open in studio / Keep waiting). The shell only shows the
 * buttons and hands a press back; these are the core's decisions, end to end through a Windows toast's
 * activation arguments, which is the one way a press comes back as text.
 */
import { describe, expect, it } from 'vitest';
import {
  notificationActionRequest,
  notificationActions,
  type NotificationModel,
} from '../../../src/main/core/notifications';
import { activationTarget, toastActionArguments } from '../../../src/main/core/notifications/windowsToast';

const late: NotificationModel = {
  type: 'late',
  taskKey: 'dub:trailer',
  taskName: 'Trailer',
  title: 'Dub taking longer than usual',
  body: 'Trailer has run 40 min; dubs usually take 5–12 min. CAMB.AI still says it is running.',
  sound: 'system',
  actions: ['open-studio', 'keep-waiting'],
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
    expect(notificationActionRequest('open-studio', 'dub:trailer')).toEqual({
      channel: 'openExternalLink',
      payload: { url: 'https://studio.camb.ai' },
    });
    expect(wait).toEqual({ taskKey: 'dub:trailer', action: 'keep-waiting' });
    expect(notificationActionRequest('keep-waiting', 'dub:trailer')).toBeNull();
  });
});

describe('other notifications', () => {
  it('a succeeded job offers Open result and Download, which ask for its result', () => {
    const ready: NotificationModel = {
      type: 'task',
      taskKey: 'story:intro',
      outcome: 'succeeded',
      taskName: 'Intro',
      title: 'Story ready',
      body: 'Intro is done.',
      sound: 'system',
    };
    expect(notificationActions(ready).map((action) => action.id)).toEqual(['open-result', 'download']);
    expect(notificationActionRequest('download', 'story:intro')).toEqual({
      channel: 'downloadResult',
      payload: { key: 'story:intro' },
    });
  });
});
