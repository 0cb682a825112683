/**
 * The security gate of the test command: electronegativity over src/ and the built page (with package.json and
 * its lock file, for the Electron version), failing on any HIGH or MEDIUM finding not in the reviewed allowlist
 * (scripts/securityScan/accepted.json). The full report is kept in test-results/electronegativity.csv.
 *   npx tsx scripts/security-scan.ts
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAcceptedFindings } from './securityScan/accepted';
import { evaluateGate, formatGateReport } from './securityScan/gate';
import { parseElectronegativityCsv } from './securityScan/parseFindings';
import {
  BUILT_PAGE,
  REPO_ROOT,
  checkReadability,
  runElectronegativity,
  stageScanInput,
} from './securityScan/runElectronegativity';

const reportPath = join(REPO_ROOT, 'test-results', 'electronegativity.csv');
mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });

if (!existsSync(join(REPO_ROOT, BUILT_PAGE))) {
  console.error(`electronegativity gate: ${BUILT_PAGE} is missing; run \`npm run build\` first.`);
  process.exit(1);
}
const staged = stageScanInput();
try {
  const accepted = loadAcceptedFindings(join(REPO_ROOT, 'scripts', 'securityScan', 'accepted.json'));
  const { scanned, unreadable } = checkReadability(staged.dir);
  console.log(`electronegativity: scanning ${scanned.length} files (src/ and the built page)…`);
  const findings = parseElectronegativityCsv(
    await runElectronegativity({ inputDir: staged.dir, reportPath }),
  );
  const result = evaluateGate(findings, accepted);
  for (const { file, message } of unreadable) {
    console.log(`UNSCANNED ${file} — electronegativity cannot parse it (${message})`);
  }
  for (const line of formatGateReport(result)) console.log(line);
  if (unreadable.length > 0)
    console.log(`electronegativity: FAILED: ${unreadable.length} file(s) not scanned`);
  console.log(`(full report: ${reportPath})`);
  process.exitCode = result.passed && unreadable.length === 0 ? 0 : 1;
} catch (error) {
  console.error(`electronegativity gate: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  staged.remove();
}
