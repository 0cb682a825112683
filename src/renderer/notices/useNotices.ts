import { useCallback, useRef, useState } from 'react';
import type { EventPayload } from '../../shared/contract';

export type NoticePayload = EventPayload<'notice'>;

/** A button in a notice: Undo after a removal. */
export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

/** A notice the window raises itself: it may carry an action and stay longer than the usual few seconds. */
export interface LocalNotice extends NoticePayload {
  readonly action?: NoticeAction;
  readonly durationMs?: number;
}

export interface Notice extends LocalNotice {
  readonly id: number;
}

/** At most this many toasts at once; older ones make room. */
const MAX_NOTICES = 4;

/**
 * The notices to show. In a narrow window (a tray popover) only the newest one is kept: a stack of
 * them would cover most of the list the window is there to show.
 */
export function useNotices(narrow = false) {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const nextId = useRef(1);
  const limit = narrow ? 1 : MAX_NOTICES;
  const add = useCallback(
    (notice: LocalNotice) => {
      const id = nextId.current++;
      setNotices((current) => [...current, { ...notice, id }].slice(-limit));
    },
    [limit],
  );
  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);
  return { notices: notices.slice(-limit), add, dismiss };
}
