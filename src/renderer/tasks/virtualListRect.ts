import { measureElement, observeElementRect, type Virtualizer } from '@tanstack/react-virtual';

type Rect = { width: number; height: number };

/** Enough rows for a typical window; used until (or where) the list has a measured size. */
export const FALLBACK_RECT: Rect = { width: 640, height: 640 };

/**
 * The virtualizer's own observer, except that a list with no measured size (not laid out yet, or a DOM
 * without layout such as happy-dom) shows a first window of rows instead of none.
 */
export function observeListRect(
  instance: Virtualizer<HTMLDivElement, Element>,
  callback: (rect: Rect) => void,
): ReturnType<typeof observeElementRect> {
  return observeElementRect(instance, (rect) =>
    callback(rect.height > 0 && rect.width > 0 ? rect : FALLBACK_RECT),
  );
}

/**
 * A row's measured height; a row with no layout (happy-dom) keeps `fallback`, the estimate, instead of
 * measuring zero, which would make the list draw every row at once.
 */
export function measureRowWith(fallback: number) {
  return (
    element: Element,
    entry: ResizeObserverEntry | undefined,
    instance: Virtualizer<HTMLDivElement, Element>,
  ): number => {
    const size = measureElement(element, entry, instance);
    return size > 0 ? size : fallback;
  };
}
