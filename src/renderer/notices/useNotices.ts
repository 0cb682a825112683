import { useCallback, useRef, useState } from 'react';
import type { EventPayload } from '../../shared/contract';

export type NoticePayload = EventPayload<'notice'>;

export interface Notice extends NoticePayload {
  readonly id: number;
}

/** At most this many toasts at once; older ones make room. */
const MAX_NOTICES = 4;

export function useNotices() {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const nextId = useRef(1);
  const add = useCallback((notice: NoticePayload) => {
    const id = nextId.current++;
    setNotices((current) => [...current, { ...notice, id }].slice(-MAX_NOTICES));
  }, []);
  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);
  return { notices, add, dismiss };
}
