import type { RequestFailure } from '../main/core/camb/outcomes';
import { HOW_TO_SET_KEY } from './cliContext';
import { EXIT, type ExitCode } from './exitCodes';

export interface FailureVerdict {
  readonly exitCode: ExitCode;
  /** What went wrong and what to do about it, for stderr. */
  readonly message: string;
}

/**
 * What a failed request means for a CLI user: the exit code scripts branch on and a sentence saying how to
 * fix it. `subject` names what was asked for, e.g. "story task 3f2a…" or "tts run 4242".
 */
export function describeFailure(
  failure: RequestFailure,
  subject: string,
  keySource: string | null,
): FailureVerdict {
  switch (failure.type) {
    case 'auth-rejected':
      return {
        exitCode: EXIT.key,
        message:
          `CAMB.AI rejected the API key${keySource ? ` from the ${keySource}` : ''} (${failure.httpStatus}): ${failure.message}. ` +
          (keySource === 'environment'
            ? 'Check the CAMB_API_KEY environment variable.'
            : failure.httpStatus === 403
              ? 'The key works but lacks permission for this; check your CAMB.AI plan or use another key.'
              : `Replace it: ${HOW_TO_SET_KEY}`),
      };
    case 'not-found':
      return {
        exitCode: EXIT.notFound,
        message: `CAMB.AI does not know ${subject} (404): ${failure.message}. Check the id and --kind.`,
      };
    case 'invalid':
      return {
        exitCode: EXIT.usage,
        message: `CAMB.AI refused the request for ${subject} as invalid (422): ${failure.message}.`,
      };
    case 'rate-limited':
      return {
        exitCode: EXIT.unavailable,
        message: `CAMB.AI is rate-limiting requests: ${failure.message}. Try again later.`,
      };
    case 'server-error':
      return {
        exitCode: EXIT.unavailable,
        message: `CAMB.AI had a server error (${failure.httpStatus}): ${failure.message}. Try again later.`,
      };
    case 'network':
      return {
        exitCode: EXIT.unavailable,
        message: `Could not reach CAMB.AI: ${failure.message}. Check your connection or CAMB_API_BASE.`,
      };
    case 'malformed':
      return {
        exitCode: EXIT.unavailable,
        message: `CAMB.AI sent an answer CAMB Watch could not read: ${failure.message}. Try again later.`,
      };
  }
}

/** How a transient failure is reported while `wait` keeps going. */
export function describeRetry(failure: RequestFailure, retryInMs: number | null): string {
  const verdict = describeFailure(failure, 'the task', null).message.replace(/ Try again later\.$/, '');
  if (retryInMs === null) return verdict;
  return `${verdict} Retrying in ${Math.max(1, Math.round(retryInMs / 1000))} s.`;
}
