import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from './support/propertySeed';

describe('property tests', () => {
  it('draw their cases from one seed, the same every run unless PROP_SEED names another', () => {
    expect(fc.readConfigureGlobal().seed).toBe(Number(process.env['PROP_SEED'] ?? DEFAULT_SEED));
  });
});
