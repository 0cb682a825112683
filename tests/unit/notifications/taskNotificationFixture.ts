import type { TaskNotification } from '../../../src/main/core/notifications/notificationModel';

/** A story's ending as the notification gate is offered it: `name` is its id, label and body. */
export function ended(name: string, outcome: TaskNotification['outcome']): TaskNotification {
  return {
    type: 'task',
    taskKey: `story:${name}`,
    taskName: name,
    outcome,
    title: outcome === 'failed' ? 'Story failed' : 'Story ready',
    body: name,
    sound: outcome === 'failed' ? 'chime' : 'none',
  };
}
