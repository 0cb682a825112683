import type { ResultPlayer, ResultView } from '../../../shared/contract';
import { TASK_KIND_TABLE, type TaskKind } from '../../../shared/taskKinds';
import { checkMediaUrl } from '../links';
import type { NetworkReason, RequestFailure } from '../camb';
import type { ResultLink, ResultOutcome } from '../camb';

export type FetchedResult = ResultOutcome | { readonly type: 'not-ready'; readonly message: string };

const NETWORK_TROUBLE: Readonly<Record<NetworkReason, string>> = {
  timeout: 'CAMB.AI took too long to answer',
  reset: 'The connection to CAMB.AI dropped',
  refused: 'CAMB.AI cannot be reached',
  dns: 'CAMB.AI cannot be reached',
  other: 'CAMB.AI cannot be reached',
};

/** Why the result could not be fetched, in words, with what to do (the status codes stay in the log). */
function describeResultFailure(failure: RequestFailure): string {
  switch (failure.type) {
    case 'auth-rejected':
      return 'CAMB.AI did not accept the API key for this result: check the key in Settings, then try again.';
    case 'not-found':
      return 'CAMB.AI no longer has a result for this run.';
    case 'invalid':
      // failure.message is the client's own sentence with the status code: for the log, not the window.
      return 'CAMB.AI did not accept the request for this result: check the target language, if it needs one.';
    case 'rate-limited':
      return 'CAMB.AI asked us to slow down: try again in a minute.';
    case 'server-error':
      return 'CAMB.AI had a problem answering: try again in a while.';
    case 'network':
      return `${NETWORK_TROUBLE[failure.reason]}: check your connection and try again.`;
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
  if (name !== undefined)
    return {
      ok: false,
      message: 'CAMB.AI no longer lists that file in this result: close and reopen the task.',
    };
  return {
    ok: false,
    message:
      view.texts.length + view.transcript.length > 0
        ? 'This result has no file; its text is shown in the task details.'
        : 'This result has no file.',
  };
}

/**
 * The view with its inline player: the kind's audio link (speech, a sound effect, a story's narration), if
 * the result has one, checked as the page's media-src would check it; a refused link says why in words.
 */
export function withPlayer(view: ResultView, kind: TaskKind, localMediaOrigin: string | null): ResultView {
  if (!view.ok) return view;
  const names: readonly string[] = TASK_KIND_TABLE[kind].playerLinks;
  const link = view.links.find((candidate) => names.includes(candidate.name));
  if (link === undefined) return view;
  const checked = checkMediaUrl(link.url, localMediaOrigin);
  const player: ResultPlayer = checked.ok
    ? { name: link.name, url: checked.url }
    : { name: link.name, refused: checked.message };
  return { ...view, player };
}
