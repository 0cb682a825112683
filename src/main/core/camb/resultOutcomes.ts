import type { TaskKind } from '../../../shared/taskKinds';
import type { RequestFailure } from './outcomes';

/** One downloadable output of a finished job, named after the field CAMB.AI sent it in. */
export interface ResultLink {
  /** The API's field name, e.g. `audio_url`, `output_video_url`, `previews[1]`. */
  readonly name: string;
  readonly url: string;
}

export interface TranscriptSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
}

/** A finished job's output in one shape for every kind (see CAMB-API.md, "result holds"). */
export interface TaskResult {
  readonly kind: TaskKind;
  readonly runId: number | string;
  readonly links: readonly ResultLink[];
  readonly texts?: readonly string[];
  readonly transcript?: readonly TranscriptSegment[];
  /** The JSON as CAMB.AI sent it; for kinds with several result endpoints, keyed by endpoint name. */
  readonly details: unknown;
}

export interface ResultReport {
  readonly type: 'result';
  readonly result: TaskResult;
}

/** The kind has no result endpoint at all (dub-alt-format): nothing was requested. */
export interface NoResultEndpoint {
  readonly type: 'no-result-endpoint';
  readonly kind: TaskKind;
  readonly message: string;
}

/** The kind's result lives per target language and none was given: nothing was requested. */
export interface TargetLanguageRequired {
  readonly type: 'target-language-required';
  readonly kind: TaskKind;
  readonly message: string;
}

export type ResultOutcome = ResultReport | NoResultEndpoint | TargetLanguageRequired | RequestFailure;

/** What one result endpoint answered, before the parts of a multi-endpoint kind are merged. */
export interface ResultPart {
  readonly type: 'result-part';
  /** First path segment of the endpoint, e.g. `tts-result`. */
  readonly endpoint: string;
  readonly links: readonly ResultLink[];
  readonly texts?: readonly string[];
  readonly transcript?: readonly TranscriptSegment[];
  readonly body: unknown;
}
