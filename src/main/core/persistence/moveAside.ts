import fs from 'node:fs';

/** `2026-01-01T10-04-05.123Z`: sortable and free of characters Windows refuses in file names. */
function fileSafeTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replaceAll(':', '-');
}

/**
 * Moves the file to `<file>.corrupt-<timestamp>` (never deletes it). conf may have rewritten the file
 * while failing (a migration that throws rolls back through a re-serialised copy), so the moved file
 * is given back the bytes read before conf touched it.
 */
export function moveAside(filePath: string, original: Buffer | null, now: number): string {
  const base = `${filePath}.corrupt-${fileSafeTimestamp(now)}`;
  let target = base;
  for (let n = 1; fs.existsSync(target); n++) target = `${base}-${n}`;
  fs.renameSync(filePath, target);
  if (original !== null && !fs.readFileSync(target).equals(original)) fs.writeFileSync(target, original);
  return target;
}
