/** Do not disturb in words, for the tray menu and Settings alike. */

/** Whether Do not disturb holds notifications at `now`. */
export function doNotDisturbActive(until: number | null, now: number): boolean {
  return until !== null && now < until;
}

/** "08:00", or "Mon 08:00" when it is not today: when Do not disturb ends, in the menu and Settings. */
export function doNotDisturbEndText(until: number, now: number): string {
  const end = new Date(until);
  const time = end.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return end.toDateString() === new Date(now).toDateString()
    ? time
    : `${end.toLocaleDateString('en-GB', { weekday: 'short' })} ${time}`;
}
