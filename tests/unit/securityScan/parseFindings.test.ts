import { describe, expect, it } from 'vitest';
import { ReportFormatError, parseElectronegativityCsv } from '../../../scripts/securityScan/parseFindings';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const URL = 'https://github.com/doyensec/electronegativity/wiki';

/** Rows as electronegativity 1.10 writes them (quoted values, unquoted N/A and URL). */
const [GLOBAL_ROW, CONTEXT_ISOLATION_ROW, CSP_ROW] = [
  `PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"Missing PermissionRequestHandler to limit specific permissions (e.g. openExternal) in response to events from particular origins.",${URL}/PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK`,
  `CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","src/main/shell/window.ts","5:45","webPreferences: { nodeIntegration: true, contextIsolation: false },","Review the use of the contextIsolation option",${URL}/CONTEXT_ISOLATION_JS_CHECK`,
  `CSP_GLOBAL_CHECK,"LOW","FIRM","src/renderer/index.html","5:0","default-src 'self'; img-src ""data:""","One or more CSP directives detected seems to be vulnerable",${URL}/CSP_GLOBAL_CHECK`,
] as const;
const REPORT = [HEADER, GLOBAL_ROW, CONTEXT_ISOLATION_ROW, CSP_ROW, ''].join('\n');

/** What the file holds when `header` is written at offset 0 after `rows` were appended. */
function overwrite(rows: string, header: string): string {
  return header + rows.slice(header.length);
}

describe('parseElectronegativityCsv', () => {
  it('reads every finding with its severity, place, sample and description', () => {
    const findings = parseElectronegativityCsv(REPORT);
    expect(findings).toEqual([
      {
        check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        severity: 'MEDIUM',
        confidence: 'CERTAIN',
        file: null,
        line: 0,
        column: 0,
        sample: null,
        description:
          'Missing PermissionRequestHandler to limit specific permissions (e.g. openExternal) in response to events from particular origins.',
        url: `${URL}/PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK`,
      },
      {
        check: 'CONTEXT_ISOLATION_JS_CHECK',
        severity: 'HIGH',
        confidence: 'FIRM',
        file: 'src/main/shell/window.ts',
        line: 5,
        column: 45,
        sample: 'webPreferences: { nodeIntegration: true, contextIsolation: false },',
        description: 'Review the use of the contextIsolation option',
        url: `${URL}/CONTEXT_ISOLATION_JS_CHECK`,
      },
      expect.objectContaining({ check: 'CSP_GLOBAL_CHECK', sample: `default-src 'self'; img-src "data:"` }),
    ]);
  });

  it('reads Windows line endings and quoted newlines', () => {
    const text = [
      HEADER,
      `PRELOAD_JS_CHECK,"MEDIUM","FIRM","src\\main.ts","26:6","preload: x,\ny","Review the use of preload scripts",${URL}/PRELOAD_JS_CHECK`,
      '',
    ].join('\r\n');
    expect(parseElectronegativityCsv(text)).toEqual([
      expect.objectContaining({
        check: 'PRELOAD_JS_CHECK',
        file: 'src\\main.ts',
        sample: 'preload: x,\ny',
        line: 26,
      }),
    ]);
  });

  it('reads a report with no findings as no findings', () => {
    expect(parseElectronegativityCsv(`${HEADER}\n`)).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['a report without its header', REPORT.split('\n').slice(1).join('\n')],
    // The tool writes the header and the rows with two concurrent writes: if the rows land first, the
    // header overwrites the start of the first row. That must fail the gate, not pass it.
    [
      'a header written over the first row',
      overwrite(`${CONTEXT_ISOLATION_ROW}\n${CSP_ROW}\n`, `${HEADER}\n`),
    ],
    ['an unknown severity', `${HEADER}\nX_CHECK,"CRITICAL","FIRM","a.ts","1:1","s","d",${URL}/X`],
    ['a row cut short', `${HEADER}\nX_CHECK,"HIGH","FIRM","a.ts","1:1","s`],
    ['a bad location', `${HEADER}\nX_CHECK,"HIGH","FIRM","a.ts","line 1","s","d",${URL}/X`],
  ])('refuses %s', (_what, text) => {
    expect(() => parseElectronegativityCsv(text)).toThrow(ReportFormatError);
  });

  it('says which line is wrong', () => {
    const text = `${HEADER}\n${GLOBAL_ROW}\nX_CHECK,"HIGH","FIRM","a.ts","1:1"\n`;
    expect(() => parseElectronegativityCsv(text)).toThrow(/line 3: expected 8 fields, found 5/);
  });
});
