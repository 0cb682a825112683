import { z } from 'zod';

export const DEFAULT_CAMB_API_BASE = 'https://client.camb.ai/apis';

function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

// Request paths are appended to the base as text, so a query or fragment would swallow them
// (`…/apis?x=1/story/<id>`), and fetch refuses URLs with credentials, quoting them in its error.
export const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL', abort: true })
  .refine((url) => !/[?#]/.test(url), {
    error: 'must not have a ?query or #fragment (paths such as /story/<id> are added after it)',
    abort: true,
  })
  .refine((url) => !hasCredentials(url), { error: 'must not contain a user name or password' })
  .transform((url) => url.replace(/\/+$/, ''));

export class InvalidBaseUrlError extends Error {
  override readonly name = 'InvalidBaseUrlError';
}

/** Validates a base URL and drops trailing slashes, so paths can be appended as they are. */
export function parseBaseUrl(value: string, source = 'The CAMB.AI base URL'): string {
  const parsed = baseUrlSchema.safeParse(value.trim());
  if (!parsed.success) {
    throw new InvalidBaseUrlError(
      `${source} ${JSON.stringify(withoutCredentials(value))} ${parsed.error.issues[0]?.message ?? 'is not a valid URL'} (for example ${DEFAULT_CAMB_API_BASE})`,
    );
  }
  return parsed.data;
}

/** Messages quote the URL the user gave, but never a password in it. */
function withoutCredentials(value: string): string {
  return value.replace(/\/\/[^/?#]*@/, '//…@');
}

/** The base URL from `CAMB_API_BASE` when set and not blank, else CAMB.AI's own. Throws InvalidBaseUrlError. */
export function resolveBaseUrl(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env['CAMB_API_BASE'];
  if (configured === undefined || configured.trim() === '') return DEFAULT_CAMB_API_BASE;
  return parseBaseUrl(configured, 'CAMB_API_BASE');
}
