import type { ReactNode } from 'react';
import { NoticeContext } from '../notices/noticeContext';
import type { LocalNotice } from '../notices/useNotices';
import { CoreClockContext, type CoreClock } from './coreClock';

interface ClockAndNoticesProps {
  readonly clock: CoreClock;
  /** Lets any part of the window raise a notice (an Undo after a removal). */
  readonly addNotice: (notice: LocalNotice) => void;
  readonly children: ReactNode;
}

/** The core's clock and the notices, for everything inside the connected window. */
export function ClockAndNotices({ clock, addNotice, children }: ClockAndNoticesProps) {
  return (
    <CoreClockContext.Provider value={clock}>
      <NoticeContext.Provider value={addNotice}>{children}</NoticeContext.Provider>
    </CoreClockContext.Provider>
  );
}
