import type { ResultView } from '../../../shared/contract';
import { sentence } from '../../../shared/format/sentence';
import type { RequestFailure } from '../camb/outcomes';
import type { ResultLink, ResultOutcome } from '../camb/resultOutcomes';

export type FetchedResult = ResultOutcome | { readonly type: 'not-ready'; readonly message: string };

function describeResultFailure(failure: RequestFailure): string {
  switch (failure.type) {
    case 'auth-rejected':
      return `CAMB.AI rejected the API key (HTTP ${failure.httpStatus}): set a valid key in Settings.`;
    case 'not-found':
      return 'CAMB.AI has no result for this run (HTTP 404).';
    case 'invalid':
      // The client's message already says CAMB.AI refused the request, with its status and reason.
      return sentence(failure.message);
    case 'rate-limited':
      return 'CAMB.AI asked us to slow down: try again in a minute.';
    case 'server-error':
      return `CAMB.AI had a server error (HTTP ${failure.httpStatus}): try again in a while.`;
    case 'network':
      return `Could not reach CAMB.AI (${failure.reason}): check your connection and try again.`;
    case 'malformed':
      return 'CAMB.AI sent a result that could not be read: try again in a while.';
  }
}

/** A result as the UI shows it: its links and texts, or one sentence saying why there is none. */
export function toResultView(outcome: FetchedResult): ResultView {
  switch (outcome.type) {
    case 'result':
      return {
        ok: true,
        runId: outcome.result.runId,
        links: outcome.result.links.map((link) => ({ name: link.name, url: link.url })),
        texts: [...(outcome.result.texts ?? [])],
        transcript: [...(outcome.result.transcript ?? [])],
      };
    case 'target-language-required':
      return { ok: false, needsTargetLanguage: true, message: outcome.message };
    case 'no-result-endpoint':
    case 'not-ready':
      return { ok: false, needsTargetLanguage: false, message: outcome.message };
    default:
      return { ok: false, needsTargetLanguage: false, message: describeResultFailure(outcome) };
  }
}

/** The link named `name`, or the first; a sentence when there is none. */
export function pickLink(
  view: ResultView,
  name: string | undefined,
): { ok: true; link: ResultLink } | { ok: false; message: string } {
  if (!view.ok) return { ok: false, message: view.message };
  const link = name === undefined ? view.links[0] : view.links.find((candidate) => candidate.name === name);
  if (link !== undefined) return { ok: true, link };
  if (name !== undefined) return { ok: false, message: `This result has no link called ${name}.` };
  return { ok: false, message: 'This result has no file to open; its text is shown in the task details.' };
}
