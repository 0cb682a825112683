import { describe, expect, it } from 'vitest';
import {
  POPOVER_SIZE,
  popoverBounds,
  type DisplayArea,
  type PopoverRequest,
} from '../../../src/main/core/window/popoverPosition';
import type { Rectangle } from '../../../src/main/core/window/windowBounds';

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };
const NO_BOUNDS = { x: 0, y: 0, width: 0, height: 0 };

/** A 1920×1080 screen with a 48-DIP taskbar on one side (Windows lets it sit on any of the four). */
function withTaskbar(edge: 'top' | 'bottom' | 'left' | 'right', screen: Rectangle = SCREEN): DisplayArea {
  const bar = 48;
  const workArea = {
    top: { ...screen, y: screen.y + bar, height: screen.height - bar },
    bottom: { ...screen, height: screen.height - bar },
    left: { ...screen, x: screen.x + bar, width: screen.width - bar },
    right: { ...screen, width: screen.width - bar },
  }[edge];
  return { bounds: screen, workArea };
}

function request(overrides: Partial<PopoverRequest>): PopoverRequest {
  return {
    size: POPOVER_SIZE,
    trayBounds: NO_BOUNDS,
    cursor: { x: 10, y: 10 },
    trigger: 'tray',
    displays: [withTaskbar('bottom')],
    ...overrides,
  };
}

function inside(inner: Rectangle, outer: Rectangle): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

describe('popoverBounds: next to the tray icon, on the side away from the taskbar', () => {
  it('Windows, taskbar at the bottom: just above the icon, centred on it', () => {
    const icon = { x: 1600, y: 1040, width: 24, height: 24 };
    expect(popoverBounds(request({ trayBounds: icon }))).toEqual({
      x: 1612 - 210,
      y: 1032 - 640,
      width: 420,
      height: 640,
    });
  });

  it('Windows, taskbar at the top: just below it', () => {
    const icon = { x: 1600, y: 12, width: 24, height: 24 };
    const display = withTaskbar('top');
    expect(popoverBounds(request({ trayBounds: icon, displays: [display] }))).toEqual({
      x: 1402,
      y: 48,
      width: 420,
      height: 640,
    });
  });

  it('Windows, taskbar on the left: beside it, level with the icon where the screen allows', () => {
    const icon = { x: 12, y: 900, width: 24, height: 24 };
    const bounds = popoverBounds(request({ trayBounds: icon, displays: [withTaskbar('left')] }));
    expect(bounds).toEqual({ x: 48, y: 1080 - 640, width: 420, height: 640 });
  });

  it('Windows, taskbar on the right: beside it, centred on the icon', () => {
    const icon = { x: 1884, y: 600, width: 24, height: 24 };
    expect(popoverBounds(request({ trayBounds: icon, displays: [withTaskbar('right')] }))).toEqual({
      x: 1872 - 420,
      y: 612 - 320,
      width: 420,
      height: 640,
    });
  });

  it('macOS menu bar: hangs from the menu bar under the icon', () => {
    const screen = { x: 0, y: 0, width: 1512, height: 982 };
    const display = { bounds: screen, workArea: { x: 0, y: 25, width: 1512, height: 957 - 70 } };
    const icon = { x: 1200, y: 0, width: 30, height: 24 };
    expect(popoverBounds(request({ trayBounds: icon, displays: [display] }))).toEqual({
      x: 1215 - 210,
      y: 25,
      width: 420,
      height: 640,
    });
  });

  it('an icon at the very end of the bar, or beside a short screen edge, keeps the whole popover on the screen', () => {
    const icon = { x: 1896, y: 1040, width: 24, height: 24 };
    expect(popoverBounds(request({ trayBounds: icon }))).toMatchObject({ x: 1920 - 420, y: 1032 - 640 });
    const high = { x: 1884, y: 100, width: 24, height: 24 };
    expect(popoverBounds(request({ trayBounds: high, displays: [withTaskbar('right')] }))).toMatchObject({
      x: 1872 - 420,
      y: 0,
    });
  });

  it('a taskbar that hides itself: the nearest screen edge decides', () => {
    const display = { bounds: SCREEN, workArea: SCREEN };
    const icon = { x: 1600, y: 1050, width: 24, height: 24 };
    expect(popoverBounds(request({ trayBounds: icon, displays: [display] }))).toMatchObject({
      x: 1402,
      y: 1050 - 640,
    });
  });
});

