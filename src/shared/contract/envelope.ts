import { z } from 'zod';

/**
 * How an answer crosses the process boundary. Errors travel as data, not as thrown exceptions: Electron
 * wraps a thrown error's message in "Error invoking remote method…", and the UI should show the app's words.
 */
export type InvokeEnvelope =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

export const invokeEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** One sentence naming the field that was wrong and why, e.g. `label: A label is at most 200 characters`. */
export function describeInvalidPayload(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'The request was not understood.';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}
