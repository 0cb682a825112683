import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The reviewed exceptions to the security gate. Each names one check in one file and says why the
 * finding is a false positive there, so silencing a finding is a visible, reviewable change — never a
 * blanket severity filter. Whole-app findings (no file) are named with the tool's own "N/A".
 */
const acceptedFindingSchema = z.object({
  check: z.string().regex(/^[A-Z0-9_]+$/, 'an electronegativity check id in capitals, e.g. PRELOAD_JS_CHECK'),
  file: z.string().min(1, 'the file as the gate prints it (e.g. src/main/shell/window.ts), or "N/A"'),
  reason: z.string().min(20, 'a reason a reviewer can check (at least 20 characters)'),
});

const acceptedFileSchema = z.object({
  $comment: z.string().optional(),
  accepted: z.array(acceptedFindingSchema),
});

export type AcceptedFinding = z.infer<typeof acceptedFindingSchema>;

export function parseAcceptedFindings(json: unknown, source: string): AcceptedFinding[] {
  const parsed = acceptedFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
      .join('; ');
    throw new Error(`${source} is not a valid list of accepted findings: ${problems}`);
  }
  return parsed.data.accepted;
}

export function loadAcceptedFindings(path: string): AcceptedFinding[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Could not read ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseAcceptedFindings(json, path);
}
