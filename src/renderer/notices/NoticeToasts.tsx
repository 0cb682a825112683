import './notices.css';
import { X } from 'lucide-react';
import { useEffect } from 'react';
import type { TaskKey } from '../../shared/watchedTask';
import type { Notice } from './useNotices';

const VISIBLE_MS = 8000;

interface NoticeToastsProps {
  readonly notices: readonly Notice[];
  readonly onDismiss: (id: number) => void;
  readonly onShowTask: (key: TaskKey) => void;
}

/** Short sentences from the app, read out politely and gone after a few seconds. */
export function NoticeToasts({ notices, onDismiss, onShowTask }: NoticeToastsProps) {
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notices">
      {notices.map((notice) => (
        <NoticeToast key={notice.id} notice={notice} onDismiss={onDismiss} onShowTask={onShowTask} />
      ))}
    </div>
  );
}

function NoticeToast({
  notice,
  onDismiss,
  onShowTask,
}: { readonly notice: Notice } & Omit<NoticeToastsProps, 'notices'>) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), notice.durationMs ?? VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice.id, notice.durationMs, onDismiss]);
  const { key, action } = notice;
  return (
    <div className={`toast toast-${notice.level}`} data-testid="notice">
      <span className="toast-text">{notice.text}</span>
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
      {key !== null && (
        <button type="button" onClick={() => onShowTask(key)}>
          Show
        </button>
      )}
      <button type="button" aria-label="Dismiss notice" onClick={() => onDismiss(notice.id)}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
