import { z } from 'zod';
import { taskKindSchema } from './taskKinds';

/**
 * A folder to save results into: an absolute path (POSIX "/…", Windows "C:\…" or "\\server\share…"),
 * as the user chose or typed it. Whether it exists and can be written is found out when a file is saved,
 * since that can change at any time (a drive unplugged, a folder deleted).
 */
export const autoSaveFolderSchema = z
  .string()
  .trim()
  .min(1, 'Choose a folder to save results into.')
  .max(1024, 'That folder’s path is too long: choose a folder nearer the top of the disk.')
  .refine((path) => !path.includes('\0'), 'That folder’s path has a character no folder can have.')
  .refine(
    (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/u.test(path) || path.startsWith('\\\\'),
    'Give the folder’s whole path, from the top of the disk (like /home/me/Results or C:\\Results).',
  );

/**
 * Save results automatically: when a job of one of `kinds` succeeds, its result files go into `folder`
 * (CAMB.AI's links expire in about a day). Off while `folder` is null or `kinds` is empty.
 */
export const autoSaveSchema = z
  .object({
    folder: autoSaveFolderSchema.nullable(),
    kinds: z.array(taskKindSchema).max(20),
  })
  .strict()
  .transform(({ folder, kinds }) => ({ folder, kinds: [...new Set(kinds)] }));

export type AutoSave = z.infer<typeof autoSaveSchema>;

export const AUTO_SAVE_OFF: AutoSave = { folder: null, kinds: [] };
