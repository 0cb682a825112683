import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateGate, formatGateReport } from '../../../scripts/securityScan/gate';
import { parseElectronegativityCsv } from '../../../scripts/securityScan/parseFindings';
import { checkReadability, runElectronegativity } from '../../../scripts/securityScan/runElectronegativity';

// The real tool over a tiny app: proves it reads TypeScript (the window below has a type annotation only
// a TypeScript parser accepts) and that the gate would fail on an insecure window.
const INSECURE_WINDOW = `import { app, BrowserWindow } from 'electron';

export function open(): BrowserWindow {
  const window: BrowserWindow = new BrowserWindow({
    webPreferences: { nodeIntegration: true, contextIsolation: false },
  });
  return window;
}
app.on('ready', open);
`;
// Syntax electronegativity's parser does not enable: with -o it skips such a file without a word.
const UNPARSEABLE = 'export class Holder {\n  accessor value = 1;\n}\n';
const PACKAGE_JSON = JSON.stringify({
  name: 'fixture',
  version: '1.0.0',
  devDependencies: { electron: '^45.5.0' },
});

// Each run takes ~10 s, most of it a failed online version check.
const RUN_TIMEOUT = 90_000;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'security-scan-test-'));
  for (const app of ['app', 'unversioned']) {
    mkdirSync(join(root, app, 'src'), { recursive: true });
    writeFileSync(join(root, app, 'src', 'main.ts'), INSECURE_WINDOW);
  }
  writeFileSync(join(root, 'app', 'src', 'holder.ts'), UNPARSEABLE);
  writeFileSync(join(root, 'app', 'package.json'), PACKAGE_JSON);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('electronegativity over a real app folder', () => {
  it(
    'finds the insecure window in a .ts file, so the gate fails; an app without an Electron version is refused',
    async () => {
      const [csv, unversioned] = await Promise.allSettled([
        runElectronegativity({ inputDir: join(root, 'app'), reportPath: join(root, 'app.csv') }),
        runElectronegativity({
          inputDir: join(root, 'unversioned'),
          reportPath: join(root, 'unversioned.csv'),
        }),
      ]);

      expect(csv.status).toBe('fulfilled');
      const findings = parseElectronegativityCsv((csv as PromiseFulfilledResult<string>).value);
      expect(findings).toContainEqual(
        expect.objectContaining({
          check: 'CONTEXT_ISOLATION_JS_CHECK',
          severity: 'HIGH',
          file: 'src/main.ts',
          line: 5,
        }),
      );
      expect(findings).toContainEqual(
        expect.objectContaining({
          check: 'SANDBOX_JS_CHECK',
          severity: 'MEDIUM',
          file: 'src/main.ts',
          line: 4,
        }),
      );
      // The tool says nothing about the file it could not parse...
      expect(findings.some((f) => f.file === 'src/holder.ts')).toBe(false);

      const result = evaluateGate(findings, []);
      expect(result.passed).toBe(false);
      expect(formatGateReport(result)).toContain(
        'HIGH CONTEXT_ISOLATION_JS_CHECK src/main.ts:5 — Review the use of the contextIsolation option',
      );

      expect(unversioned.status).toBe('rejected');
      expect(String((unversioned as PromiseRejectedResult).reason)).toMatch(
        /could not find the Electron version/,
      );
    },
    RUN_TIMEOUT,
  );

  it('names the files it would skip unread', { timeout: 30_000 }, () => {
    // ...so the gate parses every file with the tool's own parser first.
    const { scanned, unreadable } = checkReadability(join(root, 'app'));
    expect(scanned).toEqual(['src/holder.ts', 'src/main.ts']);
    expect(unreadable).toEqual([
      { file: 'src/holder.ts', message: expect.stringContaining('decoratorAutoAccessors') },
    ]);
  });
});
