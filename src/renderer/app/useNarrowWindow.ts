import { useCallback, useSyncExternalStore } from 'react';

/**
 * Below this width (a tray popover is 420 px) the list and a task's details are two screens instead of
 * two panes. The structure changes, not only the styling, so the window asks in script, not only in CSS.
 */
export const NARROW_WINDOW_QUERY = '(max-width: 719.98px)';

/** Whether a media query matches now, following it as the window changes. False where there is no window. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () =>
    typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : false,
  );
}

export function useNarrowWindow(): boolean {
  return useMediaQuery(NARROW_WINDOW_QUERY);
}
