import type { TaskKind } from '../taskKinds';
import { MINUTE_MS, SECOND_MS } from '../time';

/**
 * What the app assumes of a kind before the user's own history says otherwise: a log-normal with this
 * median and spread (σ of the natural log of the duration).
 *
 * Where the numbers come from: CAMB.AI publishes no typical durations (shared/docs/CAMB-API.md: "they
 * publish no rate limits and no typical durations"); its docs only advise polling every 2–5 s and backing
 * off on long jobs (the story status page, shared/seeds/000_1571a5ac11ba9a6c.txt, polls every 5 s). So
 * every median below is a guess from what the job does: short speech and sound clips take seconds,
 * translations and transcriptions tens of seconds to minutes, stories minutes, dubs of a video tens of
 * minutes. The spreads are deliberately broad (σ ≥ 1: the 80 % range spans about 13× around the
 * median) because the guess may be off by a lot and the input's length varies; a few finished jobs of
 * the user's own outweigh them (see PRIOR_PSEUDO_RUNS).
 */
export interface DurationPrior {
  readonly medianMs: number;
  readonly sigma: number;
}

export const DURATION_PRIORS: Readonly<Record<TaskKind, DurationPrior>> = {
  // Guess: a sentence or a paragraph of speech renders in seconds.
  tts: { medianMs: 10 * SECOND_MS, sigma: 1.0 },
  // Guess: translation first, then speech.
  'translated-tts': { medianMs: 25 * SECOND_MS, sigma: 1.0 },
  // Guess: a short generated clip.
  'text-to-sound': { medianMs: 30 * SECOND_MS, sigma: 1.0 },
  // Guess: a voice designed from a description, a short sample.
  'text-to-voice': { medianMs: 20 * SECOND_MS, sigma: 1.0 },
  // Guess: text translation, longer for long texts.
  translate: { medianMs: 30 * SECOND_MS, sigma: 1.2 },
  // Guess: roughly a fraction of the audio's length; audio lengths vary widely.
  transcribe: { medianMs: 2 * MINUTE_MS, sigma: 1.2 },
  // Guess: a pass over the whole audio file.
  'audio-separation': { medianMs: 3 * MINUTE_MS, sigma: 1.2 },
  // Guess: a document narrated; minutes (the seed page's example polls a story every 5 s until done).
  story: { medianMs: 5 * MINUTE_MS, sigma: 1.2 },
  // Guess: a story plus its translation.
  'translated-story': { medianMs: 8 * MINUTE_MS, sigma: 1.2 },
  // Guess: transcription, translation and speech for a whole video: tens of minutes.
  dub: { medianMs: 15 * MINUTE_MS, sigma: 1.2 },
  'dub-alt-format': { medianMs: 15 * MINUTE_MS, sigma: 1.2 },
  // Guess: preparing a project from uploaded media.
  'project-setup': { medianMs: 3 * MINUTE_MS, sigma: 1.2 },
};

/**
 * How many finished runs the prior is worth: with n runs of the user's own, the prior keeps a weight of
 * 3 / (n + 3) — a third after 6 runs, under a tenth after 27, so history takes over quickly.
 */
export const PRIOR_PSEUDO_RUNS = 3;
