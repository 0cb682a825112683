import './doNotDisturbIndicator.css';
import { BellOff } from 'lucide-react';
import { doNotDisturbActive, doNotDisturbEndText } from '../../shared/format/doNotDisturb';
import { useNow } from '../state/coreClock';

/**
 * "Do not disturb until 08:00", near the list's header while notifications are held, so a quiet list is
 * not mistaken for nothing finishing; nothing at all while it is off. Settings (Notifications) and the
 * tray menu turn it off.
 */
export function DoNotDisturbIndicator({ until }: { readonly until: number | null }) {
  const now = useNow();
  if (until === null || !doNotDisturbActive(until, now)) return null;
  return (
    <p
      className="dnd-indicator"
      data-testid="do-not-disturb-indicator"
      title="Notifications wait, then arrive as one summary. Turn it off in Settings or the tray menu."
    >
      <BellOff size={14} strokeWidth={2} aria-hidden="true" />
      <span>Do not disturb until {doNotDisturbEndText(until, now)}</span>
    </p>
  );
}
