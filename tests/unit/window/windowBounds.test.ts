import { describe, expect, it } from 'vitest';
import {
  boundsToSave,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  restoreWindowPlacement,
} from '../../../src/main/core/window/windowBounds';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 900 };
const RIGHT_MONITOR = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoreWindowPlacement', () => {
  it('reopens where the window was', () => {
    expect(restoreWindowPlacement({ x: 100, y: 80, width: 800, height: 600 }, [LAPTOP])).toEqual({
      position: 'saved',
      x: 100,
      y: 80,
      width: 800,
      height: 600,
    });
  });

  it('centres a window left on a monitor that is gone, keeping its size within the screen', () => {
    const saved = { x: 2000, y: 100, width: 2400, height: 1300 };
    expect(restoreWindowPlacement(saved, [LAPTOP, RIGHT_MONITOR]).position).toBe('saved');
    expect(restoreWindowPlacement(saved, [LAPTOP])).toEqual({
      position: 'centred',
      width: 1440,
      height: 900,
    });
  });

  it('centres a window whose title bar is above the screen or barely on it', () => {
    expect(restoreWindowPlacement({ x: 100, y: -500, width: 800, height: 600 }, [LAPTOP]).position).toBe(
      'centred',
    );
    expect(restoreWindowPlacement({ x: 1400, y: 10, width: 800, height: 600 }, [LAPTOP]).position).toBe(
      'centred',
    );
  });

  it('grows a window below the minimum size', () => {
    expect(restoreWindowPlacement({ x: 0, y: 0, width: 10, height: 10 }, [LAPTOP])).toMatchObject(
      MIN_WINDOW_SIZE,
    );
  });

  it.each([
    undefined,
    null,
    'x',
    { x: 1 },
    { x: 0, y: 0, width: Number.NaN, height: 5 },
    { x: 0.5, y: 0, width: 5, height: 5 },
  ])('uses the default for saved value %j', (saved) => {
    expect(restoreWindowPlacement(saved, [LAPTOP])).toEqual({ position: 'centred', ...DEFAULT_WINDOW_SIZE });
  });

  it('uses the default when no screen is known', () => {
    expect(restoreWindowPlacement({ x: 0, y: 0, width: 800, height: 600 }, [])).toEqual({
      position: 'centred',
      ...DEFAULT_WINDOW_SIZE,
    });
  });
});

describe('boundsToSave', () => {
  it('rounds to whole pixels (fractional scaling reports fractions)', () => {
    expect(boundsToSave({ x: 10.4, y: 20.6, width: 800.5, height: 599.49 })).toEqual({
      x: 10,
      y: 21,
      width: 801,
      height: 599,
    });
  });
});
