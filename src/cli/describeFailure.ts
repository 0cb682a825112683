import type { RequestFailure } from '../main/core/camb';
import { HOW_TO_SET_KEY } from './cliContext';
import { EXIT, type ExitCode } from './exitCodes';
import { inertLine } from '../shared/format/inertText';
import { sentence } from '../shared/format/sentence';

export interface FailureVerdict {
  readonly exitCode: ExitCode;
  /** What went wrong (the client's own words) and what to do about it, for stderr. */
  readonly message: string;
}

const EXIT_FOR: Readonly<Record<RequestFailure['type'], ExitCode>> = {
  'auth-rejected': EXIT.key,
  'not-found': EXIT.notFound,
  invalid: EXIT.usage,
  'rate-limited': EXIT.unavailable,
  'server-error': EXIT.unavailable,
  network: EXIT.unavailable,
  malformed: EXIT.unavailable,
};

function advice(failure: RequestFailure, keySource: string | null): string {
  switch (failure.type) {
    case 'auth-rejected':
      if (keySource === 'environment') return 'Check the CAMB_API_KEY environment variable.';
      if (failure.httpStatus === 403)
        return 'The key lacks permission for this: check your CAMB.AI plan or use another key.';
      return `Replace it: ${HOW_TO_SET_KEY}`;
    case 'not-found':
      return 'Check the id and --kind.';
    case 'invalid':
      return 'Check the id and --kind.';
    case 'network':
      return 'Check your connection, or CAMB_API_BASE if you set it.';
    default:
      return 'This is usually temporary: try again in a while.';
  }
}

/** What a failed request means for a CLI user: the exit code scripts branch on and how to fix it. */
export function describeFailure(failure: RequestFailure, keySource: string | null): FailureVerdict {
  return {
    exitCode: EXIT_FOR[failure.type],
    message: `${sentence(inertLine(failure.message))} ${advice(failure, keySource)}`,
  };
}

/** How a temporary failure is reported while `wait` keeps going. */
export function describeRetry(failure: RequestFailure, retryInMs: number | null): string {
  // The message may quote CAMB.AI's error body: one line, whatever the body held.
  const what = sentence(inertLine(failure.message));
  if (retryInMs === null) return what;
  return `${what} Retrying in ${Math.max(1, Math.round(retryInMs / 1000))} s.`;
}
