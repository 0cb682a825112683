import { z } from 'zod';

export const DEFAULT_CAMB_API_BASE = 'https://client.camb.ai/apis';

export const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((url) => url.replace(/\/+$/, ''));

export class InvalidBaseUrlError extends Error {
  override readonly name = 'InvalidBaseUrlError';
}

/** Validates a base URL and drops trailing slashes, so paths can be appended as they are. */
export function parseBaseUrl(value: string, source = 'The CAMB.AI base URL'): string {
  const parsed = baseUrlSchema.safeParse(value.trim());
  if (!parsed.success) {
    throw new InvalidBaseUrlError(
      `${source} ${JSON.stringify(value)} ${parsed.error.issues[0]?.message ?? 'is not a valid URL'} (for example ${DEFAULT_CAMB_API_BASE})`,
    );
  }
  return parsed.data;
}

/** The base URL from `CAMB_API_BASE` when set and not blank, else CAMB.AI's own. Throws InvalidBaseUrlError. */
export function resolveBaseUrl(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env['CAMB_API_BASE'];
  if (configured === undefined || configured.trim() === '') return DEFAULT_CAMB_API_BASE;
  return parseBaseUrl(configured, 'CAMB_API_BASE');
}
