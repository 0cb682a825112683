import './notices.css';
import { X } from 'lucide-react';
import { useEffect, useLayoutEffect } from 'react';
import type { NoticeTopic } from '../../shared/format/noticeTopics';
import type { TaskKey } from '../../shared/watchedTask';
import type { Notice } from './useNotices';

const VISIBLE_MS = 8000;

interface NoticeToastsProps {
  readonly notices: readonly Notice[];
  readonly onDismiss: (id: number) => void;
  readonly onShowTask: (key: TaskKey) => void;
  /** "Show" on a notice that stands for several tasks ("12 jobs stopped"). */
  readonly onShowTasks: (keys: readonly TaskKey[], topic: NoticeTopic) => void;
}

/** Scrolls the list's current row (its active descendant) back into view, if the list shrank over it. */
function keepActiveRowInView(): void {
  const list = document.querySelector('[role="listbox"][aria-activedescendant]');
  const id = list?.getAttribute('aria-activedescendant');
  if (id === null || id === undefined) return;
  document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
}

/**
 * Short sentences from the app, read out politely and gone after a few seconds. They sit in a strip of
 * their own below the views, never over the list: when one appears the list gives up that room, and the
 * row the person is on is scrolled back into view if the strip took its place.
 */
export function NoticeToasts({ notices, onDismiss, onShowTask, onShowTasks }: NoticeToastsProps) {
  const count = notices.length;
  useLayoutEffect(() => {
    if (count > 0) keepActiveRowInView();
  }, [count]);
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notices">
      {notices.map((notice) => (
        <NoticeToast
          // A notice that took in more of its kind starts its life (timer and fade) again.
          key={`${notice.id}.${notice.revision}`}
          notice={notice}
          onDismiss={onDismiss}
          onShowTask={onShowTask}
          onShowTasks={onShowTasks}
        />
      ))}
    </div>
  );
}

function NoticeToast({
  notice,
  onDismiss,
  onShowTask,
  onShowTasks,
}: { readonly notice: Notice } & Omit<NoticeToastsProps, 'notices'>) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), notice.durationMs ?? VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice.id, notice.revision, notice.durationMs, onDismiss]);
  const { key, keys, topic, action } = notice;
  const many = keys.length > 1 && topic !== null && topic !== undefined;
  const show = many ? () => onShowTasks(keys, topic) : key !== null ? () => onShowTask(key) : null;
  return (
    <div className={`toast toast-${notice.level}`} data-testid="notice">
      <span className="toast-text" title={notice.text}>
        {notice.text}
      </span>
      {action !== undefined && (
        <button
          type="button"
          onClick={() => {
            onDismiss(notice.id);
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
      {show !== null && (
        <button
          type="button"
          onClick={() => {
            onDismiss(notice.id);
            show();
          }}
        >
          Show
        </button>
      )}
      <button type="button" aria-label="Dismiss notice" onClick={() => onDismiss(notice.id)}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
