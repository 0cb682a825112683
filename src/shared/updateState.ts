import { z } from 'zod';

/**
 * Where the app's own update stands, as the window and the tray show it. Every sentence in here is
 * already in words a person reads (the core words errors and reasons); the window adds nothing but layout.
 */
export const updateStateSchema = z.discriminatedUnion('phase', [
  /** Nothing going on; `checkedAt` is when a check last found nothing newer (null: not checked yet). */
  z.object({ phase: z.literal('idle'), checkedAt: z.number().nullable() }),
  z.object({ phase: z.literal('checking') }),
  z.object({
    phase: z.literal('downloading'),
    version: z.string().max(100),
    percent: z.number().int().min(0).max(100),
  }),
  z.object({ phase: z.literal('ready'), version: z.string().max(100) }),
  z.object({ phase: z.literal('error'), message: z.string() }),
  /**
   * This copy cannot update itself (a development run, a .deb install, an unsigned macOS build, …), and
   * why; `releasesUrl` where a new version is downloaded by hand instead (an https page, opened outside).
   */
  z.object({
    phase: z.literal('unavailable'),
    reason: z.string(),
    releasesUrl: z.string().max(2000).optional(),
  }),
]);

export type UpdateState = z.infer<typeof updateStateSchema>;
