import { z } from 'zod';

/**
 * The rules a CAMB task id must meet before anything is sent. A task id ends up in a URL path, so the
 * rules reject what could change which path is requested ('/', '..', '.') and what a copy-paste tends to drag
 * along (spaces, line breaks, invisible characters). Every boundary that takes a task id (the paste box,
 * IPC, the CLI, import) uses this one schema, so they all accept and refuse the same ids with the same words.
 */

export const TASK_ID_MAX_LENGTH = 128;

const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);

function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function firstMatch(input: unknown, pattern: RegExp): string {
  return String(input).match(pattern)?.[0] ?? '';
}

function whitespaceProblem(input: unknown): string {
  const char = firstMatch(input, /\s/u);
  if (char === ' ') return 'A task id cannot contain spaces';
  if (char === '\t') return 'A task id cannot contain tabs';
  if (LINE_BREAKS.has(char)) return 'A task id cannot contain line breaks';
  return `A task id cannot contain blank characters (found ${codePointName(char)})`;
}

export const taskIdSchema = z
  .string({ error: 'A task id must be text' })
  .trim()
  .min(1, { error: 'The task id is empty', abort: true })
  .max(TASK_ID_MAX_LENGTH, {
    error: (issue) =>
      `The task id is ${String(issue.input).length} characters long; task ids are at most ${TASK_ID_MAX_LENGTH}`,
    abort: true,
  })
  .refine((id) => !/\s/u.test(id), { error: (issue) => whitespaceProblem(issue.input), abort: true })
  .refine((id) => !/\p{Cc}/u.test(id), {
    error: (issue) =>
      `A task id cannot contain control characters (found ${codePointName(firstMatch(issue.input, /\p{Cc}/u))})`,
    abort: true,
  })
  // Zero-width spaces, direction marks and the like: invisible when pasted, but they make a different id.
  .refine((id) => !/\p{Cf}/u.test(id), {
    error: (issue) =>
      `A task id cannot contain invisible characters (found ${codePointName(firstMatch(issue.input, /\p{Cf}/u))})`,
    abort: true,
  })
  .refine((id) => !id.includes('/'), { error: 'A task id cannot contain a slash (/)', abort: true })
  .refine((id) => !id.includes('..'), {
    error: 'A task id cannot contain two dots in a row (..)',
    abort: true,
  })
  // URLs drop a "." path segment, so `/story/.` would ask `/story/` instead: another endpoint.
  .refine((id) => id !== '.', { error: 'A task id cannot be a single dot (.)', abort: true });
