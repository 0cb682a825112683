import type { AcceptedFinding } from './accepted';
import type { Finding, Severity } from './parseFindings';

/** The severities that fail the test command. LOW and INFORMATIONAL are printed, never gating. */
export const GATING_SEVERITIES: readonly Severity[] = ['HIGH', 'MEDIUM'];

export interface AcceptedMatch {
  finding: Finding;
  acceptance: AcceptedFinding;
}

export interface GateResult {
  passed: boolean;
  /** HIGH/MEDIUM findings with no accepted entry: each one fails the gate. */
  blocking: Finding[];
  /** Findings covered by an entry of the reviewed allowlist. */
  accepted: AcceptedMatch[];
  /** LOW/INFORMATIONAL findings, shown for review. */
  advisory: Finding[];
  /** Allowlist entries that match nothing any more: stale, to be removed. */
  unusedAcceptances: AcceptedFinding[];
  counts: { high: number; medium: number; lowOrInformational: number };
}

export function evaluateGate(
  findings: readonly Finding[],
  acceptances: readonly AcceptedFinding[],
): GateResult {
  const blocking: Finding[] = [];
  const accepted: AcceptedMatch[] = [];
  const advisory: Finding[] = [];
  const used = new Set<AcceptedFinding>();
  for (const finding of findings) {
    const acceptance = acceptances.find(
      (a) => a.check === finding.check && a.file === (finding.file ?? 'N/A'),
    );
    if (acceptance !== undefined) {
      used.add(acceptance);
      accepted.push({ finding, acceptance });
    } else if (GATING_SEVERITIES.includes(finding.severity)) blocking.push(finding);
    else advisory.push(finding);
  }
  const count = (...severities: Severity[]) => findings.filter((f) => severities.includes(f.severity)).length;
  return {
    passed: blocking.length === 0,
    blocking,
    accepted,
    advisory,
    unusedAcceptances: acceptances.filter((a) => !used.has(a)),
    counts: {
      high: count('HIGH'),
      medium: count('MEDIUM'),
      lowOrInformational: count('LOW', 'INFORMATIONAL'),
    },
  };
}

/** `MEDIUM PRELOAD_JS_CHECK src/main/shell/window.ts:26 — Review the use of preload scripts`. */
export function formatFinding(finding: Finding): string {
  const place = finding.file === null ? '(whole app)' : `${finding.file}:${finding.line}`;
  return `${finding.severity} ${finding.check} ${place} — ${finding.description}`;
}

/** The gate's report, most important first; the summary line is last. */
export function formatGateReport(result: GateResult): string[] {
  const lines = [
    ...result.blocking.map(formatFinding),
    ...result.accepted.map(
      ({ finding, acceptance }) => `accepted: ${formatFinding(finding)} (${acceptance.reason})`,
    ),
    ...result.advisory.map(formatFinding),
    ...result.unusedAcceptances.map(
      (a) => `accepted entry matches no finding any more, remove it: ${a.check} ${a.file}`,
    ),
  ];
  const { high, medium, lowOrInformational } = result.counts;
  const acceptedNote = result.accepted.length > 0 ? `, ${result.accepted.length} accepted` : '';
  lines.push(
    `electronegativity: ${high} high, ${medium} medium, ${lowOrInformational} low/informational (gate: high+medium${acceptedNote})` +
      (result.passed ? ' — passed' : ` — FAILED: ${result.blocking.length} finding(s) to fix`),
  );
  return lines;
}
