import { z } from 'zod';
import { AUTO_SAVE_OFF, autoSaveSchema } from './autoSave';
import { DEFAULT_QUIET_HOURS, quietHoursSchema } from './quietHours';
import { listGroupingSchema, listOrderSchema } from './taskOrder';
import { windowShortcutSchema } from './windowShortcut';

/**
 * How soon a finished task is noticed, as a share of its age: a task that has run for 10 minutes is
 * checked again after 30 s (eager), 60 s (balanced) or 120 s (frugal), within the 3 s – 60 s bounds.
 */
export const RESPONSIVENESS_SHARE = { eager: 0.05, balanced: 0.1, frugal: 0.2 } as const;

export type Responsiveness = keyof typeof RESPONSIVENESS_SHARE;

export const responsivenessSchema = z.enum(['eager', 'balanced', 'frugal']);

/** 'none': silent; 'system': the desktop's own notification sound; 'chime': CAMB Watch's short chime. */
export const NOTIFICATION_SOUNDS = ['none', 'system', 'chime'] as const;
export const notificationSoundSchema = z.enum(NOTIFICATION_SOUNDS);
export type NotificationSound = z.infer<typeof notificationSoundSchema>;

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
  /** What a notification sounds like when a job succeeds (older files read the default on load). */
  soundOnSuccess: notificationSoundSchema,
  /** The same when a job fails (and for key or connection problems). */
  soundOnFailure: notificationSoundSchema,
  /** Notifications are held until this time (epoch ms), then summed up in one; null: not on. */
  doNotDisturbUntil: z.number().int().nonnegative().nullable(),
  /** A Do not disturb that comes back every night (or on the days chosen), e.g. 22:00–08:00. */
  quietHours: quietHoursSchema,
  /** How the watch list is sorted: what needs the user first (default), or by date added, name or kind. */
  listOrder: listOrderSchema,
  /** Headers in the watch list: none, one per kind, or one per day. */
  listGrouping: listGroupingSchema,
  /** Tighter rows and spacing, so more of the list fits in a small window. */
  compactDensity: z.boolean(),
  /** When pending jobs are checked: learned from the user's own jobs (default), or by age alone. */
  schedule: scheduleSchema,
  /** Results of these kinds saved into this folder as jobs succeed (off by default). */
  autoSave: autoSaveSchema,
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
  soundOnSuccess: 'system',
  soundOnFailure: 'system',
  doNotDisturbUntil: null,
  quietHours: DEFAULT_QUIET_HOURS,
  listOrder: 'attention',
  listGrouping: 'none',
  compactDensity: false,
  schedule: 'duration-aware',
  autoSave: AUTO_SAVE_OFF,
};
