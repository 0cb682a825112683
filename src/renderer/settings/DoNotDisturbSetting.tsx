import { doNotDisturbActive, doNotDisturbEndText } from '../../shared/format/doNotDisturb';
import type { QuietHours } from '../../shared/quietHours';
import { useBridge } from '../state/bridgeContext';
import { useNow } from '../state/coreClock';
import { QuietHoursSetting } from './QuietHoursSetting';

interface DoNotDisturbProps {
  readonly until: number | null;
  readonly quietHours: QuietHours;
  readonly run: (action: () => Promise<unknown>) => Promise<void>;
}

/**
 * Whether Do not disturb is on and until when, with the same choices as the tray menu, and the quiet
 * hours that turn it on by themselves.
 */
export function DoNotDisturbSetting({ until, quietHours, run }: DoNotDisturbProps) {
  const bridge = useBridge();
  const now = useNow();
  const set = (choice: 'hour' | 'tomorrow' | 'off') => void run(() => bridge.setDoNotDisturb({ choice }));
  const on = until !== null && doNotDisturbActive(until, now);
  return (
    <div className="do-not-disturb" role="group" aria-labelledby="do-not-disturb-title">
      <p id="do-not-disturb-title" className="toggle-label">
        Do not disturb
      </p>
      {on ? (
        <>
          <p className="toggle-description" data-testid="do-not-disturb-state">
            On until {doNotDisturbEndText(until, now)}: notifications wait, then arrive as one summary.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => set('off')}>
              Turn off Do not disturb
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="toggle-description" data-testid="do-not-disturb-state">
            Off. Also in the tray menu.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => set('hour')}>
              For 1 hour
            </button>
            <button type="button" onClick={() => set('tomorrow')}>
              Until tomorrow morning (08:00)
            </button>
          </div>
        </>
      )}
      <QuietHoursSetting quietHours={quietHours} />
    </div>
  );
}
