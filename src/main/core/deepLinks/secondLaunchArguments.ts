import { z } from 'zod';

/** What a second launch sends the first with the single-instance lock: its command line, as it was. */
export const secondLaunchDataSchema = z.object({
  argv: z.array(z.string().max(10_000)).max(500),
});

export type SecondLaunchData = z.infer<typeof secondLaunchDataSchema>;

/**
 * The command line of a second launch. Electron's own `argv` for it is reordered by Chromium (switches
 * first, extra ones appended), which splits `--watch story:1 --watch story:2` from its values; the copy the
 * second process sent as the lock's additional data is exact, so it wins whenever it is readable.
 */
export function secondLaunchArguments(
  additionalData: unknown,
  reorderedArgv: readonly string[],
): readonly string[] {
  const sent = secondLaunchDataSchema.safeParse(additionalData);
  return sent.success ? sent.data.argv : reorderedArgv;
}
