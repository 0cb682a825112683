import type { ReactNode } from 'react';
import { NoticeContext } from '../notices/noticeContext';
import type { LocalNotice } from '../notices/useNotices';
import { QuickActionsContext, type QuickActionRunner } from '../tasks/quickActions';
import { KindChangedContext, type KindChanged } from '../tasks/changeKind';
import { CoreClockContext, type CoreClock } from '../state/coreClock';

interface WindowContextsProps {
  readonly clock: CoreClock;
  /** Lets any part of the window raise a notice (an Undo after a removal). */
  readonly addNotice: (notice: LocalNotice) => void;
  /** What the rows' quick actions and their keys (O, C, R) run. */
  readonly quickAction: QuickActionRunner;
  /** What follows a change of kind made from a row (its failure button's "Switch to dub"). */
  readonly onKindChanged: KindChanged;
  readonly children: ReactNode;
}

/**
 * The core's clock, the notices, the rows' quick actions and what follows a change of kind, for everything
 * inside the connected window.
 */
export function WindowContexts({
  clock,
  addNotice,
  quickAction,
  onKindChanged,
  children,
}: WindowContextsProps) {
  return (
    <CoreClockContext.Provider value={clock}>
      <NoticeContext.Provider value={addNotice}>
        <QuickActionsContext.Provider value={quickAction}>
          <KindChangedContext.Provider value={onKindChanged}>{children}</KindChangedContext.Provider>
        </QuickActionsContext.Provider>
      </NoticeContext.Provider>
    </CoreClockContext.Provider>
  );
}
