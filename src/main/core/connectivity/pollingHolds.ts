/** What holds polling besides the user's pause: the computer asleep, the screen locked. */
export type PollingHold = 'sleep' | 'lock';

/**
 * Combines the holds into the one "suspended" fact the watch service takes: waking up while the screen
 * is still locked must not resume polling, and unlocking a computer that never slept must.
 */
export function createPollingHolds(
  onChange: (held: boolean) => void,
): (hold: PollingHold, on: boolean) => void {
  const active = new Set<PollingHold>();
  return (hold, on) => {
    const before = active.size > 0;
    if (on) active.add(hold);
    else active.delete(hold);
    const after = active.size > 0;
    if (after !== before) onChange(after);
  };
}
