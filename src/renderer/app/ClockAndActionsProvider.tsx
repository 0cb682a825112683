import type { ReactNode } from 'react';
import { QuickActionsContext, type QuickActionRunner } from '../tasks/quickActions';
import { CoreClockContext, type CoreClock } from './coreClock';

interface ClockAndActionsProviderProps {
  readonly clock: CoreClock;
  readonly quickAction: QuickActionRunner;
  readonly children: ReactNode;
}

/** The core's clock and the rows' quick actions, for everything in the window. */
export function ClockAndActionsProvider({ clock, quickAction, children }: ClockAndActionsProviderProps) {
  return (
    <CoreClockContext.Provider value={clock}>
      <QuickActionsContext.Provider value={quickAction}>{children}</QuickActionsContext.Provider>
    </CoreClockContext.Provider>
  );
}
