import type { Rectangle } from './windowBounds';

/** The small window: the renderer's narrow layout (the e2e "narrow" viewport). */
export const POPOVER_SIZE = { width: 420, height: 640 } as const;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One screen as Electron's `screen` describes it, in DIPs (tray and cursor positions are DIPs too). */
export interface DisplayArea {
  readonly bounds: Rectangle;
  /** The screen less its taskbars, docks and menu bar. */
  readonly workArea: Rectangle;
}

export interface PopoverRequest {
  readonly size: { readonly width: number; readonly height: number };
  /** `tray.getBounds()`: the icon on macOS and Windows; all zeros on Linux, where Electron cannot tell. */
  readonly trayBounds: Rectangle;
  /** null where it cannot be read (Wayland: `screen.getCursorScreenPoint()` is not supported there). */
  readonly cursor: Point | null;
  /** A tray click puts the cursor on the icon; a keyboard shortcut leaves it anywhere. */
  readonly trigger: 'tray' | 'shortcut';
  /** `screen.getAllDisplays()`, primary first. */
  readonly displays: readonly DisplayArea[];
}

type Edge = 'top' | 'bottom' | 'left' | 'right';

function hasArea(rect: Rectangle): boolean {
  return rect.width > 0 && rect.height > 0;
}

function contains(rect: Rectangle, point: Point): boolean {
  return (
    point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height
  );
}

function centre(rect: Rectangle): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

function distance(rect: Rectangle, point: Point): number {
  const dx = Math.max(rect.x - point.x, 0, point.x - (rect.x + rect.width));
  const dy = Math.max(rect.y - point.y, 0, point.y - (rect.y + rect.height));
  return Math.hypot(dx, dy);
}

function displayAt(displays: readonly DisplayArea[], point: Point): DisplayArea | undefined {
  let nearest: DisplayArea | undefined;
  for (const display of displays) {
    if (contains(display.bounds, point)) return display;
    if (nearest === undefined || distance(display.bounds, point) < distance(nearest.bounds, point))
      nearest = display;
  }
  return nearest;
}

/** The side the taskbar or menu bar takes: where the work area stops short of the screen, widest first. */
function panelEdge(display: DisplayArea): Edge | null {
  const { bounds, workArea } = display;
  const insets: [Edge, number][] = [
    ['top', workArea.y - bounds.y],
    ['bottom', bounds.y + bounds.height - (workArea.y + workArea.height)],
    ['left', workArea.x - bounds.x],
    ['right', bounds.x + bounds.width - (workArea.x + workArea.width)],
  ];
  const [edge, inset] = insets.reduce((widest, next) => (next[1] > widest[1] ? next : widest));
  return inset > 0 ? edge : null;
}

/**
 * The edge the icon sits at: the side of the work area it lies beyond (a taskbar or menu bar), or, when it
 * lies inside it (a taskbar that hides itself), the nearest side of the screen.
 */
function anchorEdge(anchor: Rectangle, display: DisplayArea): Edge {
  const { workArea, bounds } = display;
  if (anchor.y + anchor.height <= workArea.y) return 'top';
  if (anchor.y >= workArea.y + workArea.height) return 'bottom';
  if (anchor.x + anchor.width <= workArea.x) return 'left';
  if (anchor.x >= workArea.x + workArea.width) return 'right';
  const middle = centre(anchor);
  const gaps: [Edge, number][] = [
    ['top', middle.y - bounds.y],
    ['bottom', bounds.y + bounds.height - middle.y],
    ['left', middle.x - bounds.x],
    ['right', bounds.x + bounds.width - middle.x],
  ];
  return gaps.reduce((nearest, next) => (next[1] < nearest[1] ? next : nearest))[0];
}

/** With nothing to point at: the work area's corner beside the panel, where trays live (right-hand end). */
function cornerAnchor(display: DisplayArea): { anchor: Rectangle; edge: Edge } {
  const { workArea } = display;
  const right = workArea.x + workArea.width;
  const bottom = workArea.y + workArea.height;
  const edge = panelEdge(display) ?? 'bottom';
  const point: Point =
    edge === 'top'
      ? { x: right, y: workArea.y }
      : edge === 'left'
        ? { x: workArea.x, y: bottom }
        : { x: right, y: bottom };
  return { anchor: { ...point, width: 0, height: 0 }, edge };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Where the popover opens: next to the tray icon, on the side away from the taskbar or menu bar, centred
 * on the icon and kept whole inside that screen's work area. Without the icon's place (Linux) a tray
 * click puts it by the cursor, which is on the icon; a shortcut, or a cursor that cannot be read, puts it
 * in the corner beside the panel (of the primary screen, first in `displays`, when nothing says which).
 * Whole DIPs, as BrowserWindow.setBounds takes them.
 */
export function popoverBounds(request: PopoverRequest): Rectangle {
  const tray = hasArea(request.trayBounds) ? request.trayBounds : null;
  const cursor = request.cursor === null ? null : { ...request.cursor, width: 0, height: 0 };
  const pointer = tray === null && request.trigger === 'tray' ? cursor : null;
  const located = tray ?? cursor;
  const display = located === null ? request.displays[0] : displayAt(request.displays, centre(located));
  if (display === undefined) return { x: 0, y: 0, ...request.size };

  const placed = tray ?? pointer;
  const { anchor, edge } =
    placed === null ? cornerAnchor(display) : { anchor: placed, edge: anchorEdge(placed, display) };
  const { workArea } = display;
  const width = Math.min(request.size.width, workArea.width);
  const height = Math.min(request.size.height, workArea.height);
  const middle = centre(anchor);
  const x =
    edge === 'left' ? anchor.x + anchor.width : edge === 'right' ? anchor.x - width : middle.x - width / 2;
  const y =
    edge === 'top' ? anchor.y + anchor.height : edge === 'bottom' ? anchor.y - height : middle.y - height / 2;
  return {
    x: Math.round(clamp(x, workArea.x, workArea.x + workArea.width - width)),
    y: Math.round(clamp(y, workArea.y, workArea.y + workArea.height - height)),
    width: Math.round(width),
    height: Math.round(height),
  };
}
