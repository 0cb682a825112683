import { z } from 'zod';
import type { DurationPrior } from './durations/priors';
import { MINUTE_MS, SECOND_MS } from './time';

/**
 * Every asynchronous CAMB.AI job kind CAMB Watch can watch, in one table (see shared/docs/CAMB-API.md):
 * a new kind is one row, and the type makes every field of it required (tests/unit/tasks/taskKinds.test.ts
 * checks the values). Paths are templates: `{task_id}`, `{run_id}` and `{target_language}` are filled in
 * by the CAMB client, each value URI-encoded. A kind without a result endpoint has an empty `resultPaths`.
 *
 * Where the duration priors come from: CAMB.AI publishes no typical durations (shared/docs/CAMB-API.md:
 * "they publish no rate limits and no typical durations"); its docs only advise polling every 2–5 s and
 * backing off on long jobs (the story status page, shared/seeds/000_1571a5ac11ba9a6c.txt, polls every 5 s).
 * So every median is a guess from what the job does: short speech and sound clips take seconds,
 * translations and transcriptions tens of seconds to minutes, stories minutes, dubs of a video tens of
 * minutes. The spreads are deliberately broad (σ ≥ 1: the 80 % range spans about 13× around the median)
 * because the guess may be off by a lot and the input's length varies; a few finished jobs of the user's
 * own outweigh them (see PRIOR_PSEUDO_RUNS).
 */
export const TASK_KIND_TABLE = {
  story: {
    title: 'Story',
    playerLinks: ['audio_url'],
    confusedWith: 'dub',
    statusPath: '/story/{task_id}',
    resultPaths: ['/story-result/{run_id}?include_transcript=true'],
    nouns: ['story', 'stories'],
    // Guess: a document narrated; minutes (the seed page's example polls a story every 5 s until done).
    durationPrior: { medianMs: 5 * MINUTE_MS, sigma: 1.2 },
  },
  'translated-story': {
    title: 'Translated story',
    playerLinks: ['audio_url'],
    confusedWith: 'story',
    statusPath: '/translated-story/{task_id}',
    resultPaths: ['/translated-story-result/{run_id}/{target_language}'],
    nouns: ['translated story', 'translated stories'],
    // Guess: a story plus its translation.
    durationPrior: { medianMs: 8 * MINUTE_MS, sigma: 1.2 },
  },
  dub: {
    title: 'Dub',
    playerLinks: [],
    confusedWith: 'story',
    statusPath: '/dub/{task_id}',
    resultPaths: ['/dub-result/{run_id}'],
    nouns: ['dub', 'dubs'],
    // Guess: transcription, translation and speech for a whole video: tens of minutes.
    durationPrior: { medianMs: 15 * MINUTE_MS, sigma: 1.2 },
  },
  'dub-alt-format': {
    title: 'Dub (alternate format)',
    playerLinks: [],
    confusedWith: 'dub',
    statusPath: '/dub-alt-format/{task_id}',
    resultPaths: [],
    nouns: ['alternate-format dub', 'alternate-format dubs'],
    // Guess: as a dub.
    durationPrior: { medianMs: 15 * MINUTE_MS, sigma: 1.2 },
  },
  tts: {
    title: 'Speech',
    playerLinks: ['file_url'],
    confusedWith: null,
    statusPath: '/tts/{task_id}',
    resultPaths: ['/tts-result/{run_id}?output_type=file_url'],
    nouns: ['speech job', 'speech jobs'],
    // Guess: a sentence or a paragraph of speech renders in seconds.
    durationPrior: { medianMs: 10 * SECOND_MS, sigma: 1.0 },
  },
  'translated-tts': {
    title: 'Translated speech',
    playerLinks: ['file_url'],
    confusedWith: null,
    statusPath: '/translated-tts/{task_id}',
    resultPaths: ['/tts-result/{run_id}?output_type=file_url', '/translation-result/{run_id}'],
    nouns: ['translated speech job', 'translated speech jobs'],
    // Guess: translation first, then speech.
    durationPrior: { medianMs: 25 * SECOND_MS, sigma: 1.0 },
  },
  translate: {
    title: 'Translation',
    playerLinks: [],
    confusedWith: null,
    statusPath: '/translate/{task_id}',
    resultPaths: ['/translation-result/{run_id}'],
    nouns: ['translation', 'translations'],
    // Guess: text translation, longer for long texts.
    durationPrior: { medianMs: 30 * SECOND_MS, sigma: 1.2 },
  },
  transcribe: {
    title: 'Transcription',
    playerLinks: [],
    confusedWith: null,
    statusPath: '/transcribe/{task_id}',
    resultPaths: ['/transcription-result/{run_id}'],
    nouns: ['transcription', 'transcriptions'],
    // Guess: roughly a fraction of the audio's length; audio lengths vary widely.
    durationPrior: { medianMs: 2 * MINUTE_MS, sigma: 1.2 },
  },
  'text-to-sound': {
    title: 'Sound effect',
    playerLinks: ['file_url'],
    confusedWith: null,
    statusPath: '/text-to-sound/{task_id}',
    resultPaths: ['/text-to-sound-result/{run_id}?output_type=file_url'],
    nouns: ['sound effect', 'sound effects'],
    // Guess: a short generated clip.
    durationPrior: { medianMs: 30 * SECOND_MS, sigma: 1.0 },
  },
  'text-to-voice': {
    title: 'Voice',
    playerLinks: [],
    confusedWith: null,
    statusPath: '/text-to-voice/{task_id}',
    resultPaths: ['/text-to-voice-result/{run_id}'],
    nouns: ['voice', 'voices'],
    // Guess: a voice designed from a description, a short sample.
    durationPrior: { medianMs: 20 * SECOND_MS, sigma: 1.0 },
  },
  'audio-separation': {
    title: 'Audio separation',
    playerLinks: [],
    confusedWith: null,
    statusPath: '/audio-separation/{task_id}',
    resultPaths: ['/audio-separation-result/{run_id}'],
    nouns: ['audio separation', 'audio separations'],
    // Guess: a pass over the whole audio file.
    durationPrior: { medianMs: 3 * MINUTE_MS, sigma: 1.2 },
  },
  'project-setup': {
    title: 'Project setup',
    playerLinks: [],
    confusedWith: null,
    statusPath: '/project-setup/{task_id}',
    resultPaths: ['/project-setup-result/{run_id}'],
    nouns: ['project setup', 'project setups'],
    // Guess: preparing a project from uploaded media.
    durationPrior: { medianMs: 3 * MINUTE_MS, sigma: 1.2 },
  },
} as const satisfies Record<string, TaskKindInfo>;

