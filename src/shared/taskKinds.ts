import { z } from 'zod';

/**
 * Every asynchronous CAMB.AI job kind CAMB Watch can watch, in one table (see shared/docs/CAMB-API.md).
 * Paths are templates: `{task_id}`, `{run_id}` and `{target_language}` are filled in by the CAMB client,
 * each value URI-encoded. A kind without a result endpoint has an empty `resultPaths`.
 */
export const TASK_KIND_TABLE = {
  story: {
    title: 'Story',
    statusPath: '/story/{task_id}',
    resultPaths: ['/story-result/{run_id}?include_transcript=true'],
  },
  'translated-story': {
    title: 'Translated story',
    statusPath: '/translated-story/{task_id}',
    resultPaths: ['/translated-story-result/{run_id}/{target_language}'],
  },
  dub: {
    title: 'Dub',
    statusPath: '/dub/{task_id}',
    resultPaths: ['/dub-result/{run_id}'],
  },
  'dub-alt-format': {
    title: 'Dub (alternate format)',
    statusPath: '/dub-alt-format/{task_id}',
    resultPaths: [],
  },
  tts: {
    title: 'Speech',
    statusPath: '/tts/{task_id}',
    resultPaths: ['/tts-result/{run_id}?output_type=file_url'],
  },
  'translated-tts': {
    title: 'Translated speech',
    statusPath: '/translated-tts/{task_id}',
    resultPaths: ['/tts-result/{run_id}?output_type=file_url', '/translation-result/{run_id}'],
  },
  translate: {
    title: 'Translation',
    statusPath: '/translate/{task_id}',
    resultPaths: ['/translation-result/{run_id}'],
  },
  transcribe: {
    title: 'Transcription',
    statusPath: '/transcribe/{task_id}',
    resultPaths: ['/transcription-result/{run_id}'],
  },
  'text-to-sound': {
    title: 'Sound effect',
    statusPath: '/text-to-sound/{task_id}',
    resultPaths: ['/text-to-sound-result/{run_id}?output_type=file_url'],
  },
  'text-to-voice': {
    title: 'Voice',
    statusPath: '/text-to-voice/{task_id}',
    resultPaths: ['/text-to-voice-result/{run_id}'],
  },
  'audio-separation': {
    title: 'Audio separation',
    statusPath: '/audio-separation/{task_id}',
    resultPaths: ['/audio-separation-result/{run_id}'],
  },
  'project-setup': {
    title: 'Project setup',
    statusPath: '/project-setup/{task_id}',
    resultPaths: ['/project-setup-result/{run_id}'],
  },
} as const satisfies Record<string, TaskKindInfo>;

export interface TaskKindInfo {
  /** What a person calls the job, used in notifications: "Story ready". */
  readonly title: string;
  readonly statusPath: string;
  readonly resultPaths: readonly string[];
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
