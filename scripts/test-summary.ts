/**
 * The closing lines of the test command, from vitest's JSON report:
 *   npx tsx scripts/test-summary.ts test-results/vitest.json
 * Exits 1 when the report is missing or unreadable (vitest died before writing it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTestSummary, summarizeVitestReport } from './testSummary/summarizeVitestReport';

const reportPath = process.argv[2] ?? 'test-results/vitest.json';
try {
  const report: unknown = JSON.parse(readFileSync(reportPath, 'utf8'));
  const lines = formatTestSummary(summarizeVitestReport(report, join(import.meta.dirname, '..')));
  console.log(`\n${lines.join('\n')}`);
} catch (error) {
  console.log(`\ntests: no usable report at ${reportPath} (${(error as Error).message})`);
  process.exitCode = 1;
}
