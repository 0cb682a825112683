import { createContext, useContext, useEffect, type RefObject } from 'react';
import type { FocusRequest, FocusTarget } from './navigation';

export interface FocusRequests {
  /** Where navigation wants keyboard focus next, until the element's owner moved it there. */
  readonly request: FocusRequest | null;
  /** Ask for focus on `target` (e.g. the add form its button just opened). */
  readonly focusOn: (target: FocusTarget) => void;
  /** The request was carried out (or cannot be: its element is not drawn). */
  readonly focused: (request: FocusRequest) => void;
}

export const FocusRequestContext = createContext<FocusRequests>({
  request: null,
  focusOn: () => undefined,
  focused: () => undefined,
});

export function useFocusRequests(): FocusRequests {
  return useContext(FocusRequestContext);
}

/**
 * Moves keyboard focus to `ref`'s element when navigation asks for `target`: as soon as the component
 * that owns the element is drawn with it (a request made before the element exists waits for it).
 */
export function useFocusTarget(target: FocusTarget, ref: RefObject<HTMLElement | null>): void {
  const { request, focused } = useFocusRequests();
  useEffect(() => {
    if (request?.target !== target) return;
    ref.current?.focus();
    focused(request);
  }, [request, target, ref, focused]);
}
