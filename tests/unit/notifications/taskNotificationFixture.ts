import type {
  LateNotification,
  TaskNotification,
} from '../../../src/main/core/notifications/notificationModel';

/** A dub running past its kind's usual time, told with Open in studio and Keep waiting. */
export const lateDub: LateNotification = {
  type: 'late',
  taskKey: 'dub:trailer',
  taskName: 'Trailer',
  title: 'Dub taking longer than usual',
  body: 'Trailer has run 40 min; dubs usually take 5–12 min. CAMB.AI still says it is running.',
  sound: 'system',
  actions: ['open-studio', 'keep-waiting'],
};

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
