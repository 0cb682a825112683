import { plural } from './sentence';

/**
 * What kind of event an in-app notice tells, so that many of one kind in a short while become one notice
 * ("12 jobs stopped — Show") instead of a stream of them.
 */
export const NOTICE_TOPICS = ['ready', 'failed', 'stopped'] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

const TOPIC_WORDS: Readonly<Record<NoticeTopic, string>> = {
  ready: 'ready',
  failed: 'failed',
  stopped: 'stopped',
};

/** "12 jobs stopped", "2 jobs ready": several notices of one topic, said as one. */
export function coalescedNoticeText(topic: NoticeTopic, count: number): string {
  return `${plural(count, 'job')} ${TOPIC_WORDS[topic]}`;
}
