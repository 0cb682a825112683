import type { CliContext } from '../cliContext';
import { HOW_TO_SET_KEY } from '../cliContext';
import { EXIT, type ExitCode } from '../exitCodes';
import { readSecretInput, SecretInputCancelled } from '../readSecretInput';

const KEYCHAIN_ADVICE =
  'Start your desktop keyring (gnome-keyring, KWallet or KeePassXC), or put the key in the CAMB_API_KEY environment variable instead.';

export async function keySet(context: CliContext): Promise<ExitCode> {
  const { out, secrets } = context;
  let input: string;
  try {
    input = await readSecretInput(context.stdin as Parameters<typeof readSecretInput>[0], out.note);
  } catch (error) {
    if (error instanceof SecretInputCancelled) {
      out.note('Cancelled: no API key was saved.');
      return EXIT.interrupted;
    }
    out.note(`Could not read the API key from standard input: ${(error as Error).message}.`);
    return EXIT.usage;
  }
  context.rememberSecret(input.trim());
  const outcome = await secrets.set(input);
  if (!outcome.ok) {
    if (outcome.problem === 'invalid-key') {
      out.note(`${outcome.message} Pipe the key in, e.g. \`camb-watch key set < key.txt\`.`);
      return EXIT.usage;
    }
    out.note(`Could not save the API key: ${outcome.message}. ${KEYCHAIN_ADVICE}`);
    return EXIT.key;
  }
  out.line(`API key saved in the ${outcome.where}.`);
  if (outcome.notice !== undefined) out.note(outcome.notice);
  return EXIT.ok;
}

export async function keyStatus(context: CliContext, json: boolean): Promise<ExitCode> {
  const { out, secrets } = context;
  const description = await secrets.describe();
  const keychain = description.store.works
    ? { where: description.store.where, works: true }
    : { where: description.store.where, works: false, problem: description.store.message };
  if (json) {
    out.json({ set: description.where !== null, where: description.where, keychain });
  } else if (description.where === null) {
    out.line('API key: not set.');
    out.note(HOW_TO_SET_KEY);
  } else {
    out.line(`API key: set (${description.where}).`);
  }
  if (!json && !description.store.works) out.note(`${description.store.message}. ${KEYCHAIN_ADVICE}`);
  return description.where === null ? EXIT.key : EXIT.ok;
}

export async function keyClear(context: CliContext): Promise<ExitCode> {
  const { out, secrets } = context;
  const outcome = await secrets.clear();
  if (!outcome.ok) {
    out.note(`Could not remove the API key: ${outcome.message}. ${KEYCHAIN_ADVICE}`);
    return EXIT.key;
  }
  out.line(
    outcome.removed
      ? `API key removed from the ${outcome.where}.`
      : `No API key was stored in the ${outcome.where}.`,
  );
  if (outcome.notice !== undefined) out.note(outcome.notice);
  return EXIT.ok;
}
