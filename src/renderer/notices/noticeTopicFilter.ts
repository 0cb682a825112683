import type { NoticeTopic } from '../../shared/format/noticeTopics';
import type { TaskFilter } from '../state/taskCategory';

/** Where "Show" on a coalesced notice takes the list: the filter that holds the jobs it told of. */
export const NOTICE_TOPIC_FILTER: Readonly<Record<NoticeTopic, TaskFilter>> = {
  ready: 'succeeded',
  failed: 'failed',
  // A stopped task wants attention and is filed with the failures (see taskCategory).
  stopped: 'failed',
};
