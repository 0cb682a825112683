import { CheckCheck } from 'lucide-react';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { useTaskListVersion, useTaskStore } from '../state/useTaskStore';
import { useAddNotice } from '../notices/noticeContext';

/**
 * How many jobs ended since the user last looked, on the button that marks them all seen ("2 new" is in
 * its name too, as it is on screen); nothing when there are none.
 */
export function MarkAllSeenButton() {
  const bridge = useBridge();
  const store = useTaskStore();
  const addNotice = useAddNotice();
  useTaskListVersion();
  const unseen = store.unseenCount();
  if (unseen === 0) return null;
  const markAll = async () => {
    try {
      await bridge.markAllSeen({});
      store.holdPlace(null);
      // Acting on the whole list: it sorts anew though the window has focus.
      store.requestResortOnceAllSeen();
    } catch (error) {
      addNotice({ level: 'error', text: errorMessage(error), key: null });
    }
  };
  return (
    <button
      type="button"
      className="mark-all-seen"
      // The name starts with what the button shows (WCAG 2.5.3, axe's label-content-name-mismatch).
      aria-label={`${unseen} new: mark all seen`}
      title="Mark all seen"
      onClick={() => void markAll()}
    >
      <CheckCheck aria-hidden="true" size={16} />
      <span className="unseen-count">{unseen} new</span>
    </button>
  );
}
