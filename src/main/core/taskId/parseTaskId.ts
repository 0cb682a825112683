import { z } from 'zod';
import { clipText } from '../../../shared/format/clipText';
import { taskIdSchema } from './taskIdSchema';

export type TaskIdParseResult = { ok: true; taskId: string } | { ok: false; error: string };

/** How much of a rejected input a message quotes: enough to recognise it, never a whole pasted file. */
const PREVIEW_CHARS = 40;

function preview(text: string): string {
  // JSON quoting makes control characters and line breaks visible instead of breaking the message.
  return JSON.stringify(clipText(text, PREVIEW_CHARS));
}

const jsonTaskId = z.union([z.string(), z.number()]);

/** What people paste from CAMB's answers and SDK logs: `{"task_id": "…"}`, maybe with more fields. */
const pastedObjectSchema = z.looseObject({ task_id: jsonTaskId.optional(), taskId: jsonTaskId.optional() });

type Candidate = { ok: true; text: string } | { ok: false; error: string };

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function fromJsonNumber(value: number): Candidate {
  // JSON.parse silently rounds long numbers, which would turn the id into a different one.
  if (Number.isSafeInteger(value) && value >= 0) return { ok: true, text: String(value) };
  return fail(
    `The task_id in the pasted JSON is the number ${value}, which cannot be read exactly; put the id in quotes`,
  );
}

function fromPastedJson(text: string): Candidate {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(
      `This looks like JSON but cannot be read (${preview(text)}); paste the task id alone or the whole {"task_id": "…"} answer`,
    );
  }
  if (typeof value === 'string') return { ok: true, text: value };
  const pasted = pastedObjectSchema.safeParse(value);
  if (!pasted.success)
    return fail(`The pasted JSON is not an object with a "task_id" field (${preview(text)})`);
  const id = pasted.data.task_id ?? pasted.data.taskId;
  if (id === undefined) return fail(`The pasted JSON has no "task_id" field (${preview(text)})`);
  return typeof id === 'number' ? fromJsonNumber(id) : { ok: true, text: id };
}

/**
 * Turns what a person typed or pasted into a task id, or says in plain words why it is not one.
 * Never throws, whatever the input.
 */
export function parseTaskId(input: string): TaskIdParseResult {
  const trimmed = input.trim();
  // Task ids never start with these, so such input is something pasted from JSON.
  const looksLikeJson = /^[{["]/.test(trimmed);
  const candidate: Candidate = looksLikeJson ? fromPastedJson(trimmed) : { ok: true, text: trimmed };
  if (!candidate.ok) return candidate;

  const checked = taskIdSchema.safeParse(candidate.text);
  if (checked.success) return { ok: true, taskId: checked.data };
  const problem = checked.error.issues[0]?.message ?? 'This is not a valid task id';
  const shown = candidate.text.trim();
  return fail(shown === '' ? problem : `${problem}: ${preview(shown)}`);
}
