import { describe, expect, it } from 'vitest';
import { formatTestSummary, summarizeVitestReport } from '../../../scripts/testSummary/summarizeVitestReport';

const ROOT = '/repo';

type Status = 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';

function file(path: string, statuses: Status[], extra: { status?: string; message?: string } = {}) {
  return {
    name: `${ROOT}/${path}`,
    status: extra.status ?? (statuses.includes('failed') ? 'failed' : 'passed'),
    message: extra.message ?? '',
    assertionResults: statuses.map((status, i) => ({ status, fullName: `test ${i}`, title: `test ${i}` })),
  };
}

/** The parts of vitest's JSON report the summary reads, plus its own (misleading) counters. */
function report(...files: ReturnType<typeof file>[]) {
  return { numPassedTests: 999, numFailedTests: 0, numPendingTests: 0, testResults: files };
}

describe('summarizeVitestReport', () => {
  it('counts passed and failed tests', () => {
    const summary = summarizeVitestReport(
      report(
        file('tests/unit/a.test.ts', ['passed', 'passed', 'failed']),
        file('tests/unit/b.test.ts', ['passed']),
      ),
      ROOT,
    );
    expect(formatTestSummary(summary)).toEqual(['tests: 3 passed, 1 failed']);
  });

  it('says plainly that the Electron suite did not run, and never counts its skipped tests as passed', () => {
    const summary = summarizeVitestReport(
      report(
        file('tests/unit/a.test.ts', ['passed', 'passed']),
        file('tests/electron/app.test.ts', ['skipped', 'skipped', 'skipped']),
        file('tests/electron/tray.test.ts', ['pending']),
      ),
      ROOT,
    );
    expect(summary).toMatchObject({ passed: 2, failed: 0, notRun: 4, electronNotRun: 4 });
    expect(formatTestSummary(summary)).toEqual([
      'Electron tests not run: 4 (no Electron binary or display here, or no packaged app to start)',
      'tests: 2 passed, 0 failed, 4 not run',
    ]);
  });

  it('counts other skipped tests as not run without blaming Electron', () => {
    const summary = summarizeVitestReport(
      report(
        file('tests/unit/a.test.ts', ['passed', 'skipped', 'todo']),
        file('tests/electron/app.test.ts', ['passed']),
      ),
      ROOT,
    );
    expect(formatTestSummary(summary)).toEqual(['tests: 2 passed, 0 failed, 2 not run']);
  });

  it('counts a file that failed before its tests ran as a failure and names it', () => {
    const summary = summarizeVitestReport(
      report(
        file('tests/unit/a.test.ts', ['passed']),
        file('tests/e2e/broken.test.ts', [], {
          status: 'failed',
          message: 'Failed to load url ../missing (resolved id: ../missing)\n    at somewhere',
        }),
      ),
      ROOT,
    );
    expect(formatTestSummary(summary)).toEqual([
      'FAILED tests/e2e/broken.test.ts — Failed to load url ../missing (resolved id: ../missing)',
      'tests: 1 passed, 1 failed',
    ]);
  });

  it('refuses a report it does not understand', () => {
    expect(() => summarizeVitestReport({ testResults: [{ name: 'x' }] }, ROOT)).toThrow(
      /vitest's JSON report is not in the expected format/,
    );
  });
});