export interface TaskKindInfo {
  /** What a person calls the job, used in notifications: "Story ready". */
  readonly title: string;
  /**
   * The result links whose audio the details play inline (the job's own sound: speech, a sound effect, a
   * story's narration); other files are opened or downloaded.
   */
  readonly playerLinks: readonly string[];
  /**
   * The kind whose ids are most often watched as this one by mistake (a dub id added as a story), named in
   * the hint under a task CAMB.AI does not know; null where no such mix-up is likely (speech, sounds…).
   */
  readonly confusedWith: string | null;
  readonly statusPath: string;
  readonly resultPaths: readonly string[];
  /** What a person calls one job and several jobs of the kind, in running text: "from 37 earlier dubs". */
  readonly nouns: readonly [one: string, many: string];
  /** How long a job of the kind is assumed to take before the user's own history says otherwise. */
  readonly durationPrior: DurationPrior;
}

export type TaskKind = keyof typeof TASK_KIND_TABLE;

export const TASK_KINDS = Object.keys(TASK_KIND_TABLE) as TaskKind[];

export const DEFAULT_TASK_KIND: TaskKind = 'story';

export const taskKindSchema = z.enum(TASK_KINDS as [TaskKind, ...TaskKind[]], {
  error: (issue) =>
    `unknown job kind ${JSON.stringify(issue.input)}; expected one of: ${TASK_KINDS.join(', ')}`,
});

/** Whether `value` names a kind CAMB Watch knows: the one check every reader of `kind:id` text uses. */
export function isTaskKind(value: string): value is TaskKind {
  return Object.hasOwn(TASK_KIND_TABLE, value);
}

export function taskKindInfo(kind: TaskKind): TaskKindInfo {
  return TASK_KIND_TABLE[kind];
}

/** Kinds whose result endpoint needs a target language in its path. */
export function resultNeedsTargetLanguage(kind: TaskKind): boolean {
  return taskKindInfo(kind).resultPaths.some((path) => path.includes('{target_language}'));
}
