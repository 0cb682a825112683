import { createCambClient, resolveBaseUrl, type CambClient } from '../main/core/camb';
import type { CliContext } from './cliContext';
import { HOW_TO_SET_KEY } from './cliContext';
import { EXIT, type ExitCode } from './exitCodes';
import { sentence } from '../shared/format/sentence';
import { VERSION } from './version';

export type ApiAccess =
  | { readonly ok: true; readonly client: CambClient; readonly keySource: string | null }
  | { readonly ok: false; readonly exitCode: ExitCode };

/**
 * The key (environment first, then the keychain) and a CAMB client using it, or the exit code and a
 * message saying what is missing. Nothing is sent before this succeeds.
 */
export async function openApiAccess(context: CliContext): Promise<ApiAccess> {
  const { out } = context;
  let baseUrl: string;
  try {
    baseUrl = resolveBaseUrl(context.env);
  } catch (error) {
    out.note(`${(error as Error).message}.`);
    return { ok: false, exitCode: EXIT.usage };
  }
  const found = await context.secrets.get();
  if (!found.ok) {
    out.note(
      found.problem === 'keychain-unavailable'
        ? `${found.message}, and CAMB_API_KEY is not set. Put the key in the CAMB_API_KEY environment variable, or start your desktop keyring.`
        : `${sentence(found.message)} Replace it: ${HOW_TO_SET_KEY}`,
    );
    return { ok: false, exitCode: EXIT.key };
  }
  if (found.key === null) {
    out.note(`No CAMB.AI API key is set. ${HOW_TO_SET_KEY}`);
    return { ok: false, exitCode: EXIT.key };
  }
  const key = found.key;
  context.rememberSecret(key);
  const client = createCambClient({
    fetch: context.fetch,
    baseUrl,
    getApiKey: () => key,
    clock: context.requestClock,
    userAgent: `camb-watch/${VERSION}`,
  });
  return { ok: true, client, keySource: found.source };
}
