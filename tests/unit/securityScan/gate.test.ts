import { describe, expect, it } from 'vitest';
import { type AcceptedFinding, parseAcceptedFindings } from '../../../scripts/securityScan/accepted';
import { evaluateGate, formatFinding, formatGateReport } from '../../../scripts/securityScan/gate';
import type { Finding, Severity } from '../../../scripts/securityScan/parseFindings';

function finding(
  check: string,
  severity: Severity,
  file: string | null = 'src/main/shell/window.ts',
): Finding {
  return {
    check,
    severity,
    confidence: 'FIRM',
    file,
    line: file === null ? 0 : 12,
    column: 4,
    sample: null,
    description: `description of ${check}`,
    url: `https://github.com/doyensec/electronegativity/wiki/${check}`,
  };
}

const REASON = 'the preload only exposes the typed contract bridge';

describe('evaluateGate', () => {
  it('passes with only low and informational findings', () => {
    const result = evaluateGate(
      [finding('CSP_GLOBAL_CHECK', 'LOW'), finding('NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL')],
      [],
    );
    expect(result.passed).toBe(true);
    expect(result.advisory).toHaveLength(2);
    expect(formatGateReport(result).at(-1)).toBe(
      'electronegativity: 0 high, 0 medium, 2 low/informational (gate: high+medium) — passed',
    );
  });

  it('fails on any HIGH or MEDIUM finding and prints each one', () => {
    const result = evaluateGate(
      [
        finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'),
        finding('SANDBOX_JS_CHECK', 'MEDIUM'),
        finding('CSP_GLOBAL_CHECK', 'LOW'),
      ],
      [],
    );
    expect(result.passed).toBe(false);
    expect(formatGateReport(result)).toEqual([
      'HIGH CONTEXT_ISOLATION_JS_CHECK src/main/shell/window.ts:12 — description of CONTEXT_ISOLATION_JS_CHECK',
      'MEDIUM SANDBOX_JS_CHECK src/main/shell/window.ts:12 — description of SANDBOX_JS_CHECK',
      'LOW CSP_GLOBAL_CHECK src/main/shell/window.ts:12 — description of CSP_GLOBAL_CHECK',
      'electronegativity: 1 high, 1 medium, 1 low/informational (gate: high+medium) — FAILED: 2 finding(s) to fix',
    ]);
  });

  it('lets a reviewed acceptance cover exactly its check in its file, and prints it with the reason', () => {
    const accepted: AcceptedFinding[] = [
      { check: 'PRELOAD_JS_CHECK', file: 'src/main/shell/window.ts', reason: REASON },
    ];
    const result = evaluateGate(
      [
        finding('PRELOAD_JS_CHECK', 'MEDIUM'),
        finding('PRELOAD_JS_CHECK', 'MEDIUM', 'src/main/shell/other.ts'),
      ],
      accepted,
    );
    expect(result.passed).toBe(false);
    expect(result.blocking.map((f) => f.file)).toEqual(['src/main/shell/other.ts']);
    expect(formatGateReport(result)).toContain(
      `accepted: MEDIUM PRELOAD_JS_CHECK src/main/shell/window.ts:12 — description of PRELOAD_JS_CHECK (${REASON})`,
    );
    expect(formatGateReport(result).at(-1)).toContain('(gate: high+medium, 1 accepted)');
  });

  it('matches whole-app findings by the file name "N/A" and names them plainly', () => {
    const global = finding('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'MEDIUM', null);
    expect(formatFinding(global)).toBe(
      'MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK (whole app) — description of PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    );
    const result = evaluateGate([global], [{ check: global.check, file: 'N/A', reason: REASON }]);
    expect(result.passed).toBe(true);
  });

  it('reports acceptances that match nothing any more', () => {
    const stale: AcceptedFinding = { check: 'PRELOAD_JS_CHECK', file: 'src/gone.ts', reason: REASON };
    const result = evaluateGate([], [stale]);
    expect(result.unusedAcceptances).toEqual([stale]);
    expect(formatGateReport(result)).toContain(
      'accepted entry matches no finding any more, remove it: PRELOAD_JS_CHECK src/gone.ts',
    );
  });
});

describe('parseAcceptedFindings', () => {
  it('reads the reviewed list', () => {
    const entry = { check: 'PRELOAD_JS_CHECK', file: 'src/main/shell/window.ts', reason: REASON };
    expect(parseAcceptedFindings({ $comment: 'why', accepted: [entry] }, 'accepted.json')).toEqual([entry]);
  });

  it.each([
    [{ accepted: [{ check: 'PRELOAD_JS_CHECK', file: 'src/a.ts' }] }, /accepted\.0\.reason/],
    [{ accepted: [{ check: 'PRELOAD_JS_CHECK', file: 'src/a.ts', reason: 'ok' }] }, /at least 20 characters/],
    [{ accepted: [{ check: 'preload', file: 'src/a.ts', reason: REASON }] }, /check id in capitals/],
    [[], /accepted\.json is not a valid list/],
  ])('refuses an entry without a checkable reason or check id (%#)', (json, message) => {
    expect(() => parseAcceptedFindings(json, 'accepted.json')).toThrow(message);
  });
});
