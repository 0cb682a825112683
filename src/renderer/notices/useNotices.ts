import { useCallback, useRef, useState } from 'react';
import type { EventPayload } from '../../shared/contract';
import { coalescedNoticeText } from '../../shared/format/noticeTopics';
import type { TaskKey } from '../../shared/watchedTask';

export type NoticePayload = EventPayload<'notice'>;

/** A button in a notice: Undo after a removal. */
export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
  /** It takes back the last removal: Ctrl/Cmd+Z runs it too while it is offered. */
  readonly undoes?: boolean;
}

/** A notice the window raises itself: it may carry an action and stay longer than the usual few seconds. */
export interface LocalNotice extends NoticePayload {
  readonly action?: NoticeAction;
  readonly durationMs?: number;
}

export interface Notice extends LocalNotice {
  readonly id: number;
  /** Every task a coalesced notice stands for ("12 jobs stopped"), in the order they came. */
  readonly keys: readonly TaskKey[];
  /** Bumped when more of its kind join it: its time on screen starts again. */
  readonly revision: number;
}

/** How long a notice keeps taking more of its kind: a burst, not a day's worth. */
export const COALESCE_MS = 10_000;

/** At most this many toasts at once; older ones make room. */
const MAX_NOTICES = 3;

/**
 * The notices to show. Notices of one topic that come while one of that topic is still fresh join it
 * ("12 jobs stopped"), so a burst of 300 stops is one notice, not 300. In a narrow window (a tray
 * popover) only the newest one is kept: a stack would take the list's room. The Undo of the last removal
 * is remembered while it is offered, even when a later notice pushed it out of sight, for Ctrl/Cmd+Z.
 */
export function useNotices(narrow = false) {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const nextId = useRef(1);
  const lastUndo = useRef<{ readonly run: () => void; readonly id: number; readonly until: number } | null>(
    null,
  );
  // When each topic's notice last took one in, by notice id (a notice that left is not joined again).
  const joinedAt = useRef(new Map<number, number>());
  const limit = narrow ? 1 : MAX_NOTICES;

  const add = useCallback(
    (notice: LocalNotice) => {
      const now = Date.now();
      const id = nextId.current++;
      if (notice.action?.undoes === true)
        lastUndo.current = { run: notice.action.run, id, until: now + (notice.durationMs ?? 0) };
      setNotices((current) => {
        const topic = notice.topic ?? null;
        const fresh =
          topic === null
            ? undefined
            : current.find(
                (shown) => shown.topic === topic && now - (joinedAt.current.get(shown.id) ?? 0) < COALESCE_MS,
              );
        if (fresh === undefined || topic === null) {
          joinedAt.current.set(id, now);
          const keys = notice.key === null ? [] : [notice.key];
          return [...current, { ...notice, id, keys, revision: 0 }].slice(-limit);
        }
        joinedAt.current.set(fresh.id, now);
        const keys =
          notice.key === null || fresh.keys.includes(notice.key) ? fresh.keys : [...fresh.keys, notice.key];
        const joined: Notice = {
          ...fresh,
          // A failure among successes is what the notice must show.
          level: fresh.level === 'error' || notice.level === 'error' ? 'error' : fresh.level,
          text: coalescedNoticeText(topic, keys.length),
          key: null,
          keys,
          revision: fresh.revision + 1,
        };
        // Moved to the end: it is the newest news.
        return [...current.filter((shown) => shown.id !== fresh.id), joined];
      });
    },
    [limit],
  );

  const dismiss = useCallback((id: number) => {
    joinedAt.current.delete(id);
    // Its Undo was pressed, or its time is up: Ctrl/Cmd+Z has nothing left to take back.
    if (lastUndo.current?.id === id) lastUndo.current = null;
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  /** Ctrl/Cmd+Z: runs the last Undo still offered; false when there is none. */
  const undoLast = useCallback((): boolean => {
    const undo = lastUndo.current;
    if (undo === null || Date.now() >= undo.until) return false;
    dismiss(undo.id);
    undo.run();
    return true;
  }, [dismiss]);

  return { notices: notices.slice(-limit), add, dismiss, undoLast };
}