describe('popoverBounds: Linux, where getBounds() is all zeros', () => {
  it('a tray click opens it by the cursor, which is on the icon (top bar)', () => {
    const display = withTaskbar('top');
    const bounds = popoverBounds(request({ cursor: { x: 1800, y: 20 }, displays: [display] }));
    expect(bounds).toEqual({ x: 1920 - 420, y: 48, width: 420, height: 640 });
  });

  it('a tray click on a bottom panel opens it above the cursor', () => {
    const bounds = popoverBounds(request({ cursor: { x: 900, y: 1060 } }));
    expect(bounds).toEqual({ x: 900 - 210, y: 1032 - 640, width: 420, height: 640 });
  });

  it.each([
    ['top', { x: 1500, y: 48 }],
    ['bottom', { x: 1500, y: 1032 - 640 }],
    ['left', { x: 48, y: 1080 - 640 }],
    ['right', { x: 1872 - 420, y: 1080 - 640 }],
  ] as const)('the shortcut opens it in the corner beside a panel at the %s', (edge, corner) => {
    const bounds = popoverBounds(
      request({ trigger: 'shortcut', cursor: { x: 400, y: 400 }, displays: [withTaskbar(edge)] }),
    );
    expect(bounds).toEqual({ ...corner, width: 420, height: 640 });
  });

  it('Wayland, where the cursor cannot be read: a tray click opens it in the corner of the primary screen', () => {
    const other = withTaskbar('bottom', { x: 1920, y: 0, width: 1920, height: 1080 });
    expect(popoverBounds(request({ cursor: null, displays: [withTaskbar('top'), other] }))).toEqual({
      x: 1500,
      y: 48,
      width: 420,
      height: 640,
    });
  });

  it('with no panel at all, the bottom-right corner', () => {
    const display = { bounds: SCREEN, workArea: SCREEN };
    expect(
      popoverBounds(request({ trigger: 'shortcut', cursor: { x: 5, y: 5 }, displays: [display] })),
    ).toEqual({ x: 1500, y: 440, width: 420, height: 640 });
  });
});

describe('popoverBounds: several screens, scaling', () => {
  const left = withTaskbar('bottom', { x: -1920, y: 0, width: 1920, height: 1080 });
  const primary = withTaskbar('bottom');
  // A 4K screen at 200 %: 1920×1080 DIPs, above-right of the primary and taller than it reaches.
  const hidpi = withTaskbar('bottom', { x: 1920, y: -300, width: 1920, height: 1080 });

  it('stays on the screen of the icon, never spilling onto the next one', () => {
    const icon = { x: 3816, y: 732, width: 24, height: 24 };
    const bounds = popoverBounds(request({ trayBounds: icon, displays: [primary, left, hidpi] }));
    expect(bounds).toEqual({ x: 3840 - 420, y: 732 - 640, width: 420, height: 640 });
    expect(inside(bounds, hidpi.workArea)).toBe(true);
  });

  it('a screen left of the primary (negative coordinates)', () => {
    const icon = { x: -1910, y: 1040, width: 24, height: 24 };
    const bounds = popoverBounds(request({ trayBounds: icon, displays: [primary, left, hidpi] }));
    expect(bounds).toEqual({ x: -1920, y: 392, width: 420, height: 640 });
  });

  it('the shortcut picks the screen under the cursor', () => {
    const bounds = popoverBounds(
      request({ trigger: 'shortcut', cursor: { x: -500, y: 500 }, displays: [primary, left, hidpi] }),
    );
    expect(inside(bounds, left.workArea)).toBe(true);
  });

  it('a cursor off every screen picks the nearest one', () => {
    const bounds = popoverBounds(
      request({ trigger: 'shortcut', cursor: { x: 5000, y: 2000 }, displays: [primary, left, hidpi] }),
    );
    expect(inside(bounds, hidpi.workArea)).toBe(true);
  });

  it('fractional scaling (150 %) gives whole DIPs inside the work area', () => {
    const screen = { x: 0, y: 0, width: 1707, height: 960 };
    const display = { bounds: screen, workArea: { ...screen, height: 928 } };
    const icon = { x: 1600.67, y: 933.33, width: 21.33, height: 21.33 };
    const bounds = popoverBounds(request({ trayBounds: icon, displays: [display] }));
    expect(Object.values(bounds).every(Number.isInteger)).toBe(true);
    expect(inside(bounds, display.workArea)).toBe(true);
  });

  it('a work area smaller than the popover: it shrinks to fit', () => {
    const screen = { x: 0, y: 0, width: 1024, height: 600 };
    const display = { bounds: screen, workArea: { ...screen, height: 560 } };
    const icon = { x: 1000, y: 570, width: 20, height: 20 };
    expect(popoverBounds(request({ trayBounds: icon, displays: [display] }))).toEqual({
      x: 1024 - 420,
      y: 0,
      width: 420,
      height: 560,
    });
  });

  it('no screen reported: the size alone', () => {
    expect(popoverBounds(request({ displays: [] }))).toEqual({ x: 0, y: 0, ...POPOVER_SIZE });
  });
});
