import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { useTaskListVersion, useTaskStore } from '../state/useTaskStore';
import { useAddNotice } from '../notices/noticeContext';

/** How many jobs ended since the user last looked, and "Mark all seen"; nothing when there are none. */
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
    } catch (error) {
      addNotice({ level: 'error', text: errorMessage(error), key: null });
    }
  };
  return (
    <>
      <span className="unseen-count">{unseen} new</span>
      <button type="button" onClick={() => void markAll()}>
        Mark all seen
      </button>
    </>
  );
}
