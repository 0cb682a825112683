import { z } from 'zod';
import { windowShortcutSchema } from './windowShortcut';

/**
 * How soon a finished task is noticed, as a share of its age: a task that has run for 10 minutes is
 * checked again after 30 s (eager), 60 s (balanced) or 120 s (frugal), within the 3 s – 60 s bounds.
 */
export const RESPONSIVENESS_SHARE = { eager: 0.05, balanced: 0.1, frugal: 0.2 } as const;

export type Responsiveness = keyof typeof RESPONSIVENESS_SHARE;

export const responsivenessSchema = z.enum(['eager', 'balanced', 'frugal']);

/**
 * When pending jobs are checked: 'duration-aware' learns from how long the user's jobs of each kind took
 * (checks where finishes are likely); 'adaptive' paces by age alone, whatever the kind.
 */
export const scheduleSchema = z.enum(['duration-aware', 'adaptive']);

export type Schedule = z.infer<typeof scheduleSchema>;

export const settingsSchema = z.object({
  responsiveness: responsivenessSchema,
  notifyOnSuccess: z.boolean(),
  notifyOnFailure: z.boolean(),
  pollingPaused: z.boolean(),
  launchAtLogin: z.boolean(),
  /** Look for a new version of the app at launch and every few hours (where this copy can update). */
  checkForUpdates: z.boolean(),
  /** Shows and hides the window from any app; null: none (the default, it would take keys from others). */
  windowShortcut: windowShortcutSchema.nullable(),
  schedule: scheduleSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  responsiveness: 'balanced',
  notifyOnSuccess: true,
  notifyOnFailure: true,
  pollingPaused: false,
  launchAtLogin: false,
  checkForUpdates: true,
  windowShortcut: null,
  schedule: 'duration-aware',
};
