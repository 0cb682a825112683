import { z } from 'zod';

/**
 * Reads the CSV report electronegativity writes with `-o report.csv`. Its exit code says nothing (always
 * 0), so this file is the only verdict: anything we cannot read with certainty is an error, never "no
 * findings" — a gate that passes on a garbled report is worse than none.
 */

export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** Electronegativity's check id, e.g. NODE_INTEGRATION_JS_CHECK. */
  check: string;
  severity: Severity;
  confidence: 'CERTAIN' | 'FIRM' | 'TENTATIVE';
  /** Path relative to the scanned folder; null for whole-app findings (the tool writes "N/A"). */
  file: string | null;
  /** 1-based line; 0 when the finding has no place in a file. */
  line: number;
  column: number;
  /** The offending source line, when the tool quotes one. */
  sample: string | null;
  description: string;
  url: string;
}

export class ReportFormatError extends Error {
  override name = 'ReportFormatError';
}

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

const rowSchema = z.object({
  check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id in capitals'),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(['CERTAIN', 'FIRM', 'TENTATIVE']),
  file: z.string().min(1),
  location: z.string().regex(/^\d+:\d+$/, 'line:column'),
  sample: z.string(),
  description: z.string().min(1),
  url: z.string().startsWith('https://'),
});

/** The tool writes an unquoted N/A for an absent sample; quoted fields are always real values. */
const ABSENT = Symbol('absent');
type Field = string | typeof ABSENT;

export function parseElectronegativityCsv(text: string): Finding[] {
  const [header, ...rows] = splitCsv(text);
  const names = header?.fields.map((f) => (f === ABSENT ? 'N/A' : f));
  if (names === undefined || names.join(',') !== HEADER.join(',')) {
    throw new ReportFormatError(
      `electronegativity's CSV does not start with its usual header (${HEADER.join(', ')}); got: ${names?.join(', ') ?? 'an empty file'}`,
    );
  }
  return rows.map(({ fields, line }) => toFinding(fields, line));
}

function toFinding(fields: Field[], line: number): Finding {
  if (fields.length !== HEADER.length) {
    throw new ReportFormatError(
      `electronegativity's CSV, line ${line}: expected ${HEADER.length} fields, found ${fields.length} (the report is incomplete or garbled)`,
    );
  }
  const [check, severity, confidence, file, location, sample, description, url] = fields.map((f) =>
    f === ABSENT ? 'N/A' : f,
  );
  const parsed = rowSchema.safeParse({
    check,
    severity,
    confidence,
    file,
    location,
    sample,
    description,
    url,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ReportFormatError(`electronegativity's CSV, line ${line}: ${problems}`);
  }
  const row = parsed.data;
  const [lineNo, column] = row.location.split(':').map(Number) as [number, number];
  return {
    check: row.check,
    severity: row.severity,
    confidence: row.confidence,
    // Whole-app findings carry the file name "N/A", quoted like any file name.
    file: row.file === 'N/A' ? null : row.file,
    line: lineNo,
    column,
    sample: fields[5] === ABSENT ? null : row.sample,
    description: row.description,
    url: row.url,
  };
}

interface CsvRecord {
  fields: Field[];
  /** 1-based line of the file where the record starts, for error messages. */
  line: number;
}

/**
 * RFC 4180 with the tool's quirks: a space may follow a comma in the header, `N/A` stands unquoted for
 * "no value", and quoted fields may hold commas, doubled quotes and newlines.
 */
function splitCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: Field[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    const bare = field.trim();
    fields.push(!wasQuoted && bare === 'N/A' ? ABSENT : wasQuoted ? field : bare);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
    recordLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === ',') endField();
    else if (c === '\n') {
      line++;
      endRecord();
    } else if (c !== '\r') field += c;
  }
  if (quoted)
    throw new ReportFormatError(
      "electronegativity's CSV ends inside a quoted field (the report is cut short)",
    );
  endRecord();
  return records;
}
