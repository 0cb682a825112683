import { describe, expect, it } from 'vitest';
import { macStartedAtLogin } from '../../../src/main/core/loginItem/macLoginStart';

describe('macStartedAtLogin', () => {
  it.each([
    // macOS says so (macOS 12, or an old-style login item): believed.
    [{ wasOpenedAtLogin: true, launchAtLogin: false, macosVersion: '12.7.1' }, true],
    // macOS 13+: wasOpenedAtLogin is false at log-in (SMAppService, FB10207829): the setting decides.
    [{ wasOpenedAtLogin: false, launchAtLogin: true, macosVersion: '13.0' }, true],
    [{ wasOpenedAtLogin: false, launchAtLogin: true, macosVersion: '15.1.0' }, true],
    [{ wasOpenedAtLogin: false, launchAtLogin: false, macosVersion: '15.1.0' }, false],
    [{ wasOpenedAtLogin: false, launchAtLogin: true, macosVersion: '12.7.1' }, false],
    [{ wasOpenedAtLogin: false, launchAtLogin: true, macosVersion: '' }, false],
  ])('%o → %s', (launch, expected) => {
    expect(macStartedAtLogin(launch)).toBe(expected);
  });
});
