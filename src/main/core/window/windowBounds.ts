import { z } from 'zod';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where the window opens: a saved place, or only a size (the window manager centres it). */
export type WindowPlacement =
  | ({ readonly position: 'saved' } & Rectangle)
  | { readonly position: 'centred'; readonly width: number; readonly height: number };

export const DEFAULT_WINDOW_SIZE = { width: 960, height: 640 } as const;
export const MIN_WINDOW_SIZE = { width: 480, height: 360 } as const;

/** How much of the window's top edge must be on a screen to be grabbed and moved back. */
const GRABBABLE = { width: 120, height: 40 } as const;

const savedBoundsSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
});

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The place to reopen the window, from what was saved (anything: the file is the user's) and the screens'
 * work areas now. A size is kept within the largest screen; a position only when the window's top edge
 * can still be grabbed on some screen — a monitor unplugged since must not leave it out of reach.
 */
export function restoreWindowPlacement(saved: unknown, workAreas: readonly Rectangle[]): WindowPlacement {
  const parsed = savedBoundsSchema.safeParse(saved);
  if (!parsed.success || workAreas.length === 0) return { position: 'centred', ...DEFAULT_WINDOW_SIZE };
  const maxWidth = Math.max(...workAreas.map((area) => area.width));
  const maxHeight = Math.max(...workAreas.map((area) => area.height));
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(parsed.data.width, maxWidth));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(parsed.data.height, maxHeight));
  const topEdge = { x: parsed.data.x, y: parsed.data.y, width, height: GRABBABLE.height };
  const reachable = workAreas.some((area) => {
    const shared = overlap(topEdge, area);
    return shared.width >= GRABBABLE.width && shared.height >= GRABBABLE.height;
  });
  return reachable
    ? { position: 'saved', x: parsed.data.x, y: parsed.data.y, width, height }
    : { position: 'centred', width, height };
}

/** What is saved when the window moves: whole pixels, nothing else. */
export function boundsToSave(bounds: Rectangle): Rectangle {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
  };
}
