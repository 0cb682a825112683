import { describe, expect, it } from 'vitest';
import { releasesOnClose } from '../../../src/main/core/notifications/notificationRelease';

describe('releasesOnClose', () => {
  it('on Windows keeps a toast that timed out or was hidden: the Action Center can still be clicked', () => {
    expect(releasesOnClose('win32', 'timedOut')).toBe(false);
    expect(releasesOnClose('win32', 'applicationHidden')).toBe(false);
    expect(releasesOnClose('win32', undefined)).toBe(false);
    expect(releasesOnClose('win32', 'userCanceled')).toBe(true);
  });

  it('elsewhere lets go at close', () => {
    expect(releasesOnClose('linux', undefined)).toBe(true);
    expect(releasesOnClose('darwin', undefined)).toBe(true);
  });
});
