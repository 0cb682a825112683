import { z } from 'zod';
import { taskKindSchema, type TaskKind } from '../taskKinds';
import { DAY_MS } from '../time';

/** Far beyond any job worth watching; a bound, so one odd record cannot stretch every estimate. */
export const MAX_RUN_MS = 365 * DAY_MS;

/** The most runs kept (and used) per kind: recent history is what predicts the next job. */
export const RUNS_KEPT_PER_KIND = 500;

/**
 * One job that reached an ending while watched: how long it ran as far as the app knows, from being
 * added to the first terminal answer. `lowerBound` marks a run whose start the app did not see (it was
 * added late, e.g. already finished at its first check): it only says the job took at least that long,
 * so estimates leave it out.
 */
export const finishedRunSchema = z.object({
  kind: taskKindSchema,
  durationMs: z.number().int().nonnegative().max(MAX_RUN_MS),
  finishedAt: z.number().int().nonnegative(),
  succeeded: z.boolean(),
  lowerBound: z.boolean(),
  /**
   * The job's age at the last PENDING answer before the ending: it ended between this and `durationMs`
   * (interval censoring). Absent on runs stored before it was kept, and when there was no such answer.
   */
  lastPendingMs: z.number().int().nonnegative().max(MAX_RUN_MS).optional(),
});

export interface FinishedRun {
  readonly kind: TaskKind;
  readonly durationMs: number;
  readonly finishedAt: number;
  readonly succeeded: boolean;
  readonly lowerBound: boolean;
  /** The age at the last PENDING answer: the ending lies between it and `durationMs` (see the schema). */
  readonly lastPendingMs?: number;
}

export const finishedRunsSchema = z.array(finishedRunSchema).max(RUNS_KEPT_PER_KIND * 20);
