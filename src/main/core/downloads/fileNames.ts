import { open } from 'node:fs/promises';
import { extname, join } from 'node:path';

const UNSAFE = /[\p{Cc}\p{Cf}<>:"/\\|?*]/gu;
const MAX_NAME = 120;

/**
 * A file name for a downloaded result: the last segment of its URL when that is a usable name, else
 * `fallback`. Anything a file system or a shell could trip over is replaced, and leading dots removed, so
 * a link can never name a hidden file or climb out of the Downloads folder.
 */
export function fileNameForUrl(url: string, fallback: string): string {
  let segment: string;
  try {
    segment = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    segment = '';
  }
  return safeFileName(segment, fallback);
}

/** `name` made safe to create in a folder (see fileNameForUrl), or `fallback` when nothing usable is left. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name
    .replace(UNSAFE, '_')
    .replace(/^[.\s]+/u, '')
    .trim();
  return shortened(cleaned === '' ? fallback : cleaned);
}

function shortened(name: string): string {
  if (name.length <= MAX_NAME) return name;
  const extension = extname(name).slice(0, 16);
  return `${name.slice(0, MAX_NAME - extension.length)}${extension}`;
}

/**
 * Claims `name` in `folder`, or "name (2).ext", "name (3).ext"…, by creating the file exclusively, so two
 * downloads of the same result never write into one file and nothing the user has is overwritten.
 */
export async function reserveUniquePath(folder: string, name: string): Promise<string> {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let attempt = 1; attempt < 1000; attempt += 1) {
    const candidate = join(folder, attempt === 1 ? name : `${stem} (${attempt})${extension}`);
    try {
      const handle = await open(candidate, 'wx');
      await handle.close();
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`There are too many files called ${name} in ${folder}.`);
}
