import type { ReactNode } from 'react';
import { NoticeContext } from '../notices/noticeContext';
import type { LocalNotice } from '../notices/useNotices';
import { QuickActionsContext, type QuickActionRunner } from '../tasks/quickActions';
import { CoreClockContext, type CoreClock } from '../state/coreClock';

interface WindowContextsProps {
  readonly clock: CoreClock;
  /** Lets any part of the window raise a notice (an Undo after a removal). */
  readonly addNotice: (notice: LocalNotice) => void;
  /** What the rows' quick actions and their keys (O, C, R) run. */
  readonly quickAction: QuickActionRunner;
  readonly children: ReactNode;
}

/** The core's clock, the notices and the rows' quick actions, for everything inside the connected window. */
export function WindowContexts({ clock, addNotice, quickAction, children }: WindowContextsProps) {
  return (
    <CoreClockContext.Provider value={clock}>
      <NoticeContext.Provider value={addNotice}>
        <QuickActionsContext.Provider value={quickAction}>{children}</QuickActionsContext.Provider>
      </NoticeContext.Provider>
    </CoreClockContext.Provider>
  );
}
