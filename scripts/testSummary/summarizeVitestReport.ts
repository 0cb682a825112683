import { relative, sep } from 'node:path';
import { z } from 'zod';

/**
 * Turns vitest's JSON report (Jest's format) into the closing lines of the test command. Vitest's own
 * counters treat a file that failed to load as zero failed tests, and a skipped test is easy to mistake
 * for a passed one; these lines say plainly what failed and what did not run.
 */

const statusSchema = z.enum(['passed', 'failed', 'skipped', 'pending', 'todo', 'disabled']);

const reportSchema = z.object({
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(z.object({ status: statusSchema, fullName: z.string() })),
    }),
  ),
});

/** The Electron suite skips itself where the Electron binary (or, for packaged.test.ts, a packaged app) is absent. */
const ELECTRON_SUITE_DIR = 'tests/electron/';

export interface TestSummary {
  passed: number;
  /** Failed tests, plus each file that failed without a failing test (e.g. it could not be imported). */
  failed: number;
  /** Tests that did not run: skipped, pending or todo. Never counted as passed. */
  notRun: number;
  /** The part of notRun that belongs to the Electron suite. */
  electronNotRun: number;
  /** Files that failed outside any test, with the first line of their error. */
  brokenFiles: { file: string; message: string }[];
}

export function summarizeVitestReport(json: unknown, repoRoot: string): TestSummary {
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`vitest's JSON report is not in the expected format: ${parsed.error.issues[0]?.message}`);
  }
  const summary: TestSummary = { passed: 0, failed: 0, notRun: 0, electronNotRun: 0, brokenFiles: [] };
  for (const file of parsed.data.testResults) {
    const path = relative(repoRoot, file.name).split(sep).join('/');
    const inElectronSuite = path.startsWith(ELECTRON_SUITE_DIR);
    let failedTests = 0;
    for (const test of file.assertionResults) {
      if (test.status === 'passed') summary.passed++;
      else if (test.status === 'failed') failedTests++;
      else {
        summary.notRun++;
        if (inElectronSuite) summary.electronNotRun++;
      }
    }
    summary.failed += failedTests;
    if (file.status === 'failed' && failedTests === 0) {
      summary.failed++;
      summary.brokenFiles.push({ file: path, message: (file.message ?? '').split('\n')[0] || 'no message' });
    }
  }
  return summary;
}

/** The closing lines; the last is always `tests: N passed, N failed[, N not run]`. */
export function formatTestSummary(summary: TestSummary): string[] {
  const lines = summary.brokenFiles.map(({ file, message }) => `FAILED ${file} — ${message}`);
  if (summary.electronNotRun > 0) {
    lines.push(
      `Electron tests not run: ${summary.electronNotRun} (no Electron binary or display here, or no packaged app to start)`,
    );
  }
  const notRun = summary.notRun > 0 ? `, ${summary.notRun} not run` : '';
  lines.push(`tests: ${summary.passed} passed, ${summary.failed} failed${notRun}`);
  return lines;
}
