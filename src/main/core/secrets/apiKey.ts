import { z } from 'zod';
import type { InvalidKey } from './secretStore';

export const API_KEY_MAX_LENGTH = 256;

// Checked in this order so the first message names the most likely paste mistake.
const apiKeySchema = z
  .string({ error: 'The API key must be text.' })
  .trim()
  .min(1, 'The API key is empty: paste the key from your CAMB.AI account settings.')
  .max(
    API_KEY_MAX_LENGTH,
    `The API key is longer than ${API_KEY_MAX_LENGTH} characters: check that you pasted only the key.`,
  )
  .refine(
    (key) => !/\s/u.test(key),
    'The API key contains a space or line break: paste only the key, on one line.',
  )
  .refine(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
    (key) => !/[\u0000-\u001f\u007f]/u.test(key),
    'The API key contains a control character: paste it again as plain text.',
  )
  .refine(
    // HTTP headers carry only visible ASCII reliably; this also catches invisible paste debris (U+200B, U+FEFF).
    (key) => /^[\u0021-\u007e]*$/u.test(key),
    'The API key contains a character that is not plain visible ASCII (perhaps an invisible one from copying): type or paste it again.',
  );

/** Trims and checks a key about to be stored or used. Messages never quote the key. */
export function parseApiKey(raw: unknown): { ok: true; key: string } | InvalidKey {
  const parsed = apiKeySchema.safeParse(raw);
  if (parsed.success) return { ok: true, key: parsed.data };
  const message = parsed.error.issues[0]?.message ?? 'The API key is not valid.';
  return { ok: false, problem: 'invalid-key', message };
}
