import { z } from 'zod';

export const keyCheckSchema = z.enum(['works', 'rejected', 'not-checked']);
export type KeyCheck = z.infer<typeof keyCheckSchema>;

/**
 * Saving the watch list is failing (or had to leave tasks out): held from the failed write until the next
 * one that works, so every window, the tray and the CLI keep saying it.
 */
export const saveProblemSchema = z.object({
  /** A few words for the tray, after "Not saving changes: ": "the disk is full". */
  summary: z.string().max(100),
  /** What fails and what to do, in sentences: where the folder is and what to free or check. */
  message: z.string().max(2000),
});
export type SaveProblem = z.infer<typeof saveProblemSchema>;

/**
 * What the app as a whole is doing, for banners and the tray: whether there is a usable key, whether
 * CAMB.AI accepts it and can be reached, and whether polling is held back. Never holds the key itself.
 */
export const serviceStateSchema = z.object({
  key: z.object({
    present: z.boolean(),
    /** Where the key in use is kept ('environment', 'OS keychain', ...); null when there is none. */
    where: z.string().nullable(),
    /** Why the key store cannot be used, e.g. "keychain unavailable: the keyring is locked". */
    problem: z.string().nullable(),
    /**
     * What CAMB.AI said of the key in use since it was saved: works, rejected, or not-checked (saved while
     * CAMB.AI could not be reached; checked at the next chance). Null when nothing is known yet.
     */
    check: keyCheckSchema.nullable(),
  }),
  /** Why CAMB.AI rejected the key; polling waits for a new key while set. */
  authProblem: z.string().nullable(),
  /** offline: the system says so; unreachable: requests fail although the system is online. */
  connectivity: z.enum(['online', 'offline', 'unreachable']),
  /** The user's "Pause polling". */
  pollingPaused: z.boolean(),
  /** The computer is asleep or locked: polling waits, and resumes with a round at once. */
  suspended: z.boolean(),
  /** CAMB.AI asked to slow down: nothing is sent before this time (epoch ms). */
  rateLimitedUntil: z.number().nullable(),
  /**
   * More jobs are polled than the request budget can check once a minute, in words with how often each
   * is checked instead ("1,000 active jobs: each is checked about every 4 min."); null when it keeps up.
   */
  budgetNotice: z.string().max(200).nullable(),
  /** Saving the watch list fails: changes live only in memory until it works again. */
  saveProblem: saveProblemSchema.nullable(),
});

export type ServiceState = z.infer<typeof serviceStateSchema>;
